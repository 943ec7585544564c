/**
 * Which words of the dashboard's catalogue (contract/i18n/dashboard) say a
 * moderation reason and a check's name: shared by the dashboard's queue and
 * the server's e-mail to moderators, so both say a reason the same way in
 * every language. Types only from the catalogue: no words are pulled in here.
 */
import type { DashboardKey } from './i18n/dashboard/en.ts';
import type { MessageParams } from './i18n/format.ts';
import type { VerdictDetail } from './moderation-reasons.schema.ts';

export interface ReasonWords {
  key: DashboardKey;
  params?: MessageParams;
}

/** The spam pipeline's checks (server/moderation/checks), as the catalogue names them. */
export const CHECK_KEYS: Readonly<Record<string, DashboardKey>> = {
  honeypot: 'check.honeypot',
  formAge: 'check.formAge',
  flood: 'check.flood',
  duplicate: 'check.duplicate',
  links: 'check.links',
  blocklist: 'check.blocklist',
  moderationMode: 'check.moderationMode',
  akismet: 'check.akismet',
};

/**
 * Why a check objected, as a catalogue key and its params, from the stored
 * code; null for an old reason stored as English prose no pattern read (it
 * can only be shown as it is, in English).
 */
export function reasonWords(detail: VerdictDetail): ReasonWords | null {
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
