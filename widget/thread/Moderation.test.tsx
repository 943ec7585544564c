import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Comment, ThreadBootstrap } from '../../contract/api.ts';
import { App } from './App.tsx';
import { draftKey } from './storage.ts';
import { buildBootstrap, buildComment, jsonResponse, threadOf } from './test-fixtures.ts';
import { setupAppTests } from './test-host.ts';

setupAppTests();

const details = { Email: 'ann@example.com', Name: 'Ann' };

function renderApp(comments: Comment[] = [], overrides: Partial<ThreadBootstrap> = {}) {
  render(<App bootstrap={buildBootstrap(comments, overrides)} />);
  return screen.getByRole('form', { name: 'Leave a comment' });
}

function fill(form: HTMLElement, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.input(within(form).getByLabelText(label), { target: { value } });
  }
}

/** Stubs fetch to answer the next POST with `response`. */
function respondOnce(response: Response) {
  const fetch = vi.fn().mockResolvedValueOnce(response);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The RequestInit of the first call to a stubbed fetch. */
const sentInit = (fetch: ReturnType<typeof vi.fn>) =>
  (fetch.mock.calls[0] as [string, RequestInit])[1];
const sentBody = (fetch: ReturnType<typeof vi.fn>) => JSON.parse(String(sentInit(fetch).body));

describe('held comments', () => {
  it('marks only the reader’s own pending comment, and does not count it', () => {
    const mine = buildComment({ id: 'mine', status: 'pending' });
    const theirs = buildComment({ id: 'theirs' });
    // The server's total counts published comments only.
    renderApp([], { thread: threadOf([theirs, mine]) });
    const notes = screen.getAllByTestId('awaiting-moderation');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.textContent).toBe('Your comment is awaiting moderation.');
    expect(notes[0]?.closest('article')?.id).toBe('comment-mine');
    expect(
      within(document.getElementById('comment-mine') as HTMLElement).getByTestId('comment-body'),
    ).toBeTruthy();
    expect(screen.getByTestId('comment-count').textContent).toBe('1 comment');
  });

  it('shows a new comment the server held, with the note, without counting it', async () => {
    const form = renderApp([buildComment({ id: 'old' })]);
    fill(form, { Comment: 'First time here', ...details });
    const held = buildComment({ id: 'held1', status: 'pending', html: '<p>First time here</p>' });
    respondOnce(jsonResponse(201, { comment: held }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('comment-held1')).toBeTruthy());
    const item = document.getElementById('comment-held1') as HTMLElement;
    expect(within(item).getByTestId('awaiting-moderation')).toBeTruthy();
    expect(within(item).getByTestId('comment-body').textContent).toBe('First time here');
    expect(screen.getByTestId('comment-count').textContent).toBe('1 comment');
    expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe('');
  });
});

