/// <reference types="vite/client" />
/**
 * Every reader's language (issue 11): the widget rendered in each shipped
 * language, with only the first render's words inlined (as the server does)
 * and the rest loaded when first needed, shows no missing key and no English
 * left over; every catalogue is complete and every key is one the widget uses.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { LOCALES, type Locale } from '../../contract/i18n/locales.ts';
import { en } from '../../contract/i18n/reader/en.ts';
import { firstRenderMessages, laterMessages } from '../../contract/i18n/reader/first-render.ts';
import { READER_CATALOGUES, readerMessages } from '../../contract/i18n/reader/index.ts';
import { buildBootstrap, buildComment, jsonResponse, threadOf } from './test-fixtures.ts';
import { setupAppTests } from './test-host.ts';

setupAppTests();

const hourAgo = new Date(Date.now() - 3600_000).toISOString();
/** Reader data is marked with § so the checks skip it: only the widget's own words count. */
const author = (name: string) => ({
  name: `§${name}`,
  url: null,
  avatarUrl: 'https://comments.example/avatars/a.png',
  provider: 'guest' as const,
});

function thread(): Comment[] {
  return [
    buildComment({ id: 'p1', html: '<p>§one</p>', author: author('Ana'), createdAt: hourAgo }),
    buildComment({
      id: 'r1',
      parentId: 'p1',
      html: '<p>§two</p>',
      author: author('Bo'),
      createdAt: hourAgo,
      editedAt: hourAgo,
    }),
    buildComment({
      id: 'mine',
      html: '<p>§mine</p>',
      source: '§mine',
      author: author('Me'),
      createdAt: hourAgo,
      editableUntil: new Date(Date.now() + 600_000).toISOString(),
      status: 'pending',
    }),
    buildComment({
      id: 'gone',
      html: '',
      deleted: true,
      author: author('Gone'),
      createdAt: hourAgo,
    }),
    buildComment({
      id: 'r2',
      parentId: 'gone',
      html: '<p>§three</p>',
      author: author('Cy'),
      createdAt: hourAgo,
    }),
  ];
}

/** The words a reader sees or hears: text, and the names and hints in attributes. */
function words(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    if (element.closest('script, style, time')) continue;
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push(child.textContent ?? '');
    }
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value !== null) out.push(value);
    }
  }
  return out
    .map((text) => text.trim())
    .filter((text) => /\p{L}/u.test(text) && !text.includes('§'))
    .filter((text) => !/^(WordPress\.com|Twitter|Facebook)$/.test(text));
}

/** Renders the thread in `locale` and walks its states; returns the words of each. */
async function renderIn(locale: Locale): Promise<string[][]> {
  // A fresh app per language: a page never changes language, so the app
  // keeps loaded chunks and words in module state.
  vi.resetModules();
  const { App } = await import('./App.tsx');
  const all = readerMessages(locale);
  // Only the rest of this language's words come by request, as from the server.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      String(url).endsWith(`/embed/words/${locale}.json`)
        ? jsonResponse(200, laterMessages(all))
        : jsonResponse(404, { error: { code: 'not_found', message: 'Not found' } }),
    ),
  );
  const bootstrap = buildBootstrap(null, {
    locale,
    messages: firstRenderMessages(all),
    providers: ['wordpress', 'twitter', 'facebook'],
    thread: threadOf(thread(), {
      nextCursor: 'next',
      moreReplies: { p1: { count: 3, cursor: 'more' } },
    }),
  });
  const { unmount } = render(<App bootstrap={bootstrap} />);
  const states: string[][] = [words()];

  fireEvent.click(screen.getByRole('button', { name: String(all['data.open']) }));
  await screen.findByTestId('guest-data');
  states.push(words());

  fireEvent.click(screen.getByRole('button', { name: String(all['comment.editYours']) }));
  const editor = await screen.findByTestId('edit-form');
  states.push(words());
  fireEvent.click(within(editor).getByRole('button', { name: String(all['edit.cancel']) }));
  fireEvent.click(screen.getByRole('button', { name: String(all['comment.deleteYours']) }));
  await screen.findByTestId('confirm-delete');
  states.push(words());
  unmount();

  render(<App bootstrap={buildBootstrap([], { locale, messages: firstRenderMessages(all) })} />);
  states.push(words());
  return states;
}

/** Words that are the same in English and this language (WordPress's German form says so too). */
const SAME_IN: Partial<Record<Locale, string[]>> = { de: ['Name', 'Website'] };

