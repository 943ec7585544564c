/**
 * What the dashboard tells the admin, chosen by error code and action, never
 * by the server's (English) message: the words come from the owner's
 * language's catalogue (i18n.ts).
 */
import type { ModerationAction } from '../../contract/dashboard.ts';
import { CHECK_KEYS, reasonWords } from '../../contract/moderation-reason-words.ts';
import type { VerdictDetail } from '../../contract/moderation-reasons.schema.ts';
import { ApiError } from './api.ts';
import { type DashboardKey, type Said, t } from './i18n.ts';

const BY_CODE: Readonly<Record<string, DashboardKey>> = {
  unauthorized: 'error.unauthorized',
  rate_limited: 'error.rateLimited',
  forbidden: 'error.forbidden',
  network_error: 'error.network',
  settings_changed: 'error.settingsChanged',
  busy: 'error.busy',
};

/** What a failed call means to the admin, to be said in their language. */
export function errorSaid(error: unknown): Said {
  const code = error instanceof ApiError ? error.code : 'internal_error';
  return { key: BY_CODE[code] ?? 'error.other' };
}

/** Whether the session is gone (expired, signed out elsewhere): back to the login. */
export function sessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthorized';
}

/** A check's name in words ("formAge" → "Posted very quickly"); an unknown one as it is. */
export function checkName(check: string): string {
  const key = CHECK_KEYS[check];
  return key ? t(key) : check;
}

/**
 * Why a check objected, in the owner's language, from the code the server
 * stored; null for an old reason stored as English prose the server could not
 * read as a code (shown as it is, marked English).
 */
export const reasonSaid: (detail: VerdictDetail) => Said | null = reasonWords;

/** "Approved: 1 comment.", "Marked as spam: 3 comments." → said after an action, beside Undo. */
export const actionDone = (action: ModerationAction, count: number): Said => ({
  key: `done.${action}`,
  params: { count },
});

// Brand names, the same in every language.
const PROVIDERS: Readonly<Record<string, string>> = {
  wordpress: 'WordPress.com',
  twitter: 'Twitter',
  facebook: 'Facebook',
};

/** How an author signed in, in words: a guest in the owner's language, else the provider's name. */
export const providerName = (provider: string): string =>
  provider === 'guest' ? t('item.guest') : (PROVIDERS[provider] ?? provider);
