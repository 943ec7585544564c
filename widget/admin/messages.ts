/**
 * What the dashboard tells the admin, chosen by error code and action, never
 * by the server's (English) message: the words come from the owner's
 * language's catalogue (i18n.ts).
 */
import type { ModerationAction } from '../../contract/dashboard.ts';
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

/** The spam pipeline's checks (server/moderation/checks), as the catalogue names them. */
const CHECKS: Readonly<Record<string, DashboardKey>> = {
  honeypot: 'check.honeypot',
  formAge: 'check.formAge',
  flood: 'check.flood',
  duplicate: 'check.duplicate',
  links: 'check.links',
  blocklist: 'check.blocklist',
  moderationMode: 'check.moderationMode',
  akismet: 'check.akismet',
};

/** A check's name in words ("formAge" → "Posted very quickly"); an unknown one as it is. */
export function checkName(check: string): string {
  const key = CHECKS[check];
  return key ? t(key) : check;
}

/**
 * Why a check objected, in the owner's language, from the code the server
 * stored; null for an old reason stored as English prose the server could not
 * read as a code (shown as it is, marked English).
 */
export function reasonSaid(detail: VerdictDetail): Said | null {
  switch (detail.code) {
    case 'honeypot.filled':
      return { key: 'reason.honeypot' };
    case 'formAge.noTiming':
      return { key: 'reason.formNoTiming' };
    case 'formAge.tooFast':
      return { key: 'reason.formTooFast', params: detail.params };
    case 'flood.unavailable':
      return { key: 'reason.floodUnavailable', params: detail.params };
    case 'flood.tooMany':
      return { key: 'reason.floodTooMany', params: { count: detail.params.count } };
    case 'duplicate.repeat':
      return { key: 'reason.duplicate' };
    case 'links.editAdded':
      return { key: 'reason.linksEditAdded', params: detail.params };
    case 'links.tooMany':
      return { key: 'reason.linksTooMany', params: detail.params };
    case 'blocklist.banned':
      return { key: 'reason.banned' };
    case 'blocklist.word': {
      const { word, place } = detail.params;
      const key =
        place === 'name'
          ? 'reason.wordInName'
          : place === 'website'
            ? 'reason.wordInWebsite'
            : 'reason.wordInComment';
      return { key, params: { word } };
    }
    case 'blocklist.email':
      return { key: 'reason.blockedEmail', params: detail.params };
    case 'blocklist.ip':
      return { key: 'reason.blockedIp', params: detail.params };
    case 'moderationMode.all':
      return { key: 'reason.modeAll' };
    case 'moderationMode.firstComment':
      return {
        key: detail.params.author === 'guest' ? 'reason.firstGuest' : 'reason.firstAccount',
      };
    case 'akismet.spam':
      return { key: 'reason.akismetSpam' };
    case 'akismet.discard':
      return { key: 'reason.akismetDiscard' };
    case 'akismet.unavailable':
      return { key: 'reason.akismetUnavailable', params: detail.params };
    case 'legacy':
      return null;
  }
}

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
