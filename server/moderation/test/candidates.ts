import { ModerationSettings } from '../../../contract/moderation-settings.schema.ts';
import type { FloodStore } from '../checks/flood.ts';
import type { CheckContext, CommentCandidate } from '../moderation.types.ts';

type CandidateOverrides = Partial<Omit<CommentCandidate, 'author'>> & {
  author?:
    | Partial<Extract<CommentCandidate['author'], { kind: 'guest' }>>
    | CommentCandidate['author'];
};

/** A human guest's ordinary comment; override what the test is about. */
export function buildCandidate(overrides: CandidateOverrides = {}): CommentCandidate {
  const { author, ...rest } = overrides;
  const guest = { kind: 'guest' as const, name: 'Ada', email: 'ada@example.com', website: null };
  return {
    siteId: 'blog',
    pageUrl: 'https://blog.example/posts/hello',
    pageTitle: 'Hello',
    body: 'Lovely post, thank you.',
    author:
      author && 'kind' in author && author.kind === 'identity' ? author : { ...guest, ...author },
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    referrer: 'https://blog.example/',
    honeypot: '',
    formAgeMs: 45_000,
    permalink: 'https://blog.example/posts/hello',
    ...rest,
  };
}

/** A signed-in reader as the comment's author. */
export function identityAuthor(identityId = 'id-1'): CommentCandidate['author'] {
  return {
    kind: 'identity',
    identityId,
    provider: 'wordpress',
    name: 'Grace',
    email: 'grace@example.com',
    url: 'https://grace.example',
  };
}

/** Settings from partial input, through the same schema (and defaults) a site's settings use. */
export function buildSettings(input: Partial<ModerationSettings> = {}): ModerationSettings {
  return ModerationSettings.parse(input);
}

export function ctx(
  candidate: Partial<CandidateOverrides> = {},
  settings: Partial<ModerationSettings> = {},
): CheckContext {
  return { candidate: buildCandidate(candidate), settings: buildSettings(settings) };
}

/** A flood store that lets everything through (for tests about other checks). */
export const unlimitedFlood: FloodStore = { consume: async () => ({ allowed: true }) };