describe('every reader’s language', () => {
  it('has every key in every catalogue, and no key the widget does not know', () => {
    for (const locale of LOCALES) {
      const catalogue = READER_CATALOGUES[locale] as Record<string, unknown>;
      expect(
        Object.keys(en).filter((key) => !(key in catalogue)),
        locale,
      ).toEqual([]);
      expect(
        Object.keys(catalogue).filter((key) => !(key in en)),
        locale,
      ).toEqual([]);
    }
  });

  it('uses every key of the catalogue somewhere in the widget', () => {
    // The frame's title is the server's to write (server/embed/thread-page.ts).
    const sources = import.meta.glob(
      ['./**/*.{ts,tsx}', '!./**/*.test.*', '!./test-*', '../../server/embed/thread-page.ts'],
      {
        query: '?raw',
        import: 'default',
        eager: true,
      },
    ) as Record<string, string>;
    const code = Object.values(sources).join('\n');
    const unused = Object.keys(en).filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    'renders in %s with no missing key and no English left over',
    async (locale) => {
      const english = await renderIn('en');
      document.body.innerHTML = '';
      const translated = await renderIn(locale);
      const keys = new Set(Object.keys(en));
      english.forEach((state, i) => {
        const theirs = translated[i] ?? [];
        expect(
          theirs.filter((text) => keys.has(text)),
          `${locale} state ${i}`,
        ).toEqual([]);
        expect(theirs.length, `${locale} state ${i}`).toBe(state.length);
        const leftover = state.filter(
          (text, j) => theirs[j] === text && !SAME_IN[locale]?.includes(text),
        );
        expect(leftover, `${locale} state ${i}`).toEqual([]);
      });
    },
  );

  // Issue 11: the server marks such an author (`author.deleted`, no name); the
  // words are the reader's, where "Deleted user" used to be stored in English.
  it.each(['en', 'fr', 'ar'] as const)(
    'names a comment with nobody behind it, and a reply to it, in %s',
    async (locale) => {
      vi.resetModules();
      const { App } = await import('./App.tsx');
      const all = readerMessages(locale);
      const nobody = {
        name: '',
        url: null,
        avatarUrl: '',
        provider: 'guest' as const,
        deleted: true as const,
      };
      render(
        <App
          bootstrap={buildBootstrap(null, {
            locale,
            messages: firstRenderMessages(all),
            thread: threadOf([
              buildComment({
                id: 'left',
                html: '<p>§kept</p>',
                author: nobody,
                createdAt: hourAgo,
              }),
              buildComment({
                id: 'answer',
                parentId: 'left',
                html: '<p>§answer</p>',
                author: author('Bo'),
                createdAt: hourAgo,
              }),
            ]),
          })}
        />,
      );
      const name = String(all['comment.deletedAuthor']);
      const [left] = screen.getAllByTestId('comment') as [HTMLElement];
      expect(left.querySelector('.author')?.textContent).toBe(name);
      // The Reply button and its form name them too.
      const reply = String(all['comment.replyTo']).replace('{name}', name);
      fireEvent.click(within(left).getByRole('button', { name: reply }));
      expect(
        screen.getByRole('form', { name: String(all['form.replyTo']).replace('{name}', name) }),
      ).toBeTruthy();
    },
  );

  // Issue 11 again: an author imported without a name (`author.anonymous`),
  // where the English "Anonymous" used to be stored; named at first render.
  it.each(['en', 'fr', 'ar'] as const)(
    'names an imported nameless author, and a reply to them, in %s',
    async (locale) => {
      vi.resetModules();
      const { App } = await import('./App.tsx');
      const all = readerMessages(locale);
      const nameless = {
        name: '',
        url: null,
        avatarUrl: '',
        provider: 'guest' as const,
        anonymous: true as const,
      };
      render(
        <App
          bootstrap={buildBootstrap(null, {
            locale,
            messages: firstRenderMessages(all),
            thread: threadOf([
              buildComment({
                id: 'shy',
                html: '<p>§shy</p>',
                author: nameless,
                createdAt: hourAgo,
              }),
              buildComment({
                id: 'answer',
                parentId: 'shy',
                html: '<p>§answer</p>',
                author: author('Bo'),
                createdAt: hourAgo,
              }),
            ]),
          })}
        />,
      );
      const name = String(all['comment.anonymousAuthor']);
      expect(name).not.toBe('');
      const [shy] = screen.getAllByTestId('comment') as [HTMLElement];
      expect(shy.querySelector('.author')?.textContent).toBe(name);
      const reply = String(all['comment.replyTo']).replace('{name}', name);
      expect(within(shy).getByRole('button', { name: reply })).toBeTruthy();
    },
  );

  it('renders English with no missing key', async () => {
    const keys = new Set(Object.keys(en));
    for (const state of await renderIn('en')) {
      expect(state.filter((text) => keys.has(text))).toEqual([]);
      expect(state.length).toBeGreaterThan(0);
    }
  });
});
