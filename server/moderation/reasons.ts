/**
 * Moderation reasons as data (contract/moderation-reasons.schema.ts): their
 * English wording, for logs, e-mail and the CLI (the dashboard words them
 * from its own catalogue), and the reading of stored rows, old prose ones
 * included.
 */
import {
  type CheckName,
  ModerationReason,
  type VerdictDetail,
} from '../../contract/moderation-reasons.schema.ts';

const FLOOD_SCOPES = { ip: 'from your address', author: 'from you', site: 'on this site' } as const;
const PLACES = { comment: 'the comment', name: 'the name', website: 'the website' } as const;

/** A reason in English, as the checks wrote it before they returned codes. */
export function englishReason(detail: VerdictDetail): string {
  switch (detail.code) {
    case 'honeypot.filled':
      return 'hidden field filled: a bot';
    case 'formAge.noTiming':
      return 'no form timing: posted without the form';
    case 'formAge.tooFast':
      return `posted ${detail.params.seconds.toFixed(1)} s after the form opened (minimum ${detail.params.minimum} s)`;
    case 'flood.unavailable':
      return `flood control unavailable (${detail.params.error})`;
    case 'flood.tooMany':
      return `slow down: too many comments ${detail.params.scopes.map((s) => FLOOD_SCOPES[s]).join(' and ')}; try again in ${detail.params.count} s`;
    case 'duplicate.repeat':
      return 'you already posted this comment';
    case 'links.editAdded': {
      const n = detail.params.count;
      return `edit added ${n === 1 ? 'a link' : `${n} links`}; this site reviews comments before they appear`;
    }
    case 'links.tooMany':
      return `${detail.params.count} links (this site holds comments with ${detail.params.limit} or more)`;
    case 'blocklist.banned':
      return 'banned: this account cannot comment on this site';
    case 'blocklist.word':
      return `blocked word "${detail.params.word}" in ${PLACES[detail.params.place]}`;
    case 'blocklist.email':
      return `blocked email "${detail.params.rule}"`;
    case 'blocklist.ip':
      return `blocked IP ${detail.params.ip} (rule ${detail.params.rule})`;
    case 'moderationMode.all':
      return 'this site holds every comment for review';
    case 'moderationMode.firstComment':
      return `first comment from ${detail.params.author === 'guest' ? 'this email' : 'this account'}: held until a moderator approves one`;
    case 'akismet.spam':
      return 'Akismet: spam';
    case 'akismet.discard':
      return 'Akismet: blatant spam (discard)';
    case 'akismet.unavailable':
      return `Akismet unavailable: ${detail.params.error}`;
    case 'legacy':
      return detail.params.text;
  }
}

// Old rows (before codes) hold the English above, or an older wording of it.
const PROSE: [RegExp, (m: RegExpMatchArray) => VerdictDetail][] = [
  [/^hidden field filled: a bot$/, () => ({ code: 'honeypot.filled', params: {} })],
  [/^no form timing: posted without the form$/, () => ({ code: 'formAge.noTiming', params: {} })],
  [
    /^posted ([\d.]+) s after the form opened \(minimum ([\d.]+) s\)$/,
    (m) => ({
      code: 'formAge.tooFast',
      params: { seconds: Number(m[1]), minimum: Number(m[2]) },
    }),
  ],
  [
    /^flood control unavailable \((.*)\)$/s,
    (m) => ({ code: 'flood.unavailable', params: { error: m[1] ?? '' } }),
  ],
  [
    /^edit added (a link|(\d+) links); this site reviews comments before they appear$/,
    (m) => ({ code: 'links.editAdded', params: { count: m[2] ? Number(m[2]) : 1 } }),
  ],
  [
    /^(\d+) links \((?:limit|the limit is|this site holds comments with) (\d+)(?: or more)?\)$/,
    (m) => ({ code: 'links.tooMany', params: { count: Number(m[1]), limit: Number(m[2]) } }),
  ],
  [
    /^banned: this account cannot comment on this site$/,
    () => ({ code: 'blocklist.banned', params: {} }),
  ],
  [
    /^blocked word "(.*)" in the (comment|name|website)$/s,
    (m) => ({
      code: 'blocklist.word',
      params: { word: m[1] ?? '', place: m[2] as 'comment' | 'name' | 'website' },
    }),
  ],
  [/^blocked email "(.*)"$/s, (m) => ({ code: 'blocklist.email', params: { rule: m[1] ?? '' } })],
  [
    /^blocked IP (\S+) \(rule (.*)\)$/s,
    (m) => ({ code: 'blocklist.ip', params: { ip: m[1] ?? '', rule: m[2] ?? '' } }),
  ],
  [
    /^this site holds every comment for review$/,
    () => ({ code: 'moderationMode.all', params: {} }),
  ],
  [
    /^first comment from this (email|account): held until a moderator approves one$/,
    (m) => ({
      code: 'moderationMode.firstComment',
      params: { author: m[1] === 'email' ? 'guest' : 'identity' },
    }),
  ],
  [/^Akismet: spam$/, () => ({ code: 'akismet.spam', params: {} })],
  [/^Akismet: blatant spam \(discard\)$/, () => ({ code: 'akismet.discard', params: {} })],
  [
    /^Akismet unavailable: (.*)$/s,
    (m) => ({ code: 'akismet.unavailable', params: { error: m[1] ?? '' } }),
  ],
];

/** An old prose reason as codes: recognised wordings become their code, the rest stays as text. */
export function detailsFromProse(check: string, text: string): VerdictDetail[] {
  const one = (part: string): VerdictDetail | null => {
    for (const [pattern, make] of PROSE) {
      const m = part.match(pattern);
      if (m) return make(m);
    }
    return null;
  };
  const whole = one(text);
  if (whole) return [whole];
  // The blocklist joined every rule that matched with "; ".
  if (check === 'blocklist') {
    const parts = text.split('; ').map(one);
    if (parts.every((p) => p !== null)) return parts as VerdictDetail[];
  }
  return [{ code: 'legacy', params: { text } }];
}

/**
 * The reasons stored with a comment (`comments.moderation_reasons`): coded
 * ones as they are, old prose ones (`{check, decision?, reason}`) turned into
 * codes where the wording is recognised, else kept as `legacy` text.
 */
export function parseStoredReasons(json: string | null): ModerationReason[] {
  if (!json) return [];
  const stored: unknown = JSON.parse(json);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry: unknown): ModerationReason[] => {
    const coded = ModerationReason.safeParse(entry);
    if (coded.success) return [coded.data];
    const old = entry as { check?: string; decision?: string; reason?: unknown };
    const check = (old.check ?? 'moderationMode') as CheckName;
    // Rows from before decisions were stored were all held or spam; hold is the mild reading.
    const decision = old.decision === 'spam' || old.decision === 'reject' ? old.decision : 'hold';
    return detailsFromProse(check, String(old.reason ?? '')).map((d) => ({
      check,
      decision,
      ...d,
    }));
  });
}
