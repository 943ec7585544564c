import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { envelope } from '../../contract/messages.ts';
import { App } from './App.tsx';
import { draftKey } from './storage.ts';
import { buildBootstrap, buildComment, HOST_ORIGIN, jsonResponse } from './test-fixtures.ts';
import { replyForm, setupAppTests } from './test-host.ts';

const MAIN_DRAFT = draftKey('blog', '/post', null);
const AUTHOR_KEY = 'parley:author:blog';
const alice = buildComment({ id: 'alice1', author: { ...buildComment().author, name: 'Alice' } });

const getHost = setupAppTests();

function renderApp(comments: Comment[] = [alice]) {
  render(<App bootstrap={buildBootstrap(comments)} />);
  return screen.getByRole('form', { name: 'Leave a comment' });
}

/** Stubs fetch for exactly one call. */
function respondOnce(response: Response | Error) {
  const fetch = vi.fn();
  if (response instanceof Error) fetch.mockRejectedValueOnce(response);
  else fetch.mockResolvedValueOnce(response);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function fill(form: HTMLElement, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.input(within(form).getByLabelText(label), { target: { value } });
  }
}

/**
 * Moves focus out of `el`. preact/compat listens for `focusout` for onBlur, and
 * the testing library's fireEvent.blur/focusOut never fire that event in jsdom.
 */
const leave = (el: HTMLElement) => fireEvent(el, new FocusEvent('focusout', { bubbles: true }));

const details = { Email: 'ann@example.com', Name: 'Ann', Website: 'https://ann.example' };

