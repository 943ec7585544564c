import { Router } from 'express';
import { z } from 'zod';
import type { ThreadBootstrap } from '../../contract/api.ts';
import { hasNoNul } from '../../contract/comment.schema.ts';
import { isLocale, negotiateLocale } from '../../contract/i18n/locales.ts';
import { firstRenderMessages, laterMessages } from '../../contract/i18n/reader/first-render.ts';
import { readerMessages } from '../../contract/i18n/reader/index.ts';
import { isCssColor, isFontList, isHexColor } from '../../contract/messages.ts';
import { PROVIDER_IDS } from '../../contract/providers.ts';
import { DEFAULT_MAX_DEPTH, Origin, SiteId } from '../../contract/site-settings.schema.ts';
import { readAuthorKeyHash } from '../comments/author-key.ts';
import { issueFormToken } from '../comments/form-token.ts';
import { MAX_BODY_CHARS } from '../comments/render.ts';
import type { ThreadCache } from '../comments/thread.cache.ts';
import { readThread } from '../comments/thread.service.ts';
import type { Config } from '../config.ts';
import type { Events } from '../events/events.ts';
import { BEGINNING } from '../events/memory-log.ts';
import { scriptSafeJson } from '../http/html.ts';
import { type LiveIds, liveScope } from '../live/live.ids.ts';
import { findSite } from '../sites/site.repository.ts';
import { isOnSiteOrigins } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { type AssetSources, DIAGNOSE_FILE, sendAsset, type WidgetAssets } from './assets.ts';
import { checkEmbed } from './embed-check.ts';
import { assembleGzip, assembleIdentity } from './gzip-parts.ts';
import { mayShareSiteProcess } from './process-isolation.ts';
import { publicThreadParts, renderThreadMarkup } from './thread-markup.ts';
import { INLINE_SCRIPT_HASHES, threadPageParts } from './thread-page.ts';

// embed.js is the one URL site owners hard-code: keep its cache short so a
// fix reaches every site within minutes. Everything it loads is hashed.
const LOADER_CACHE = 'public, max-age=300, stale-while-revalidate=3600';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const ThreadQuery = z.object({
  site: z.string().max(64).default(''),
  // Empty: the page's URL is its key. Never U+0000, as the API's PageKey.
  page: z.string().max(2048).refine(hasNoNul).default(''),
  url: z.string().max(2048).default(''),
  title: z.string().max(500).default(''),
  theme: z.enum(['light', 'dark', 'auto']).catch('auto'),
  origin: z.string().max(300).default(''),
  // How the host asked the widget to look; anything odd is dropped (the default).
  bg: z.string().max(120).optional().catch(undefined),
  font: z.string().max(200).optional().catch(undefined),
  accent: z.string().max(7).optional().catch(undefined),
  /** The embed's `data-lang`; then the host page's `<html lang>` (the loader sends both). */
  lang: z.string().max(100).catch(''),
  hostLang: z.string().max(100).catch(''),
});

function isOrigin(value: string): boolean {
  return Origin.safeParse(value).data === value;
}

