import { type Check, type CommentCandidate, objection, type Verdict } from '../moderation.types.ts';

export const DEFAULT_AKISMET_ENDPOINT = 'https://rest.akismet.com';
/** Akismet usually answers in well under a second; past this the comment is held, not published unchecked. */
export const DEFAULT_AKISMET_TIMEOUT_MS = 3000;

/** Server-wide Akismet options; the API key is per site. */
export interface AkismetOptions {
  /** Base URL; `/1.1/comment-check` etc. are appended. */
  endpoint?: string;
  timeoutMs?: number;
  /** Sends `is_test=1` so test traffic does not train Akismet. */
  isTest?: boolean;
  /** Sent as the request's User-Agent, as Akismet asks of clients. */
  userAgent?: string;
}

/** Akismet's per-request parameters (https://akismet.com/developers/detailed-docs/comment-check/). */
export function akismetFields(
  candidate: CommentCandidate,
  apiKey: string,
  options: AkismetOptions = {},
): URLSearchParams {
  const { author } = candidate;
  const fields = new URLSearchParams({
    api_key: apiKey,
    blog: new URL(candidate.pageUrl).origin,
    user_ip: candidate.ip ?? '',
    user_agent: candidate.userAgent ?? '',
    referrer: candidate.referrer ?? '',
    permalink: candidate.permalink,
    comment_type: 'comment',
    comment_author: author.name,
    comment_author_email: author.email ?? '',
    comment_author_url: (author.kind === 'guest' ? author.website : author.url) ?? '',
    comment_content: candidate.body,
    blog_charset: 'UTF-8',
  });
  if (options.isTest) fields.set('is_test', '1');
  // Akismet asks to be told when content it saw before is sent again, and why.
  if (candidate.edit) fields.set('recheck_reason', 'edit');
  return fields;
}

/** Akismet could not be asked, or gave an answer we cannot use. */
export class AkismetUnavailableError extends Error {
  override readonly name = 'AkismetUnavailableError';
}

async function callAkismet(
  method: 'comment-check' | 'submit-spam' | 'submit-ham',
  fields: URLSearchParams,
  options: AkismetOptions,
): Promise<{ body: string; headers: Headers }> {
  const base = (options.endpoint ?? DEFAULT_AKISMET_ENDPOINT).replace(/\/+$/, '');
  let response: Response;
  let body: string;
  try {
    response = await fetch(`${base}/1.1/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        'user-agent': options.userAgent ?? 'Parley | Parley-Akismet/1',
      },
      body: fields,
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_AKISMET_TIMEOUT_MS),
    });
    body = (await response.text()).trim();
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    throw new AkismetUnavailableError(
      timedOut
        ? `no answer within ${options.timeoutMs ?? DEFAULT_AKISMET_TIMEOUT_MS} ms`
        : `request failed (${err instanceof Error ? err.message : String(err)})`,
      { cause: err },
    );
  }
  if (!response.ok) throw new AkismetUnavailableError(`HTTP ${response.status}`);
  return { body, headers: response.headers };
}

/** Akismet answers 200 even for a bad key or missing field, and says why in this header. */
function debugHelp(headers: Headers): string {
  const help = headers.get('x-akismet-debug-help');
  return help ? `: ${help}` : '';
}

/**
 * Asks Akismet about a comment. `true` is spam (or, with
 * `X-akismet-pro-tip: discard`, spam so blatant it is refused and need not be
 * kept); `false` lets it through. Anything else (a bad key, an error, a
 * timeout) holds it: never lost, never published unchecked.
 */
export async function checkWithAkismet(
  candidate: CommentCandidate,
  apiKey: string,
  options: AkismetOptions = {},
): Promise<Verdict> {
  let answer: { body: string; headers: Headers };
  try {
    answer = await callAkismet('comment-check', akismetFields(candidate, apiKey, options), options);
  } catch (err) {
    if (!(err instanceof AkismetUnavailableError)) throw err;
    return objection('hold', 'akismet', {
      code: 'akismet.unavailable',
      params: { error: err.message },
    });
  }
  const { body, headers } = answer;
  if (body === 'true') {
    if (headers.get('x-akismet-pro-tip')?.trim().toLowerCase() === 'discard') {
      return {
        ...objection('reject', 'akismet', { code: 'akismet.discard', params: {} }),
        discard: true,
      };
    }
    return objection('spam', 'akismet', { code: 'akismet.spam', params: {} });
  }
  if (body === 'false')
    return { decision: 'approve', check: 'akismet', reason: 'Akismet: not spam' };
  const what =
    body === 'invalid' ? 'invalid API key or request' : `unexpected answer "${body.slice(0, 80)}"`;
  return objection('hold', 'akismet', {
    code: 'akismet.unavailable',
    params: { error: `${what}${debugHelp(headers)}` },
  });
}

/** The Akismet check: asks Akismet when the site has a key, says nothing otherwise. */
export function akismetCheck(options: AkismetOptions = {}): Check {
  return function checkAkismet({ candidate, settings }) {
    if (settings.akismetKey === null) {
      return { decision: 'approve', check: 'akismet', reason: 'Akismet not configured' };
    }
    return checkWithAkismet(candidate, settings.akismetKey, options);
  };
}

const SUBMIT_THANKS = 'Thanks for making the web a better place.';

async function submit(
  method: 'submit-spam' | 'submit-ham',
  candidate: CommentCandidate,
  apiKey: string,
  options: AkismetOptions,
): Promise<void> {
  const { body, headers } = await callAkismet(
    method,
    akismetFields(candidate, apiKey, options),
    options,
  );
  if (body !== SUBMIT_THANKS) {
    throw new AkismetUnavailableError(
      `${method} answered "${body.slice(0, 80)}"${debugHelp(headers)}`,
    );
  }
}

/**
 * Tells Akismet it missed a spam (a moderator marked a published or held comment as spam).
 * Send the candidate as it was checked (same IP, user agent, referrer).
 * Throws `AkismetUnavailableError` when Akismet does not confirm.
 */
export function submitSpam(
  candidate: CommentCandidate,
  apiKey: string,
  options: AkismetOptions = {},
): Promise<void> {
  return submit('submit-spam', candidate, apiKey, options);
}

/**
 * Tells Akismet a comment it called spam is not (a moderator approved it).
 * Throws `AkismetUnavailableError` when Akismet does not confirm.
 */
export function submitHam(
  candidate: CommentCandidate,
  apiKey: string,
  options: AkismetOptions = {},
): Promise<void> {
  return submit('submit-ham', candidate, apiKey, options);
}