describe('comment form', () => {
  it('is labelled for people and tests', () => {
    const form = renderApp();
    expect(within(form).getByRole('heading').textContent).toBe('Leave a comment');
    const text = within(form).getByRole('textbox', { name: 'Comment' });
    expect(text.tagName).toBe('TEXTAREA');
    expect(text.getAttribute('placeholder')).toBe('Write a comment…');
    expect(within(form).getByRole('group', { name: 'Fill in your details below' })).toBeTruthy();
    expect(within(form).getByTestId('sign-in-slot')).toBeTruthy();
    const email = within(form).getByLabelText('Email') as HTMLInputElement;
    expect(email.type).toBe('email');
    expect(email.required).toBe(true);
    const hint = document.getElementById(email.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('Address never made public');
    expect((within(form).getByLabelText('Name') as HTMLInputElement).required).toBe(true);
    const website = within(form).getByLabelText('Website') as HTMLInputElement;
    expect(website.type).toBe('url');
    expect(website.required).toBe(false);
    const remember = within(form).getByRole('checkbox', {
      name: 'Save my name, email, and website in this browser for the next time I comment.',
    });
    expect((remember as HTMLInputElement).checked).toBe(false);
    expect(within(form).getByRole('button', { name: 'Post Comment' })).toBeTruthy();
  });

  it('saves the draft as the reader types and restores it on load', async () => {
    let form = renderApp();
    fill(form, { Comment: 'Half a thought' });
    await waitFor(() => expect(localStorage.getItem(MAIN_DRAFT)).toBe('Half a thought'));
    cleanup();
    form = renderApp();
    expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe(
      'Half a thought',
    );
  });

  it('keeps each reply draft separate, across closing the form', () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Reply to Alice' }));
    const reply = replyForm();
    fill(reply, { Comment: 'Answer to Alice' });
    fireEvent.click(within(reply).getByRole('button', { name: 'Cancel reply' }));
    expect(localStorage.getItem(draftKey('blog', '/post', 'alice1'))).toBe('Answer to Alice');
    expect(localStorage.getItem(MAIN_DRAFT)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reply to Alice' }));
    const again = replyForm();
    expect((within(again).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe(
      'Answer to Alice',
    );
  });

  it('reports the comment, the email and the name together on an empty submit, without a request', async () => {
    const form = renderApp();
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    // The check's code loads on first use (problems.ts).
    await waitFor(() =>
      expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(fetch).not.toHaveBeenCalled();
    const said = (label: string) => {
      const input = within(form).getByLabelText(label);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
      const error = ids
        .map((id) => document.getElementById(id))
        .find((e) => e?.className === 'error');
      return error?.textContent;
    };
    expect(said('Comment')).toBe('Please write your comment.');
    expect(said('Email')).toBe('Please enter your email address. It is never made public.');
    expect(said('Name')).toBe('Please enter your name.');
    expect(within(form).getByLabelText('Website').getAttribute('aria-invalid')).toBeNull();
    // The caret goes to the first field to fix; the count is announced politely.
    expect(document.activeElement).toBe(within(form).getByLabelText('Comment'));
    expect(screen.getByTestId('announcer').textContent).toBe('3 fields need your attention.');
    // Fixing a field takes its line away.
    fill(form, { Name: 'Ann' });
    expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
  });

  it('checks the email and website before sending', async () => {
    const form = renderApp();
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    fill(form, { Comment: 'Hi', Name: 'Ann', Email: 'ann at example', Website: 'not a site' });
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('parley-new-email-error')).not.toBeNull());
    expect(fetch).not.toHaveBeenCalled();
    expect(document.getElementById('parley-new-email-error')?.textContent).toBe(
      'Please enter a valid email address, like name@example.com.',
    );
    expect(document.getElementById('parley-new-website-error')?.textContent).toMatch(
      /^Please enter a web address/,
    );
    expect(document.activeElement).toBe(within(form).getByLabelText('Email'));
  });

  it('counts down near the limit and stops a comment over it, keeping the text', async () => {
    const form = renderApp();
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    fill(form, { Comment: 'x'.repeat(8_000), ...details });
    expect(screen.queryByTestId('counter')).toBeNull();
    fill(form, { Comment: 'x'.repeat(9_990) });
    expect(screen.getByTestId('counter').textContent).toBe('10 characters left');
    fill(form, { Comment: 'x'.repeat(10_001) });
    expect(screen.getByTestId('counter').textContent).toBe('1 character over the limit');
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('parley-new-body-error')).not.toBeNull());
    expect(fetch).not.toHaveBeenCalled();
    expect(document.getElementById('parley-new-body-error')?.textContent).toBe(
      'Your comment is longer than 10,000 characters. It is kept here: please shorten it.',
    );
    expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toHaveLength(
      10_001,
    );
  });

  it('shows a network failure above the button and keeps the draft', async () => {
    const form = renderApp();
    fill(form, { Comment: 'Offline thoughts', ...details });
    respondOnce(new TypeError('Failed to fetch'));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/could not reach/i);
    expect(alert.nextElementSibling).toBe(
      within(form).getByRole('button', { name: 'Post Comment' }),
    );
    expect(localStorage.getItem(MAIN_DRAFT)).toBe('Offline thoughts');
  });

  it('posts, shows the new comment at once and clears the draft', async () => {
    const form = renderApp();
    // A website without a scheme is the server's to accept and normalise.
    fill(form, { Comment: 'Lovely post', ...details, Website: 'ann.example' });
    const created = buildComment({ id: 'new1', html: '<p>Lovely post</p>' });
    const fetch = respondOnce(jsonResponse(201, { comment: created }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));

    await waitFor(() => expect(document.getElementById('comment-new1')).toBeTruthy());
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/comments');
    expect(JSON.parse(String(init.body))).toEqual({
      site: 'blog',
      page: '/post',
      pageUrl: 'https://blog.example/post',
      pageTitle: 'A post',
      parentId: null,
      body: 'Lovely post',
      author: { name: 'Ann', email: 'ann@example.com', website: 'ann.example' },
      formToken: '1764000000000.test-form-token',
      hp: '',
    });
    expect(init.credentials).toBe('include');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('2 comments');
    expect(screen.getAllByTestId('comment').at(-1)?.id).toBe('comment-new1');
    expect(document.getElementById('comment-new1')?.dataset.highlighted).toBe('true');
    expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe('');
    expect(localStorage.getItem(MAIN_DRAFT)).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('comment-new1'));
  });

  it('posts a reply under its parent and closes the reply form', async () => {
    renderApp([alice, buildComment({ id: 'later' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Reply to Alice' }));
    const reply = replyForm();
    fill(reply, { Comment: 'Agreed', ...details });
    const created = buildComment({ id: 'reply1', parentId: 'alice1' });
    const fetch = respondOnce(jsonResponse(201, { comment: created }));
    fireEvent.click(within(reply).getByRole('button', { name: 'Post Comment' }));

    await waitFor(() => expect(document.getElementById('comment-reply1')).toBeTruthy());
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body)).parentId).toBe('alice1');
    const aliceItem = document.getElementById('comment-alice1')?.closest('li') as HTMLElement;
    expect(aliceItem.contains(document.getElementById('comment-reply1'))).toBe(true);
    expect(screen.getAllByTestId('comment-form')).toHaveLength(1);
    expect(localStorage.getItem(draftKey('blog', '/post', 'alice1'))).toBeNull();
    await waitFor(() => expect(getHost().sent({ type: 'scrollTo', top: 0 })).toBe(true));
  });

  it('remembers details when asked, prefills them next time, forgets when unticked', async () => {
    let form = renderApp();
    fill(form, { Comment: 'Hello', ...details });
    const remember = () =>
      within(form).getByRole('checkbox', { name: /^Save my name/ }) as HTMLInputElement;
    fireEvent.click(remember());
    respondOnce(jsonResponse(201, { comment: buildComment({ id: 'm1' }) }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(localStorage.getItem(AUTHOR_KEY)).not.toBeNull());
    expect(JSON.parse(localStorage.getItem(AUTHOR_KEY) ?? '')).toEqual({
      name: 'Ann',
      email: 'ann@example.com',
      website: 'https://ann.example',
    });

    cleanup();
    form = renderApp();
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Ann');
    expect((within(form).getByLabelText('Email') as HTMLInputElement).value).toBe(
      'ann@example.com',
    );
    expect(remember().checked).toBe(true);

    fireEvent.click(remember());
    expect(remember().checked).toBe(false);
    expect(localStorage.getItem(AUTHOR_KEY)).toBeNull();
  });

  it('does not store details when the box is not ticked', async () => {
    const form = renderApp();
    fill(form, { Comment: 'Hello', ...details });
    respondOnce(jsonResponse(201, { comment: buildComment({ id: 'm2' }) }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('comment-m2')).toBeTruthy());
    expect(localStorage.getItem(AUTHOR_KEY)).toBeNull();
  });

  it('keeps working when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      const form = renderApp();
      fill(form, { Comment: 'Still typing' });
      leave(within(form).getByLabelText('Comment'));
      expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe(
        'Still typing',
      );
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('when the browser blocks the frame’s own storage', () => {
  beforeEach(() => {
    // What Chromium does in a cross-site frame when third-party storage is blocked.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
  });
  afterEach(() => vi.restoreAllMocks());

  /** The loader's message with what the host page kept for the site. */
  const hostSends = (data: Record<string, string>, from = {}) =>
    act(() => getHost().send(envelope({ type: 'storage', data }), from));
  const value = (form: HTMLElement, label: string) =>
    (within(form).getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement).value;
  /** The storageSet messages the app sent, all of them to the host origin. */
  const relayed = () =>
    getHost()
      .posted()
      .flatMap(({ data, origin }) => {
        const message = (data as { parley: { type: string; key?: string; value?: unknown } })
          .parley;
        if (message.type !== 'storageSet') return [];
        expect(origin).toBe(HOST_ORIGIN);
        return [[message.key, message.value]];
      });

  it('restores a draft kept by the host page into the empty form', async () => {
    const form = renderApp();
    expect(value(form, 'Comment')).toBe('');
    await hostSends({ [MAIN_DRAFT]: 'Kept on the blog' });
    expect(value(form, 'Comment')).toBe('Kept on the blog');
    // Opening a reply form later finds its own draft too.
    await hostSends({ [draftKey('blog', '/post', 'alice1')]: 'A reply kept too' });
    fireEvent.click(screen.getByRole('button', { name: 'Reply to Alice' }));
    expect(value(replyForm(), 'Comment')).toBe('A reply kept too');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(value(screen.getByRole('form', { name: 'Leave a comment' }), 'Comment')).toBe(
      'Kept on the blog',
    );
  });

  it('never writes the host’s draft over what the reader has typed', async () => {
    const form = renderApp();
    fill(form, { Comment: 'Typed before it arrived' });
    await hostSends({ [MAIN_DRAFT]: 'An older draft' });
    expect(value(form, 'Comment')).toBe('Typed before it arrived');
    leave(within(form).getByLabelText('Comment'));
    expect(relayed()).toEqual([[MAIN_DRAFT, 'Typed before it arrived']]);
  });

  it('ignores storage from another origin or window', async () => {
    const form = renderApp();
    await hostSends({ [MAIN_DRAFT]: 'forged' }, { origin: 'https://ads.example' });
    await hostSends({ [MAIN_DRAFT]: 'forged' }, { source: window });
    expect(value(form, 'Comment')).toBe('');
  });

  it('sends drafts to the host page as the reader types, and clears them once posted', async () => {
    const form = renderApp();
    fill(form, { Comment: 'Half a thought', ...details });
    await waitFor(() => expect(relayed()).toEqual([[MAIN_DRAFT, 'Half a thought']]));
    respondOnce(jsonResponse(201, { comment: buildComment({ id: 'h1' }) }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('comment-h1')).toBeTruthy());
    expect(relayed()).toContainEqual([MAIN_DRAFT, null]);
    // Not ticked: nothing about the reader is kept.
    expect(relayed()).toContainEqual([AUTHOR_KEY, null]);
    expect(relayed().some(([, v]) => typeof v === 'string' && v.includes('ann@'))).toBe(false);
  });

  it('does not erase a draft the host has not sent yet when an empty form closes', async () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Reply to Alice' }));
    fireEvent.click(within(replyForm()).getByRole('button', { name: 'Cancel reply' }));
    window.dispatchEvent(new Event('pagehide'));
    expect(relayed()).toEqual([]);
  });

  it('remembers details on the host page and prefills them from it', async () => {
    let form = renderApp();
    fill(form, { Comment: 'Hello', ...details });
    fireEvent.click(within(form).getByRole('checkbox', { name: /^Save my name/ }));
    respondOnce(jsonResponse(201, { comment: buildComment({ id: 'r1' }) }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('comment-r1')).toBeTruthy());
    const saved = relayed().find(([key]) => key === AUTHOR_KEY)?.[1] as string;
    expect(JSON.parse(saved)).toEqual({
      name: 'Ann',
      email: 'ann@example.com',
      website: 'https://ann.example',
    });

    cleanup();
    form = renderApp();
    expect(value(form, 'Name')).toBe('');
    await hostSends({ [AUTHOR_KEY]: saved });
    expect(value(form, 'Name')).toBe('Ann');
    expect(value(form, 'Email')).toBe('ann@example.com');
    expect(value(form, 'Website')).toBe('https://ann.example');
    expect(
      (within(form).getByRole('checkbox', { name: /^Save my name/ }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('does not fill saved details in once the reader has typed their own', async () => {
    const form = renderApp();
    fill(form, { Name: 'Bob' });
    const ann = JSON.stringify({ name: 'Ann', email: 'ann@example.com', website: '' });
    await hostSends({ [AUTHOR_KEY]: ann });
    expect(value(form, 'Name')).toBe('Bob');
    expect(value(form, 'Email')).toBe('');
    expect(
      (within(form).getByRole('checkbox', { name: /^Save my name/ }) as HTMLInputElement).checked,
    ).toBe(false);
  });
});

describe('when the frame’s own storage works', () => {
  it('keeps drafts there and ignores the host’s copy', async () => {
    localStorage.setItem(MAIN_DRAFT, 'Kept in the frame');
    const form = renderApp();
    await act(() =>
      getHost().send(envelope({ type: 'storage', data: { [MAIN_DRAFT]: 'Host copy' } })),
    );
    fill(form, { Comment: 'Kept in the frame, edited' });
    leave(within(form).getByLabelText('Comment'));
    expect(localStorage.getItem(MAIN_DRAFT)).toBe('Kept in the frame, edited');
    expect(
      getHost()
        .posted()
        .some(({ data }) => JSON.stringify(data).includes('storageSet')),
    ).toBe(false);
  });
});
