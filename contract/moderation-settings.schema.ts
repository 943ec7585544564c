/**
 * A site's moderation settings, in zod: stored with the site, edited in the
 * dashboard. Clients use the inferred types only (`import type`).
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Hold a guest's or reader's comments until they have one approved comment.
 * The default because a fresh install has no Akismet key and no blocklists
 * yet: a newcomer waits once, and a spammer's first post never goes public
 * (WordPress's "Comment author must have a previously approved comment").
 */
export const DEFAULT_MODERATION_MODE = 'first-time';
/** Hold at this many links: one link is normal conversation, two is how link spam starts. */
export const DEFAULT_LINK_LIMIT = 2;
/** Faster than this between form render and post is not a human typing. */
export const DEFAULT_MIN_FORM_SECONDS = 3;

/** A single address or a CIDR range, IPv4 or IPv6 (`203.0.113.7`, `10.0.0.0/8`, `2001:db8::/32`). */
export const IpRule = z
  .string()
  .trim()
  .refine((value) => {
    const [address = '', prefix, ...rest] = value.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    if (!/^\d{1,3}$/.test(prefix)) return false;
    return Number(prefix) <= (family === 4 ? 32 : 128);
  }, 'must be an IP address or a CIDR range');

/** An exact address (`someone@example.com`) or a whole domain (`@spam.example`, subdomains too). */
export const EmailRule = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@]*@[^\s@]+$/, 'must be an email address or @domain');

export const Blocklist = z.object({
  /** Whole words or phrases, matched case-insensitively in the body, name and website. */
  words: z.array(z.string().trim().min(1).max(100)).max(1000).default([]),
  emails: z.array(EmailRule).max(1000).default([]),
  ips: z.array(IpRule).max(1000).default([]),
  /** Banned identity ids: those readers cannot post at all. */
  identities: z.array(z.string().min(1)).max(1000).default([]),
  /** What a word, email or IP match does to the comment. */
  action: z.enum(['hold', 'spam']).default('hold'),
});
export type Blocklist = z.infer<typeof Blocklist>;

/** A site's moderation settings; parse `{}` to get the defaults. */
export const ModerationSettings = z.object({
  mode: z.enum(['none', 'first-time', 'all']).default(DEFAULT_MODERATION_MODE),
  /** Hold when the comment has at least this many links; 0 turns the check off. */
  linkLimit: z.number().int().min(0).max(100).default(DEFAULT_LINK_LIMIT),
  blocklist: Blocklist.default(() => Blocklist.parse({})),
  /** Minimum seconds between form render and post; 0 turns the check off. */
  minFormSeconds: z.number().min(0).max(600).default(DEFAULT_MIN_FORM_SECONDS),
  akismetKey: z.string().trim().min(1).nullable().default(null),
});
export type ModerationSettings = z.infer<typeof ModerationSettings>;

/** The settings of a site that never changed any. */
export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = Object.freeze(
  ModerationSettings.parse({}),
);
