/// <reference types="vite/client" />
/**
 * The dashboard in every owner's language (issue 11, "the dashboard too"):
 * each page and state rendered in each shipped language shows no missing key
 * and no English left over; the language follows the browser, a remembered
 * choice wins, and <html lang dir> follows (Arabic mirrors).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me, QueueItem } from '../../contract/dashboard.ts';
import { type DashboardKey, en } from '../../contract/i18n/dashboard/en.ts';
import { DASHBOARD_CATALOGUES, dashboardMessages } from '../../contract/i18n/dashboard/index.ts';
import { formatMessage, type MessageParams } from '../../contract/i18n/format.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../contract/i18n/locales.ts';
import type { ImportSummary } from '../../contract/imports.ts';
import { Dashboard } from './App.tsx';
import { createAdminApi } from './api.ts';
import { LANGUAGE_STORAGE_KEY } from './i18n.ts';
import { buildItem, buildSettings, jsonResponse, noContent, respond } from './test-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

/** Data is marked with § so the checks skip it: only the dashboard's own words count. */
const ME_HERE: Me = {
  email: '§owner@blog.example',
  sites: [
    { id: 'blog', name: '§My blog', role: 'owner' },
    { id: 'other', name: '§Other', role: 'owner' },
  ],
};

function items(): QueueItem[] {
  const author = (n: number) => ({
    name: `§Author ${n}`,
    email: `§a${n}@example.com`,
    url: null,
    provider: 'guest' as const,
    ip: '§203.0.113.9',
  });
  return [
    buildItem({
      id: 'one',
      author: author(1),
      html: '<p>§one</p>',
      page: { url: 'https://blog.example/hello', title: '§Hello' },
      parent: { id: 'p', author: { name: '§Alice' }, excerpt: '§What do you think?' },
      // Every reason the server words by code (not a §: the words are ours).
      reasons: [
        { check: 'links', decision: 'hold', code: 'links.tooMany', params: { count: 3, limit: 2 } },
        { check: 'links', decision: 'hold', code: 'links.editAdded', params: { count: 1 } },
        {
          check: 'formAge',
          decision: 'hold',
          code: 'formAge.tooFast',
          params: { seconds: 0.8, minimum: 3 },
        },
        { check: 'formAge', decision: 'hold', code: 'formAge.noTiming', params: {} },
        {
          check: 'flood',
          decision: 'hold',
          code: 'flood.unavailable',
          params: { error: 'ECONNREFUSED' },
        },
        {
          check: 'blocklist',
          decision: 'spam',
          code: 'blocklist.word',
          params: { word: 'casino', place: 'comment' },
        },
        {
          check: 'blocklist',
          decision: 'spam',
          code: 'blocklist.word',
          params: { word: 'casino', place: 'name' },
        },
        {
          check: 'blocklist',
          decision: 'spam',
          code: 'blocklist.word',
          params: { word: 'casino', place: 'website' },
        },
        {
          check: 'blocklist',
          decision: 'spam',
          code: 'blocklist.email',
          params: { rule: '@spam.example' },
        },
        {
          check: 'blocklist',
          decision: 'spam',
          code: 'blocklist.ip',
          params: { ip: '203.0.113.9', rule: '203.0.113.0/24' },
        },
        { check: 'moderationMode', decision: 'hold', code: 'moderationMode.all', params: {} },
        {
          check: 'moderationMode',
          decision: 'hold',
          code: 'moderationMode.firstComment',
          params: { author: 'guest' },
        },
        {
          check: 'moderationMode',
          decision: 'hold',
          code: 'moderationMode.firstComment',
          params: { author: 'identity' },
        },
        { check: 'akismet', decision: 'spam', code: 'akismet.spam', params: {} },
        {
          check: 'akismet',
          decision: 'hold',
          code: 'akismet.unavailable',
          params: { error: 'HTTP 500' },
        },
        // Refusals are never stored, but their words are checked all the same.
        { check: 'honeypot', decision: 'reject', code: 'honeypot.filled', params: {} },
        { check: 'duplicate', decision: 'reject', code: 'duplicate.repeat', params: {} },
        { check: 'blocklist', decision: 'reject', code: 'blocklist.banned', params: {} },
        {
          check: 'flood',
          decision: 'reject',
          code: 'flood.tooMany',
          params: { count: 30, scopes: ['ip'] },
        },
        { check: 'akismet', decision: 'reject', code: 'akismet.discard', params: {} },
        // An old prose reason no pattern read: shown as stored, marked English.
        {
          check: 'akismet',
          decision: 'hold',
          code: 'legacy',
          params: { text: '§an older wording' },
        },
      ],
      createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    }),
    // Nobody behind it (a deleted author), answering an author imported without a name: the words are ours.
    buildItem({
      id: 'two',
      author: { name: '', deleted: true, email: null, url: null, provider: 'guest', ip: null },
      html: '<p>§two</p>',
      page: { url: 'https://blog.example/hello', title: '§Hello' },
      parent: { id: 'one', author: { name: '', anonymous: true }, excerpt: '§one' },
    }),
  ];
}

