/**
 * The Settings form as text fields (what the inputs hold) and back: which
 * fields changed become the PUT body, and a server error's `field` path
 * finds the input it is about. Pure, so it is tested without a DOM.
 */

import type { SettingsUpdate } from '../../contract/dashboard.schema.ts';
import type { SettingsResponse } from '../../contract/dashboard.ts';
import type { Locale } from '../../contract/i18n/locales.ts';
import { PROVIDER_IDS, type ProviderId } from '../../contract/providers.ts';
import type { ReaderDeletion } from '../../contract/reader-deletion.ts';
import type { Blocklist, ModerationMode } from '../../contract/site-settings.schema.ts';

export interface SettingsDraft {
  name: string;
  /** One per line, as in the textareas. */
  origins: string;
  mode: ModerationMode;
  linkLimit: string;
  minFormSeconds: string;
  akismetKey: string;
  words: string;
  emails: string;
  ips: string;
  identities: string;
  blocklistAction: Blocklist['action'];
  editWindowMinutes: string;
  maxDepth: string;
  privacyUrl: string;
  gravatar: boolean;
  requestDataRetentionDays: string;
  readerDeletion: ReaderDeletion;
  providers: ProviderId[];
  /** '' : each reader's own language. */
  language: Locale | '';
}

export type DraftField = keyof SettingsDraft;

const lines = (list: readonly string[]) => list.join('\n');

/** Non-empty trimmed lines. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A number typed into a field; not a number (or empty) becomes NaN, sent as null, and the server names the field. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function toDraft({ site, settings }: SettingsResponse): SettingsDraft {
  const { moderation } = settings;
  const { blocklist } = moderation;
  return {
    name: site.name,
    origins: lines(site.origins),
    mode: moderation.mode,
    linkLimit: String(moderation.linkLimit),
    minFormSeconds: String(moderation.minFormSeconds),
    akismetKey: moderation.akismetKey ?? '',
    words: lines(blocklist.words),
    emails: lines(blocklist.emails),
    ips: lines(blocklist.ips),
    identities: lines(blocklist.identities),
    blocklistAction: blocklist.action,
    editWindowMinutes: String(settings.editWindowMinutes),
    maxDepth: String(settings.maxDepth),
    privacyUrl: settings.privacyUrl ?? '',
    gravatar: settings.gravatar,
    requestDataRetentionDays: String(settings.requestDataRetentionDays),
    readerDeletion: settings.readerDeletion,
    providers: [...(settings.signInProviders ?? PROVIDER_IDS)],
    language: settings.language ?? '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** All providers ticked means "whatever the server offers" (null), so new providers appear by themselves. */
function providersOf(ticked: readonly ProviderId[]): ProviderId[] | null {
  const ordered = PROVIDER_IDS.filter((p) => ticked.includes(p));
  return ordered.length === PROVIDER_IDS.length ? null : ordered;
}

/** The PUT body for what differs between the loaded settings and the form; `{}` when nothing does. */
export function toUpdate(loaded: SettingsResponse, draft: SettingsDraft): SettingsUpdate {
  const { site, settings } = loaded;
  const old = settings.moderation;
  const update: SettingsUpdate = {};
  const name = draft.name.trim();
  if (name !== site.name) update.name = name;
  const origins = splitLines(draft.origins);
  if (!same(origins, site.origins)) update.origins = origins;

  const s: NonNullable<SettingsUpdate['settings']> = {};
  const maxDepth = toNumber(draft.maxDepth);
  if (maxDepth !== settings.maxDepth) s.maxDepth = maxDepth;
  const editWindowMinutes = toNumber(draft.editWindowMinutes);
  if (editWindowMinutes !== settings.editWindowMinutes) s.editWindowMinutes = editWindowMinutes;
  const privacyUrl = draft.privacyUrl.trim() || null;
  if (privacyUrl !== settings.privacyUrl) s.privacyUrl = privacyUrl;
  if (draft.gravatar !== settings.gravatar) s.gravatar = draft.gravatar;
  const retention = toNumber(draft.requestDataRetentionDays);
  if (retention !== settings.requestDataRetentionDays) s.requestDataRetentionDays = retention;
  if (draft.readerDeletion !== settings.readerDeletion) s.readerDeletion = draft.readerDeletion;
  const signInProviders = providersOf(draft.providers);
  if (!same(signInProviders, settings.signInProviders)) s.signInProviders = signInProviders;
  const language = draft.language || null;
  if (language !== settings.language) s.language = language;

  const m: NonNullable<NonNullable<SettingsUpdate['settings']>['moderation']> = {};
  if (draft.mode !== old.mode) m.mode = draft.mode;
  const linkLimit = toNumber(draft.linkLimit);
  if (linkLimit !== old.linkLimit) m.linkLimit = linkLimit;
  const minFormSeconds = toNumber(draft.minFormSeconds);
  if (minFormSeconds !== old.minFormSeconds) m.minFormSeconds = minFormSeconds;
  const akismetKey = draft.akismetKey.trim() || null;
  if (akismetKey !== old.akismetKey) m.akismetKey = akismetKey;
  const blocklist: Blocklist = {
    words: splitLines(draft.words),
    emails: splitLines(draft.emails),
    ips: splitLines(draft.ips),
    identities: splitLines(draft.identities),
    action: draft.blocklistAction,
  };
  if (!same(blocklist, old.blocklist)) m.blocklist = blocklist;

  if (Object.keys(m).length > 0) s.moderation = m;
  if (Object.keys(s).length > 0) update.settings = s;
  return update;
}

/**
 * The numbers the server accepts per field (contract/site-settings.schema.ts
 * and moderation-settings.schema.ts; settings-form.test.ts checks they agree),
 * so a refused number is explained in the owner's language.
 */
export const NUMBER_RANGES: Partial<
  Record<DraftField, { min: number; max: number; whole: boolean }>
> = {
  linkLimit: { min: 0, max: 100, whole: true },
  minFormSeconds: { min: 0, max: 600, whole: false },
  editWindowMinutes: { min: 0, max: 10_080, whole: true },
  maxDepth: { min: 1, max: 10, whole: true },
  requestDataRetentionDays: { min: 1, max: 3650, whole: true },
};

// The server's `field` paths (zod issue paths joined with dots), longest first.
const FIELDS: [string, DraftField][] = [
  ['settings.moderation.blocklist.words', 'words'],
  ['settings.moderation.blocklist.emails', 'emails'],
  ['settings.moderation.blocklist.ips', 'ips'],
  ['settings.moderation.blocklist.identities', 'identities'],
  ['settings.moderation.blocklist.action', 'blocklistAction'],
  ['settings.moderation.mode', 'mode'],
  ['settings.moderation.linkLimit', 'linkLimit'],
  ['settings.moderation.minFormSeconds', 'minFormSeconds'],
  ['settings.moderation.akismetKey', 'akismetKey'],
  ['settings.editWindowMinutes', 'editWindowMinutes'],
  ['settings.maxDepth', 'maxDepth'],
  ['settings.privacyUrl', 'privacyUrl'],
  ['settings.gravatar', 'gravatar'],
  ['settings.requestDataRetentionDays', 'requestDataRetentionDays'],
  ['settings.readerDeletion', 'readerDeletion'],
  ['settings.signInProviders', 'providers'],
  ['settings.language', 'language'],
  ['origins', 'origins'],
  ['name', 'name'],
];

/** The form field a server error's `field` is about (`origins.0` is the origins box), or null. */
export function draftFieldOf(path: string | undefined): DraftField | null {
  if (!path) return null;
  const hit = FIELDS.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`));
  return hit ? hit[1] : null;
}