describe('spam defence in the form', () => {
  it('hides a honeypot from people and the labels the e2e tests use', () => {
    const form = renderApp();
    // Each of these finds exactly one input (getBy throws on two).
    for (const label of ['Website', 'Email', 'Name']) {
      expect(within(form).getByLabelText(label).getAttribute('name')).not.toBe('url2');
    }
    const trap = within(form).getByLabelText('Leave this field empty') as HTMLInputElement;
    expect(trap.name).toBe('url2');
    expect(trap.tabIndex).toBe(-1);
    expect(trap.getAttribute('autocomplete')).toBe('off');
    expect(trap.closest('[aria-hidden="true"]')?.className).toBe('hp');
    // Out of the accessibility tree: not among the form's textboxes.
    expect(within(form).queryAllByRole('textbox')).not.toContain(trap);
  });

  it('sends the form token and the honeypot’s value, with the author-key cookie', async () => {
    const form = renderApp();
    fill(form, { Comment: 'Buy now', ...details, 'Leave this field empty': 'http://spam.example' });
    const fetch = respondOnce(jsonResponse(201, { comment: buildComment({ id: 'x1' }) }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(sentBody(fetch)).toMatchObject({
      formToken: '1764000000000.test-form-token',
      hp: 'http://spam.example',
    });
    expect(sentInit(fetch).credentials).toBe('include');
  });

  it('sends an empty honeypot when a person posts', async () => {
    const form = renderApp();
    fill(form, { Comment: 'Hello', ...details });
    const fetch = respondOnce(jsonResponse(201, { comment: buildComment({ id: 'x2' }) }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(sentBody(fetch).hp).toBe('');
  });
});

describe('refused posts', () => {
  const MAIN_DRAFT = draftKey('blog', '/post', null);

  // The real server's responses (server/comments/comment.moderation.ts
  // `refusal`): the widget words each by its code (and the flood's
  // Retry-After), in the reader's language, never with the server's English.
  it.each([
    [
      'rate_limited',
      429,
      "You're commenting fast: please wait 42 seconds and try again.",
      { 'Retry-After': '42' },
      'You are posting too quickly. Please wait 42 seconds and try again.',
    ],
    [
      'rate_limited',
      429,
      "You're commenting fast: please wait 1 second and try again.",
      { 'Retry-After': '1' },
      'You are posting too quickly. Please wait 1 second and try again.',
    ],
    [
      'duplicate_comment',
      409,
      'You already posted this comment.',
      {},
      'You have already posted this comment.',
    ],
    [
      'banned',
      403,
      'You can no longer comment on this site.',
      {},
      'You can’t comment on this site.',
    ],
    [
      'spam_rejected',
      400,
      'This comment looks like spam and was not posted.',
      {},
      'Your comment was rejected as spam.',
    ],
  ])(
    '%s: words the server’s refusal and keeps the draft',
    async (code, status, message, headers, shown) => {
      const form = renderApp();
      fill(form, { Comment: 'My words', ...details });
      respondOnce(
        new Response(JSON.stringify({ error: { code, message } }), {
          status,
          headers: { 'content-type': 'application/json', ...headers },
        }),
      );
      fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
      const alert = await within(form).findByRole('alert');
      expect(alert.textContent).toBe(shown);
      expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe(
        'My words',
      );
      expect(localStorage.getItem(MAIN_DRAFT)).toBe('My words');
      expect(within(form).getByRole('button', { name: 'Post Comment' })).toHaveProperty(
        'disabled',
        false,
      );
    },
  );

  it('words rate_limited itself when the server sends no message', async () => {
    const form = renderApp();
    fill(form, { Comment: 'Again', ...details });
    respondOnce(jsonResponse(429, { error: { code: 'rate_limited', message: '' } }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/wait/);
  });
});

describe('privacy line', () => {
  const line = () => screen.queryByTestId('privacy');

  it('is absent when the site has neither Akismet nor a privacy URL', () => {
    renderApp();
    expect(line()).toBeNull();
  });

  it('names Akismet when it is on', () => {
    renderApp([], { privacy: { akismet: true, privacyUrl: null, deletion: 'choice' } });
    expect(line()?.textContent?.trim()).toBe('This site uses Akismet to reduce spam.');
    expect(within(line() as HTMLElement).queryByRole('link')).toBeNull();
  });

  it('links the privacy URL in a new tab', () => {
    renderApp([], {
      privacy: { akismet: false, privacyUrl: 'https://blog.example/privacy', deletion: 'choice' },
    });
    expect(line()?.textContent).toBe('Learn how your comment data is processed.');
    const link = within(line() as HTMLElement).getByRole('link', {
      name: 'Learn how your comment data is processed',
    });
    expect(link.getAttribute('href')).toBe('https://blog.example/privacy');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
  });

  it('says both, in that order, under the form', () => {
    const form = renderApp([], {
      privacy: { akismet: true, privacyUrl: 'https://blog.example/privacy', deletion: 'choice' },
    });
    expect(line()?.textContent).toBe(
      'This site uses Akismet to reduce spam. Learn how your comment data is processed.',
    );
    expect(form.contains(line())).toBe(true);
    expect(line()?.previousElementSibling).toBe(
      within(form).getByRole('button', { name: 'Post Comment' }),
    );
  });
});
