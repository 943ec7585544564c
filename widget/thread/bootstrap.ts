import type { ThreadBootstrap } from '../../contract/api.ts';
import { isLocale } from '../../contract/i18n/locale-tags.ts';
import { isCssColor, isFontList, isHexColor } from '../../contract/messages.ts';
import { PROVIDER_IDS } from '../../contract/providers.ts';
import { READER_DELETIONS } from '../../contract/reader-deletion.ts';

const THEMES: ReadonlySet<string> = new Set(['light', 'dark', 'auto']);

const isHttpUrl = (value: unknown): value is string =>
  typeof value === 'string' && /^https?:\/\//i.test(value);

/**
 * Reads the ThreadBootstrap the server inlined as
 * `<script id="parley-bootstrap" type="application/json">`. Returns null when
 * it is missing or unusable: without a host origin the app can't talk to the
 * loader at all.
 */
export function readBootstrap(doc: Document): ThreadBootstrap | null {
  let value: Partial<ThreadBootstrap> | null;
  try {
    value = JSON.parse(doc.getElementById('parley-bootstrap')?.textContent ?? 'null');
  } catch {
    return null;
  }
  if (!value || typeof value.hostOrigin !== 'string' || typeof value.site !== 'string') return null;
  return {
    apiBase: typeof value.apiBase === 'string' ? value.apiBase : '',
    site: value.site,
    page: String(value.page ?? ''),
    pageUrl: String(value.pageUrl ?? ''),
    pageTitle: String(value.pageTitle ?? ''),
    hostOrigin: value.hostOrigin,
    theme: value.theme && THEMES.has(value.theme) ? value.theme : 'auto',
    maxDepth: Number(value.maxDepth) >= 1 ? Number(value.maxDepth) : 3,
    maxBodyChars: Number(value.maxBodyChars) >= 1 ? Number(value.maxBodyChars) : 10_000,
    thread:
      value.thread && Array.isArray(value.thread.comments)
        ? {
            comments: value.thread.comments,
            total: Number(value.thread.total) || 0,
            nextCursor:
              typeof value.thread.nextCursor === 'string' ? value.thread.nextCursor : null,
            moreReplies:
              value.thread.moreReplies && typeof value.thread.moreReplies === 'object'
                ? value.thread.moreReplies
                : {},
          }
        : null,
    liveFrom: typeof value.liveFrom === 'string' ? value.liveFrom : '0',
    // Only providers this app knows, once each, in the server's order.
    providers: Array.isArray(value.providers)
      ? value.providers.filter((id, i, all) => PROVIDER_IDS.includes(id) && all.indexOf(id) === i)
      : [],
    formToken: typeof value.formToken === 'string' ? value.formToken : '',
    privacy: {
      akismet: value.privacy?.akismet === true,
      // A link the reader may click: only http(s), like authors' websites.
      privacyUrl: isHttpUrl(value.privacy?.privacyUrl) ? value.privacy.privacyUrl : null,
      deletion: READER_DELETIONS.find((d) => d === value.privacy?.deletion) ?? 'choice',
    },
    look: {
      background: isCssColor(value.look?.background) ? value.look.background : null,
      font: isFontList(value.look?.font) ? value.look.font : null,
      accent: isHexColor(value.look?.accent) ? value.look.accent : null,
    },
    locale: isLocale(value.locale) ? value.locale : 'en',
    // Strings or plural forms only: anything else is left out (its key shows).
    messages: Object.fromEntries(
      Object.entries(value.messages ?? {}).filter(
        ([, m]) => typeof m === 'string' || (typeof m === 'object' && m !== null && 'other' in m),
      ),
    ),
  };
}
