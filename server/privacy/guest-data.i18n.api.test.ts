/**
 * A guest's data link speaks the reader's language (issue 11), on the real
 * server with a real SMTP server: the email, and every page its link opens
 * (landing, choices, done, refusal), in each shipped language with no key
 * missing and no English left over; Arabic right to left. The language rides
 * on the link; without one, the browser's Accept-Language decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directionOf, LOCALES, type Locale } from '../../contract/i18n/locales.ts';
import { PAGE_CATALOGUES, pageText } from '../../contract/i18n/pages/index.ts';
import {
  parseMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../notifications/smtp-test-server.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

/**
 * Words of the English pages that no other language uses (not "site", "page",
 * "link", "minutes" or "continue": French, German or Portuguese do).
 */
const ENGLISH_WORDS =
  /\b(the|your|you|this|and|comments?|delete|deleted|download|expired|works|days?|hold|holds|asked)\b/i;

/** Every run of English words of the guest-data messages, long enough to be unmistakable. */
const ENGLISH_FRAGMENTS = Object.entries(PAGE_CATALOGUES.en)
  .filter(([key]) => key.startsWith('data.'))
  .flatMap(([, message]) => (typeof message === 'string' ? [message] : Object.values(message)))
  .flatMap((text) => text.split(/\{\w+\}/))
  .map((fragment) => fragment.trim())
  .filter((fragment) => fragment.length >= 12);

/** English labels too short to be fragments, as a whole element's text (the Continue button). */
const ENGLISH_LABELS = Object.entries(PAGE_CATALOGUES.en)
  .filter(([key, message]) => key.startsWith('data.') && typeof message === 'string')
  .map(([, message]) => `>${message as string}<`)
  .filter((label) => !/\{\w+\}/.test(label) && label.length < 14);

