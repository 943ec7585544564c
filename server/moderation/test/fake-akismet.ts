import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_AKISMET_KEY = 'parley-test-key';
/** Akismet's documented test author: always spam. */
export const SPAM_AUTHOR = 'viagra-test-123';
/** Our own magic author: spam with `X-akismet-pro-tip: discard`. */
export const DISCARD_AUTHOR = 'akismet-discard-test';

/** Akismet rejects a comment-check without these (it answers 200 with a debug-help header). */
const REQUIRED = ['api_key', 'blog', 'user_ip', 'comment_type'] as const;
/** The fields Parley must send on every call, even when empty. */
export const DOCUMENTED_FIELDS = [
  'api_key',
  'blog',
  'user_ip',
  'user_agent',
  'referrer',
  'permalink',
  'comment_type',
  'comment_author',
  'comment_author_email',
  'comment_author_url',
  'comment_content',
] as const;

export interface AkismetCall {
  method: string;
  contentType: string | undefined;
  fields: Record<string, string>;
}

export interface FakeAkismet {
  endpoint: string;
  /** Every request received, in order. */
  calls: AkismetCall[];
  /** `slow`: answer after `slowMs`; `error`: HTTP 500. */
  mode: 'normal' | 'slow' | 'error';
  slowMs: number;
  close(): Promise<void>;
}

/**
 * An Akismet-compatible server on a free port: checks the key and the
 * documented fields, answers like Akismet (`true`/`false`, `invalid` with
 * `X-akismet-debug-help`, the submit thanks), and records every call.
 */
export async function startFakeAkismet(): Promise<FakeAkismet> {
  const fake: FakeAkismet = {
    endpoint: '',
    calls: [],
    mode: 'normal',
    slowMs: 2000,
    close: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const fields = Object.fromEntries(new URLSearchParams(raw));
    const method = (req.url ?? '').replace(/^\/1\.1\//, '');
    fake.calls.push({ method, contentType: req.headers['content-type'], fields });

    if (fake.mode === 'error') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    if (fake.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, fake.slowMs));
    if (res.destroyed) return;

    const answer = (body: string, headers: Record<string, string> = {}) =>
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);
    if (req.method !== 'POST' || !['comment-check', 'submit-spam', 'submit-ham'].includes(method)) {
      res.writeHead(404).end();
      return;
    }
    if (fields.api_key !== FAKE_AKISMET_KEY) {
      answer('invalid', { 'X-akismet-debug-help': 'We were unable to verify your API key.' });
      return;
    }
    const missing = REQUIRED.find((name) => !fields[name]);
    if (missing) {
      answer(`Missing required field: ${missing}.`, {
        'X-akismet-debug-help': `Empty "${missing}" value`,
      });
      return;
    }
    if (method !== 'comment-check') {
      answer('Thanks for making the web a better place.');
      return;
    }
    if (fields.comment_author === DISCARD_AUTHOR) {
      answer('true', { 'X-akismet-pro-tip': 'discard' });
    } else {
      answer(fields.comment_author === SPAM_AUTHOR ? 'true' : 'false');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return fake;
}