/** The words an owner sees or hears: text, and the names and hints in attributes. */
function words(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    // The server's stored English details are marked lang="en" on purpose;
    // the textarea holds the embed snippet, the picker each language's own name.
    if (
      element.closest('script, style, time, textarea, [lang="en"]:not(html), .language-picker, kbd')
    )
      continue;
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push(child.textContent ?? '');
    }
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value !== null) out.push(value);
    }
  }
  const brands = /^(Parley|WordPress\.com|Twitter|Facebook|Parley JSON|WordPress \(WXR\))$/;
  const languages = new Set(Object.values(LOCALE_NAMES));
  return out
    .map((text) => text.trim())
    .filter((text) => /\p{L}/u.test(text) && !text.includes('§'))
    .filter((text) => !brands.test(text) && !languages.has(text));
}

/** Renders every page and state of the dashboard in `locale`; returns the words of each. */
async function statesIn(locale: Locale): Promise<string[][]> {
  const catalogue = dashboardMessages(locale);
  const w = (key: DashboardKey, params?: MessageParams) =>
    formatMessage(locale, catalogue[key], params);
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  const states: string[][] = [];
  const loaded = () =>
    waitFor(() => expect(screen.getByTestId('admin').dataset.loaded).toBe('true'));
  const error = (status: number, code: string, field?: string) =>
    jsonResponse(status, { error: { code, message: 'English from the server', field } });

  // The login, refused by code.
  window.history.replaceState(null, '', '/admin');
  respond(error(401, 'unauthorized'), error(401, 'unauthorized'));
  let view = render(<Dashboard api={createAdminApi('')} />);
  await loaded();
  fireEvent.input(screen.getByLabelText(w('login.email')), { target: { value: 'a@b.example' } });
  fireEvent.input(screen.getByLabelText(w('login.password')), { target: { value: 'wrong' } });
  fireEvent.click(screen.getByRole('button', { name: w('login.submit') }));
  await screen.findByRole('alert');
  states.push(words());
  view.unmount();

  // The queue: counts, reasons, a selection, an action said beside Undo, a ban asked.
  const list = items();
  respond(
    jsonResponse(200, ME_HERE),
    jsonResponse(200, { comments: list, counts: { pending: 2, approved: 5, spam: 1, trash: 0 } }),
    jsonResponse(200, { updated: 1 }),
  );
  view = render(<Dashboard api={createAdminApi('')} />);
  await waitFor(() => expect(screen.getAllByTestId('queue-item')).toHaveLength(2));
  const [first] = screen.getAllByTestId('queue-item');
  if (!first) throw new Error('no item');
  // The reasons are said in the owner's language, from their codes.
  expect(first.textContent).toContain(w('reason.linksTooMany', { count: 3, limit: 2 }));
  expect(first.textContent).toContain(w('reason.wordInName', { word: 'casino' }));
  expect(first.querySelectorAll('.reasons li .detail')).toHaveLength(20);
  fireEvent.click(within(first).getByRole('checkbox', { name: w('item.select') }));
  states.push(words());
  const second = screen.getAllByTestId('queue-item')[1];
  if (!second) throw new Error('no second item');
  // A deleted author is named in the owner's words, marked as no one's name, and can't be banned.
  const nobody = w('item.deletedAuthor');
  expect(second.querySelector('.author.nobody')?.textContent).toBe(nobody);
  expect(second.getAttribute('aria-label')).toBe(w('item.label', { name: nobody }));
  expect(second.querySelector('.parent')?.textContent).toBe(
    w('item.inReplyTo', { name: w('item.anonymousAuthor'), excerpt: '§one' }),
  );
  expect(within(second).queryByRole('button', { name: w('item.ban') })).toBeNull();
  expect(within(first).getByRole('button', { name: w('item.ban') })).toBeTruthy();
  fireEvent.click(within(second).getByRole('button', { name: w('item.approve') }));
  await screen.findByText(w('done.approve', { count: 1 }));
  fireEvent.click(within(first).getByRole('button', { name: w('item.ban') }));
  states.push(words());
  view.unmount();

  // Spam, empty; then a search that finds nothing.
  window.history.replaceState(null, '', '/admin');
  respond(
    jsonResponse(200, ME_HERE),
    jsonResponse(200, { comments: [], counts: { pending: 0, approved: 0, spam: 0, trash: 0 } }),
    jsonResponse(200, { comments: [], counts: { pending: 0, approved: 0, spam: 0, trash: 0 } }),
  );
  view = render(<Dashboard api={createAdminApi('')} />);
  await screen.findByText(w('queue.nonePending'));
  fireEvent.click(screen.getByRole('tab', { name: new RegExp(w('status.spam')) }));
  await screen.findByText(w('queue.noneSpam'));
  states.push(words());
  view.unmount();

  // Settings, with a refused number beside its field.
  window.history.replaceState(null, '', '/admin/settings');
  respond(
    jsonResponse(200, ME_HERE),
    jsonResponse(200, buildSettings()),
    error(400, 'invalid_body', 'settings.moderation.linkLimit'),
  );
  view = render(<Dashboard api={createAdminApi('')} />);
  const linkLimit = await screen.findByLabelText(w('settings.linkLimit'));
  fireEvent.input(linkLimit, { target: { value: '-1' } });
  fireEvent.click(screen.getByRole('button', { name: w('settings.save') }));
  await screen.findByText(w('settings.invalidWhole', { min: 0, max: 100 }));
  states.push(words());
  view.unmount();

  // An import's summary: skipped kinds and refusals, by code.
  window.history.replaceState(null, '', '/admin/settings');
  const summary: ImportSummary = {
    format: 'wxr',
    dryRun: false,
    imported: 7,
    alreadyPresent: 1,
    skipped: { pingbacks: 2, trackbacks: 1 },
    refused: {
      count: 9,
      examples: [
        { sourceId: '§1', code: 'noId', params: {} },
        { sourceId: '§2', code: 'noPage', params: {} },
        { sourceId: '§3', code: 'noPage', params: { thread: '42' } },
        { sourceId: '§4', code: 'unknownStatus', params: { status: 'limbo' } },
        { sourceId: '§5', code: 'noDate', params: {} },
        { sourceId: '§6', code: 'notAComment', params: {} },
        { sourceId: '§7', code: 'unknownPage', params: { page: 'hello' } },
        { sourceId: '§8', code: 'emptyText', params: {} },
        { sourceId: '§9', code: 'badPageUrl', params: { url: 'hello' } },
      ],
    },
    offOrigin: 0,
    batches: 1,
  };
  respond(
    jsonResponse(200, ME_HERE),
    jsonResponse(200, buildSettings()),
    new Response(`${JSON.stringify({ type: 'summary', summary })}\n`, {
      status: 200,
      headers: { 'content-type': 'application/x-ndjson' },
    }),
  );
  view = render(<Dashboard api={createAdminApi('')} />);
  const file = await screen.findByTestId('import-file');
  Object.defineProperty(file, 'files', { value: [new File(['<rss/>'], 'export.xml')] });
  // A native change event: Preact's testing library turns fireEvent.change into input.
  await act(async () => {
    file.dispatchEvent(new Event('change', { bubbles: true }));
  });
  fireEvent.click(screen.getByRole('button', { name: w('import.submit') }));
  const shown = await screen.findByTestId('import-summary');
  // Said in the owner's language, from their codes.
  expect(shown.textContent).toContain(
    w('import.skipped', { kind: w('import.kindPingbacks'), count: 2 }),
  );
  expect(shown.textContent).toContain(w('import.refusedUnknownStatus', { status: 'limbo' }));
  expect(shown.querySelectorAll('.detail')).toHaveLength(9);
  states.push(words());
  view.unmount();

  // A refused file: what was wrong, by code.
  window.history.replaceState(null, '', '/admin/settings');
  respond(
    jsonResponse(200, ME_HERE),
    jsonResponse(200, buildSettings()),
    jsonResponse(422, {
      error: {
        code: 'malformed_import',
        message: 'English from the server',
        detail: { code: 'badXml', params: { error: 'Unclosed root tag', line: 3, column: 7 } },
      },
    }),
  );
  view = render(<Dashboard api={createAdminApi('')} />);
  const refusedFile = await screen.findByTestId('import-file');
  Object.defineProperty(refusedFile, 'files', { value: [new File(['<rss>'], 'export.xml')] });
  await act(async () => {
    refusedFile.dispatchEvent(new Event('change', { bubbles: true }));
  });
  fireEvent.click(screen.getByRole('button', { name: w('import.submit') }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain(
    w('import.problemBadXml', { error: 'Unclosed root tag', line: 3, column: 7 }),
  );
  expect(alert.querySelector('[lang="en"]')).toBeNull();
  states.push(words());
  view.unmount();

  // Imports that fail with no file problem: each said by its code, with what
  // the server sent as data (the size limit, the mapping, how far it got);
  // only a code the dashboard has no words for keeps the server's English.
  const stream = (...lines: object[]) =>
    new Response(lines.map((line) => `${JSON.stringify(line)}\n`).join(''), {
      status: 200,
      headers: { 'content-type': 'application/x-ndjson' },
    });
  const failures: [Response, string, string | null][] = [
    [
      jsonResponse(413, {
        error: {
          code: 'import_too_large',
          message: 'English from the server',
          detail: { code: 'tooLarge', params: { limitMb: 50 } },
        },
      }),
      w('import.tooLarge'),
      w('import.problemTooLarge', { limitMb: 50 }),
    ],
    [
      jsonResponse(400, {
        error: {
          code: 'invalid_body',
          message: 'English from the server',
          field: 'mapUrl',
          detail: { code: 'badMapping', params: { mapping: 'nonsense' } },
        },
      }),
      w('import.badMapping'),
      w('import.problemBadMapping', { mapping: 'nonsense' }),
    ],
    [error(400, 'invalid_body'), w('import.empty'), null],
    [error(400, 'unknown_import_format'), w('import.unknownFormat'), null],
    [
      stream(
        {
          type: 'progress',
          progress: {
            phase: 'importing',
            read: 500,
            total: 600,
            imported: 500,
            alreadyPresent: 0,
            batches: 1,
          },
        },
        {
          type: 'error',
          error: {
            code: 'internal_error',
            message: 'English from the server',
            detail: { code: 'stopped', params: { batches: 2, imported: 500, read: 600 } },
          },
        },
      ),
      w('import.stopped'),
      w('import.problemStopped', { batches: 2, imported: 500, read: 600 }),
    ],
    [
      stream({
        type: 'error',
        error: { code: 'internal_error', message: 'English from the server' },
      }),
      w('import.stopped'),
      null,
    ],
  ];
  for (const [answer, said, problem] of failures) {
    window.history.replaceState(null, '', '/admin/settings');
    respond(jsonResponse(200, ME_HERE), jsonResponse(200, buildSettings()), answer);
    view = render(<Dashboard api={createAdminApi('')} />);
    const failing = await screen.findByTestId('import-file');
    Object.defineProperty(failing, 'files', { value: [new File(['<rss/>'], 'export.xml')] });
    await act(async () => {
      failing.dispatchEvent(new Event('change', { bubbles: true }));
    });
    fireEvent.click(screen.getByRole('button', { name: w('import.submit') }));
    const failed = await screen.findByRole('alert');
    expect(failed.textContent).toContain(said);
    if (problem) expect(failed.textContent).toContain(problem);
    expect(failed.textContent).not.toContain('English from the server');
    expect(failed.querySelector('[lang="en"]')).toBeNull();
    states.push(words());
    view.unmount();
  }

  // A code the dashboard has no words for: said generally, the server's English beside it, marked so.
  window.history.replaceState(null, '', '/admin/settings');
  respond(
    jsonResponse(200, ME_HERE),
    jsonResponse(200, buildSettings()),
    error(409, 'some_new_code'),
  );
  view = render(<Dashboard api={createAdminApi('')} />);
  const unknownFile = await screen.findByTestId('import-file');
  Object.defineProperty(unknownFile, 'files', { value: [new File(['<rss/>'], 'export.xml')] });
  await act(async () => {
    unknownFile.dispatchEvent(new Event('change', { bubbles: true }));
  });
  fireEvent.click(screen.getByRole('button', { name: w('import.submit') }));
  const unknown = await screen.findByRole('alert');
  expect(unknown.textContent).toContain(w('error.other'));
  expect(unknown.querySelector('[lang="en"]')?.textContent).toBe('English from the server');
  states.push(words());
  view.unmount();

  // Moderators: the list, a member added with their one-time password.
  window.history.replaceState(null, '', '/admin/moderators');
  respond(
    jsonResponse(200, ME_HERE),
    jsonResponse(200, [
      { email: '§owner@blog.example', role: 'owner' },
      { email: '§mod@blog.example', role: 'moderator' },
    ]),
    jsonResponse(201, { email: '§new@blog.example', role: 'moderator', password: '§pw' }),
  );
  view = render(<Dashboard api={createAdminApi('')} />);
  await screen.findByRole('list', { name: w('members.list') });
  fireEvent.input(screen.getByLabelText(w('members.email')), {
    target: { value: 'new@blog.example' },
  });
  fireEvent.click(screen.getAllByRole('button', { name: w('members.add') })[0] as HTMLElement);
  await screen.findByTestId('new-password');
  states.push(words());
  view.unmount();

  // One comment, from an email's link.
  window.history.replaceState(null, '', '/admin/comments/one?action=approve&site=blog');
  respond(jsonResponse(200, ME_HERE), jsonResponse(200, list[0]), jsonResponse(200, {}));
  view = render(<Dashboard api={createAdminApi('')} />);
  fireEvent.click(await screen.findByRole('button', { name: w('comment.approve') }));
  await screen.findByText(w('comment.done'));
  states.push(words());
  view.unmount();

  // Signed out.
  respond(
    jsonResponse(200, ME_HERE),
    jsonResponse(200, { comments: [], counts: null }),
    noContent(),
  );
  window.history.replaceState(null, '', '/admin');
  view = render(<Dashboard api={createAdminApi('')} />);
  // The answers go in order: the queue must have asked for its list (and had it)
  // before the click asks to sign out, or the list gets the sign-out's empty answer.
  await screen.findByText(w('queue.nonePending'));
  fireEvent.click(screen.getByRole('button', { name: w('header.signOut') }));
  await screen.findByText(w('login.signedOut'));
  states.push(words());
  view.unmount();
  return states;
}

/** Words the same in English and these languages (checked by contract/i18n/catalogues.test.ts too). */
const SAME = /^(Akismet|[Ss]pam|Site|Moderator|Format),?$/;

describe('every owner’s language', () => {
  it('uses every key of the catalogue somewhere in the dashboard', () => {
    const sources = import.meta.glob(
      [
        './**/*.{ts,tsx}',
        '!./**/*.test.*',
        '!./test-*',
        // The reasons' and checks' keys, shared with the server's e-mail.
        '../../contract/moderation-reason-words.ts',
      ],
      {
        query: '?raw',
        import: 'default',
        eager: true,
      },
    ) as Record<string, string>;
    const code = Object.values(sources).join('\n');
    // done.<action> and check names are built from a known list.
    const built = /^(done|check)\./;
    const unused = Object.keys(en).filter((key) => !built.test(key) && !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('renders English with no missing key', async () => {
    const keys = new Set(Object.keys(en));
    for (const state of await statesIn('en')) {
      expect(state.filter((text) => keys.has(text))).toEqual([]);
      expect(state.length).toBeGreaterThan(0);
    }
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    'renders in %s with no missing key and no English left over',
    async (locale) => {
      const english = await statesIn('en');
      const translated = await statesIn(locale);
      const keys = new Set(Object.keys(en));
      expect(translated.length).toBe(english.length);
      english.forEach((state, i) => {
        const theirs = translated[i] ?? [];
        expect(
          theirs.filter((text) => keys.has(text)),
          `${locale} state ${i}`,
        ).toEqual([]);
        const leftover = theirs.filter((text) => state.includes(text) && !SAME.test(text));
        expect(leftover, `${locale} state ${i}`).toEqual([]);
      });
      expect(document.documentElement.lang).toBe(locale);
      expect(document.documentElement.dir).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    },
  );

  it('has a catalogue for every language', () => {
    expect(Object.keys(DASHBOARD_CATALOGUES).sort()).toEqual([...LOCALES].sort());
  });
});

describe('choosing the language', () => {
  const languages = (list: string[]) =>
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(list);

  afterEach(() => vi.restoreAllMocks());

  it('follows the browser’s languages, best match first, else English', async () => {
    languages(['xx', 'pt-PT', 'fr']);
    respond(jsonResponse(401, { error: { code: 'unauthorized', message: 'x' } }));
    render(<Dashboard api={createAdminApi('')} />);
    await screen.findByRole('button', {
      name: dashboardMessages('pt-BR')['login.submit'] as string,
    });
    expect(document.documentElement.lang).toBe('pt-BR');
    cleanup();

    languages(['xx']);
    respond(jsonResponse(401, { error: { code: 'unauthorized', message: 'x' } }));
    render(<Dashboard api={createAdminApi('')} />);
    await screen.findByRole('button', { name: 'Sign in' });
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('switches from the picker, remembers it, and mirrors for Arabic', async () => {
    languages(['en-US']);
    respond(jsonResponse(401, { error: { code: 'unauthorized', message: 'x' } }));
    render(<Dashboard api={createAdminApi('')} />);
    const picker = await screen.findByRole('combobox', { name: 'Dashboard language' });
    (picker as HTMLSelectElement).value = 'ar';
    fireEvent(picker, new Event('change', { bubbles: true }));
    await screen.findByRole('button', { name: dashboardMessages('ar')['login.submit'] as string });
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.title).toBe(dashboardMessages('ar')['page.title']);
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    cleanup();

    // The next visit, whatever the browser says.
    respond(jsonResponse(401, { error: { code: 'unauthorized', message: 'x' } }));
    render(<Dashboard api={createAdminApi('')} />);
    await screen.findByRole('button', { name: dashboardMessages('ar')['login.submit'] as string });
  });

  it('says again, in the new language, what was said before the switch', async () => {
    languages(['en-US']);
    const refused = () => jsonResponse(401, { error: { code: 'unauthorized', message: 'x' } });
    respond(refused(), refused());
    render(<Dashboard api={createAdminApi('')} />);
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'a@b.example' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe(en['error.unauthorized']);
    const picker = screen.getByRole('combobox', { name: 'Dashboard language' });
    (picker as HTMLSelectElement).value = 'de';
    fireEvent(picker, new Event('change', { bubbles: true }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        dashboardMessages('de')['error.unauthorized'],
      ),
    );
  });
});