/** What a reader sees of an HTML document: its text, without markup. */
function visible(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** No placeholder unfilled, no English standing in for the language (addresses and URLs aside). */
function expectSpoken(locale: Locale, text: string, where: string): void {
  const words = text.replace(/https?:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ');
  expect({ where, unfilled: /\{\w+\}/.exec(words)?.[0] }).toEqual({ where, unfilled: undefined });
  if (locale === 'en') {
    expect({ where, english: ENGLISH_WORDS.test(words) }).toEqual({ where, english: true });
    return;
  }
  expect({ where, english: ENGLISH_WORDS.exec(words)?.[0] }).toEqual({ where, english: undefined });
  expect({ where, english: ENGLISH_FRAGMENTS.filter((f) => words.includes(f)) }).toEqual({
    where,
    english: [],
  });
}

function expectPage(locale: Locale, html: string, where: string): void {
  expect({ where, root: /<html[^>]*>/.exec(html)?.[0] }).toEqual({
    where,
    root: `<html lang="${locale}" dir="${directionOf(locale)}">`,
  });
  expectSpoken(locale, visible(html), where);
  if (locale !== 'en') {
    expect({ where, english: ENGLISH_LABELS.filter((l) => html.includes(l)) }).toEqual({
      where,
      english: [],
    });
  }
}

const formAction = (html: string) =>
  (/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&amp;/g, '&');

describe.each(DIALECTS)('a guest’s data link in the reader’s language, on %s', (dialect) => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let origin: string;
  let ips = 0;
  const nextIp = () => `203.0.113.${++ips % 250}`;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer(dialect, { SMTP_URL: smtp.url, TRUST_PROXY: 'loopback' });
    origin = new URL(server.parley.config.publicUrl).origin;
    // A name in no language: whatever English shows is the server's own.
    await server.buildSite({ id: 'lumen', name: 'Lumen', origins: ['https://lumen.example'] });
    await server.buildSite({
      id: 'kyoto',
      name: 'Kyoto',
      origins: ['https://kyoto.example'],
      settings: { language: 'ja' },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  async function comment(email: string, body: string) {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
      body: JSON.stringify({
        site: 'lumen',
        page: `https://lumen.example/p-${dialect}`,
        pageUrl: `https://lumen.example/p-${dialect}`,
        pageTitle: 'Lumen',
        body,
        author: { name: 'Ada', email },
      }),
    });
    expect(res.status).toBe(201);
  }

  const ask = (body: Record<string, unknown>, acceptLanguage = 'en') =>
    fetch(`${server.url}/api/v1/data-requests`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': acceptLanguage,
        'x-forwarded-for': nextIp(),
      },
      body: JSON.stringify({ site: 'lumen', ...body }),
    });

  async function mailTo(to: string) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const mail = smtp.received.find((m) => m.rcptTo.includes(to));
      if (mail) return parseMail(mail.raw);
      if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A browser whose own language is English: the link's language must win over it. */
  const browser = (more: Record<string, string> = {}) => ({
    'accept-language': 'en-US,en;q=0.9',
    accept: 'text/html',
    'x-forwarded-for': nextIp(),
    ...more,
  });

  const post = (path: string, form: Record<string, string>, cookie = '') =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: browser({
        'content-type': 'application/x-www-form-urlencoded',
        origin,
        ...(cookie ? { cookie } : {}),
      }),
      body: new URLSearchParams(form).toString(),
    });

  it.each(LOCALES)('speaks %s from the email to the last page', async (locale) => {
    const email = `reader-${locale.toLowerCase()}-${dialect}@reader.example`;
    await comment(email, 'Un');
    await comment(email, 'Deux');
    expect((await ask({ email, locale })).status).toBe(202);

    const mail = await mailTo(email);
    expectSpoken(locale, mail.headers.subject ?? '', 'email subject');
    expectSpoken(locale, mail.text, 'email text');
    expectPage(locale, mail.html, 'email html');
    const link = new URL(/https?:\/\/\S+\/data\/\S+/.exec(mail.text)?.[0] ?? 'x:');
    expect(link.searchParams.get('lang')).toBe(locale);

    const landing = await fetch(`${server.url}${link.pathname}${link.search}`, {
      headers: browser(),
    });
    expect(landing.status).toBe(200);
    expect(landing.headers.get('vary')).toMatch(/Accept-Language/i);
    const landingHtml = await landing.text();
    expectPage(locale, landingHtml, 'landing page');
    const open = formAction(landingHtml);
    expect(open).toBe(`/data/lumen/open?lang=${locale}`);

    const opened = await post(open, { token: link.searchParams.get('token') ?? '' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/data/lumen?lang=${locale}`);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;

    const choices = await fetch(`${server.url}/data/lumen?lang=${locale}`, {
      headers: browser({ cookie }),
    });
    const choicesHtml = await choices.text();
    expectPage(locale, choicesHtml, 'choices page');
    // Two comments: the dual in Arabic, the plural elsewhere, the number the language's way.
    const summary = /data-testid="guest-data-summary">(.*?)<\/p>/.exec(choicesHtml)?.[1] ?? '';
    expect(summary).toContain(locale === 'ar' ? 'بتعليقين' : '2');
    expect(summary).toContain(`<strong>${email}</strong>`);
    const remove = formAction(choicesHtml);
    expect(remove).toBe(`/data/lumen/delete?lang=${locale}`);

    const done = await post(remove, { comments: 'remove' }, cookie);
    expect(done.status).toBe(200);
    expectPage(locale, await done.text(), 'deleted page');

    // The spent link, pressed again: the refusal speaks the language too.
    const again = await post(open, { token: link.searchParams.get('token') ?? '' });
    expect(again.status).toBe(410);
    const refusal = await again.text();
    expect(refusal).toContain('data-testid="guest-data-error"');
    expectPage(locale, refusal, 'refusal page');
  });

  it('writes the email in the site’s language, else the browser’s, when the widget names none', async () => {
    const fromBrowser = `browser-${dialect}@reader.example`;
    expect((await ask({ email: fromBrowser }, 'de-AT,de;q=0.9,en;q=0.5')).status).toBe(202);
    expect((await mailTo(fromBrowser)).headers.subject).toBe('[Lumen] Ihre Daten auf Lumen');

    const fromSite = `site-${dialect}@reader.example`;
    expect((await ask({ email: fromSite, site: 'kyoto' }, 'de')).status).toBe(202);
    const japanese = await mailTo(fromSite);
    expect(japanese.headers.subject).toBe('[Kyoto] Kyoto にあるあなたのデータ');
    expect(japanese.text).toContain('&lang=ja');

    // A language Parley does not ship is ignored, not refused.
    const unknown = `unknown-${dialect}@reader.example`;
    expect((await ask({ email: unknown, locale: 'tlh' }, 'es')).status).toBe(202);
    expect((await mailTo(unknown)).headers.subject).toBe('[Lumen] Tus datos en Lumen');
  });

  it('answers a link without a language in the browser’s: French Accept-Language, French page', async () => {
    const french = { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5', 'x-forwarded-for': nextIp() };
    const landing = await fetch(`${server.url}/data/lumen?token=abc`, { headers: french });
    expect(landing.status).toBe(200);
    const html = await landing.text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('<title>Vos données sur Lumen</title>');
    expect(html).toContain('>Continuer</button>');
    // No language on the link: none is added to the form either.
    expect(formAction(html)).toBe('/data/lumen/open');

    // The page of an expired session, and an unknown site, in French too.
    const expired = await fetch(`${server.url}/data/lumen`, { headers: french });
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain('Cette page a expiré.');
    const unknown = await fetch(`${server.url}/data/nowhere?token=abc`, { headers: french });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Il n’y a aucun site à cette adresse.');
  });

  it.each(['fr', 'ar', 'ja'] as const)(
    'answers every refusal of the pages as a page in %s: the rate limit (with Retry-After), a form too large, an unknown address',
    async (locale) => {
      // One reader's IP, over the pages' limit of 60 a minute.
      const ip = `198.51.100.${LOCALES.indexOf(locale) + 1}`;
      let last: Response | undefined;
      for (let i = 0; i <= 60; i++) {
        last = await fetch(`${server.url}/data/lumen?token=abc&lang=${locale}`, {
          headers: browser({ 'x-forwarded-for': ip }),
        });
        if (i < 60) expect(last.status).toBe(200);
      }
      const limited = last as Response;
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(/^text\/html/);
      const wait = Number(limited.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      const limitedHtml = await limited.text();
      expectPage(locale, limitedHtml, 'rate-limited page');
      expect(limitedHtml).toContain(
        `<title>${PAGE_CATALOGUES[locale]['data.error.busyTitle']}</title>`,
      );
      expect(visible(limitedHtml)).toContain(
        pageText(locale)('data.error.rateLimited', { count: wait }),
      );

      const tooLarge = await post(`/data/lumen/open?lang=${locale}`, { token: 'x'.repeat(5000) });
      expect(tooLarge.status).toBe(413);
      expectPage(locale, await tooLarge.text(), 'form too large');

      for (const path of ['/data/lumen/nope', '/data/lumen/open', '/data']) {
        const missing = await fetch(`${server.url}${path}?lang=${locale}`, { headers: browser() });
        expect({ path, status: missing.status }).toEqual({ path, status: 404 });
        const html = await missing.text();
        expect(html).toContain('data-testid="guest-data-error"');
        expectPage(locale, html, `unknown address ${path}`);
      }

      // A client asking for JSON keeps the API's shape.
      const json = await fetch(`${server.url}/data/lumen?token=abc`, {
        headers: { accept: 'application/json', 'x-forwarded-for': ip },
      });
      expect(json.status).toBe(429);
      expect(((await json.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    },
  );

  it('takes only a shipped language from the link, never its text', async () => {
    const hostile = encodeURIComponent('fr"><script>alert(1)</script>');
    for (const lang of [hostile, 'xx', 'FR', 'fr&lang=de']) {
      const res = await fetch(`${server.url}/data/lumen?token=abc&lang=${lang}`, {
        headers: { 'accept-language': 'de', 'x-forwarded-for': nextIp() },
      });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('<script>');
      expect(html).toContain('<html lang="de" dir="ltr">');
      expect(formAction(html)).toBe('/data/lumen/open');
    }
  });
});
