/**
 * Why a check objected to a comment, as data (issue 10: verdicts as data, not
 * prose; issue 11: the dashboard says it in the owner's language). The server
 * stores these in `comments.moderation_reasons` and sends them in the queue;
 * the dashboard words each `code` from its catalogue (`reason.<code>`), with
 * `params` filled in. The dashboard imports the types only.
 */
import { z } from 'zod';

/** The checks of the pipeline (server/moderation/checks), by the name a moderator sees. */
export const CHECK_NAMES = [
  'honeypot',
  'formAge',
  'flood',
  'duplicate',
  'links',
  'blocklist',
  'moderationMode',
  'akismet',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

const none = z.object({}).strict();
const detail = <Code extends string, Params extends z.ZodTypeAny>(code: Code, params: Params) =>
  z.object({ code: z.literal(code), params });
const count = z.number().int().nonnegative();

/** One reason, by code. `count` is the number a plural form is chosen by. */
export const VerdictDetail = z.discriminatedUnion('code', [
  detail('honeypot.filled', none),
  detail('formAge.noTiming', none),
  /** `seconds`: how long the form was open (one decimal); `minimum`: the site's setting. */
  detail('formAge.tooFast', z.object({ seconds: z.number(), minimum: z.number() })),
  /** `error`: the counters' store's own message, technical and untranslated. */
  detail('flood.unavailable', z.object({ error: z.string() })),
  /** `count`: seconds to wait; `scopes`: which limits were hit. */
  detail('flood.tooMany', z.object({ count, scopes: z.array(z.enum(['ip', 'author', 'site'])) })),
  detail('duplicate.repeat', none),
  /** `count`: links the edit added. */
  detail('links.editAdded', z.object({ count })),
  /** `count`: links in the comment; `limit`: the site's limit. */
  detail('links.tooMany', z.object({ count, limit: count })),
  detail('blocklist.banned', none),
  /** `place`: where the blocked word was found. */
  detail(
    'blocklist.word',
    z.object({ word: z.string(), place: z.enum(['comment', 'name', 'website']) }),
  ),
  detail('blocklist.email', z.object({ rule: z.string() })),
  detail('blocklist.ip', z.object({ ip: z.string(), rule: z.string() })),
  detail('moderationMode.all', none),
  detail('moderationMode.firstComment', z.object({ author: z.enum(['guest', 'identity']) })),
  detail('akismet.spam', none),
  detail('akismet.discard', none),
  /** `error`: what went wrong talking to Akismet, technical and untranslated. */
  detail('akismet.unavailable', z.object({ error: z.string() })),
  /** A reason stored as English prose before codes existed, that no pattern recognised. */
  detail('legacy', z.object({ text: z.string() })),
]);
export type VerdictDetail = z.infer<typeof VerdictDetail>;
export type VerdictCode = VerdictDetail['code'];

/** One objection as stored and sent: which check, what it decided, and why. */
export const ModerationReason = z.intersection(
  z.object({ check: z.enum(CHECK_NAMES), decision: z.enum(['hold', 'spam', 'reject']) }),
  VerdictDetail,
);
export type ModerationReason = z.infer<typeof ModerationReason>;