function threadCsp(frameAncestors: string, sources: AssetSources, inlineStyles: string): string {
  return [
    "default-src 'none'",
    // The two inline scripts, and the inlined stylesheet, by their hashes:
    // the page holds no nonce.
    `script-src ${sources.script} ${INLINE_SCRIPT_HASHES}`,
    `style-src ${sources.style}${inlineStyles && ` ${inlineStyles}`}`,
    `connect-src ${sources.connect}`,
    // Avatars come from Parley itself (server/avatars): the reader's browser
    // talks to no one else (issue 12).
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** embed.js, the hashed widget assets, and the iframe page itself. */
export function embedRoutes(
  db: Db,
  config: Config,
  assets: WidgetAssets | null,
  events: Pick<Events, 'deliveredId'>,
  cache: ThreadCache,
  liveIds: LiveIds,
): Router {
  const router = Router();
  // Parley's own address as configured, beside the one each request names.
  const ownHost = config.publicUrlConfigured ? new URL(config.publicUrl).host : undefined;

  router.get('/embed.js', (req, res) => {
    const asset = assets?.get('embed.js');
    if (!asset) {
      res.status(503).type('text/plain').send('Parley widget is not built (run npm run build)');
      return;
    }
    // The loader is fetched by other sites' pages.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    sendAsset(req, res, asset, LOADER_CACHE);
  });

  router.get('/count.js', (req, res, next) => {
    const asset = assets?.get('count.js');
    if (!asset) return next();
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    sendAsset(req, res, asset, LOADER_CACHE);
  });

  router.get('/assets/:file', (req, res, next) => {
    const asset = assets?.get(`assets/${req.params.file}`);
    if (!asset) return next();
    sendAsset(req, res, asset, IMMUTABLE);
  });

  // Imported by the loader as a module (so CORS) on other sites' pages, only
  // when its frame shows no thread.
  router.get('/embed/diagnose.js', (req, res, next) => {
    const asset = assets?.get(DIAGNOSE_FILE);
    if (!asset) return next();
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    sendAsset(req, res, asset, LOADER_CACHE);
  });

  // The rest of a language's thread words, fetched by the app when first
  // needed (the first render's are inlined in the iframe page).
  router.get('/embed/words/:file', (req, res, next) => {
    const locale = req.params.file.replace(/\.json$/, '');
    if (!isLocale(locale) || !req.params.file.endsWith('.json')) return next();
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(laterMessages(readerMessages(locale)));
  });

  // Asked by the loader from any page, and only when its frame failed.
  router.get('/embed/check', async (req, res) => {
    const site = typeof req.query.site === 'string' ? req.query.site.slice(0, 64) : '';
    const origin = typeof req.query.origin === 'string' ? req.query.origin.slice(0, 300) : '';
    const known = SiteId.safeParse(site).success ? await findSite(db, site) : undefined;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    res.json(checkEmbed(site, isOrigin(origin) ? origin : 'this page', known));
  });

  router.get('/embed/thread', async (req, res) => {
    if (!assets) {
      res.status(503).type('text/plain').send('Parley widget is not built (run npm run build)');
      return;
    }
    const parsed = ThreadQuery.safeParse(req.query);
    if (!parsed.success) {
      // Only a hand-made URL gets here (the loader sends each parameter once).
      res.status(400).type('text/plain').send('Bad embed parameters');
      return;
    }
    const q = parsed.data;
    // A malformed id can't be a registered site (and must not name a cookie).
    const site = SiteId.safeParse(q.site).success ? await findSite(db, q.site) : undefined;
    const hostAllowed = site?.origins.includes(q.origin) ?? false;
    // The widget makes permalinks and the sign-in return address of `url`:
    // only a page on one of the site's origins may be one (never a
    // `javascript:` URL or another site's address from a hand-made link).
    const pageUrl = site && isOnSiteOrigins(site, q.url) ? q.url : '';
    const pageKey = q.page || pageUrl;
    // The embed's data-lang, else the site's own language, else the host
    // page's, else the browser's (this request comes from the reader's browser).
    const locale = negotiateLocale([
      q.lang,
      site?.settings.language,
      q.hostLang,
      ...req.acceptsLanguages(),
    ]);
    // Read before the thread: an event between the two is replayed, never
    // missed. The last event delivered on this instance, not the log's newest:
    // the thread cache has seen every event up to it (and dropped what they
    // made stale), while one newer in a shared log may not have reached this
    // instance yet, and its comment could be missing from a cached page.
    // As an id good for this page only (live.ids.ts): the position itself counts every site's writes.
    const liveFrom = liveIds.mint(events.deliveredId() ?? BEGINNING, liveScope(q.site, pageKey));
    const bootstrap: Omit<ThreadBootstrap, 'thread'> = {
      // Same origin as the iframe: the API is wherever this page was served from.
      apiBase: '',
      site: q.site,
      page: pageKey,
      pageUrl,
      pageTitle: q.title,
      // An unknown site's frame shows only "unavailable"; telling the claimed
      // host its height lets the loader show that at once instead of after its
      // timeout, and reveals nothing.
      hostOrigin: hostAllowed || (!site && isOrigin(q.origin)) ? q.origin : '',
      theme: q.theme,
      maxDepth: site?.settings.maxDepth ?? DEFAULT_MAX_DEPTH,
      maxBodyChars: MAX_BODY_CHARS,
      providers: PROVIDER_IDS.filter(
        (p) => config.providers[p] && (site?.settings.signInProviders ?? PROVIDER_IDS).includes(p),
      ),
      formToken: issueFormToken(config.authSecret, q.site),
      look: {
        background: isCssColor(q.bg) ? q.bg : null,
        font: isFontList(q.font) ? q.font : null,
        accent: isHexColor(q.accent) ? q.accent : null,
      },
      privacy: {
        akismet: site?.settings.moderation.akismetKey != null,
        privacyUrl: site?.settings.privacyUrl ?? null,
        deletion: site?.settings.readerDeletion ?? 'choice',
      },
      locale,
      messages: firstRenderMessages(readerMessages(locale)),
      liveFrom,
    };
    // A known site may only be framed by its own origins. For an unknown site
    // the page says nothing but "comments unavailable", so anyone may frame it.
    const ancestors = site ? site.origins.join(' ') : '*';
    // The app's stylesheet inlined: the first comments can paint as soon as
    // the page is in, without waiting for one more request.
    const inline = assets.headInlineStyles?.('thread');
    const head = inline?.tags ?? assets.head('thread');
    res.setHeader(
      'Content-Security-Policy',
      threadCsp(ancestors, assets.sources, inline?.styleSources ?? ''),
    );
    // The page is per reader: a form token made for this request, the live
    // updates' position, and a reader's own held comments. Never stored by
    // a browser or proxy. What is cached is on the server, and public only:
    // a thread page's JSON and first render (thread-markup.ts), the app's
    // tags and the words, each compressed once (gzip-parts.ts).
    res.setHeader('Cache-Control', 'no-store');
    // A frame no page of Parley's own site can hold starts ~90 ms sooner in
    // Chromium without an origin-keyed process (process-isolation.ts).
    if (mayShareSiteProcess(req.headers, site?.origins, [req.headers.host, ownHost])) {
      res.removeHeader('Origin-Agent-Cluster');
    }
    // The first page only ("Load more comments" fetches the rest), from the
    // thread cache unless this reader has comments of their own on it.
    const answer =
      site && hostAllowed && pageKey
        ? await readThread(
            db,
            cache,
            site,
            pageKey,
            { sort: 'oldest' },
            readAuthorKeyHash(req, site.id),
          )
        : null;
    // The app's first render, so the comments paint before its scripts load.
    const words = {
      locale,
      messages: bootstrap.messages,
      pageUrl,
      maxDepth: bootstrap.maxDepth,
      now: Date.now(),
    };
    res.status(site ? 200 : 404).type('html');
    if (answer && 'own' in answer) {
      // Made for this reader alone, and compressed for them (compression()).
      const parts = threadPageParts(
        bootstrap,
        scriptSafeJson(answer.own),
        head,
        renderThreadMarkup({ ...words, thread: answer.own }),
      );
      res.send(assembleIdentity(parts).toString());
      return;
    }
    const shared = answer ? publicThreadParts(answer.cached, words) : null;
    const parts = threadPageParts(bootstrap, shared?.json ?? 'null', head, shared?.markup ?? '');
    const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    const body = gzip ? assembleGzip(parts) : assembleIdentity(parts);
    res.setHeader('Vary', 'Accept-Encoding');
    // Set here, so compression() leaves the body alone.
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', String(body.length));
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  return router;
}
