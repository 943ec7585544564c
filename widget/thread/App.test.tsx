import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { envelope } from '../../contract/messages.ts';
import { App } from './App.tsx';
import { buildBootstrap, buildComment, HOST_ORIGIN } from './test-fixtures.ts';
import { replyForm, setupAppTests } from './test-host.ts';

const getHost = setupAppTests();

const alice = buildComment({
  id: 'alice1',
  html: '<p>First!</p>',
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  author: {
    name: 'Alice Liddell',
    url: 'https://alice.example',
    avatarUrl: 'https://c.example/a.png',
    provider: 'guest',
  },
});
const bob = buildComment({ id: 'bob1', parentId: 'alice1', html: '<p>Hi <b>Alice</b></p>' });
const carol = buildComment({ id: 'carol1' });

function renderThread(comments = [alice, bob, carol], overrides = {}) {
  const result = render(<App bootstrap={buildBootstrap(comments, overrides)} />);
  return { ...result, root: screen.getByTestId('parley') };
}

describe('thread', () => {
  it('renders the bootstrap thread on the first render', () => {
    renderThread();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('3 comments');
    const articles = screen.getAllByTestId('comment');
    expect(articles.map((a) => a.id)).toEqual(['comment-alice1', 'comment-bob1', 'comment-carol1']);
    // Bob's reply is nested in Alice's list item.
    const aliceItem = articles[0]?.closest('li') as HTMLElement;
    expect(within(aliceItem).getByText('Alice', { selector: 'b' })).toBeTruthy();
    expect(articles[1]?.dataset.depth).toBe('2');
    expect(within(articles[1] as HTMLElement).getByTestId('comment-body').innerHTML).toBe(
      '<p>Hi <b>Alice</b></p>',
    );
  });

  it.each([
    [[], 'No comments yet'],
    [[carol], '1 comment'],
  ])('counts %# as "%s"', (comments, text) => {
    renderThread(comments);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(text);
  });

  it('links the author safely, and the time to the comment on the host page', () => {
    renderThread();
    const link = screen.getByRole('link', { name: 'Alice Liddell' });
    expect(link.getAttribute('href')).toBe('https://alice.example');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('nofollow ugc noopener noreferrer');
    // Bob has no website: plain text.
    expect(screen.queryByRole('link', { name: bob.author.name })).toBeNull();

    const time = screen.getByText('5 minutes ago');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe(alice.createdAt);
    expect(time.getAttribute('title')).toBeTruthy();
    const permalink = time.closest('a') as HTMLAnchorElement;
    expect(permalink.getAttribute('href')).toBe(`${HOST_ORIGIN}/post#comment-alice1`);
    expect(permalink.getAttribute('target')).toBe('_top');
  });

  it('falls back to initials when the avatar fails to load', () => {
    renderThread([alice]);
    const avatar = screen.getByTestId('avatar');
    const img = avatar.querySelector('img') as HTMLImageElement;
    expect(img.getAttribute('alt')).toBe('');
    fireEvent.error(img);
    expect(avatar.querySelector('img')).toBeNull();
    expect(avatar.textContent).toBe('AL');
  });

  it('tells the loader it has no thread for an unknown site (the loader says why)', () => {
    const { root } = renderThread([], { thread: null });
    expect(root.textContent).toBe('Comments are unavailable.');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(root.dataset.loaded).toBe('true');
    expect(getHost().sent({ type: 'unavailable' })).toBe(true);
    expect(getHost().sent({ type: 'ready', height: 0 })).toBe(false);
  });

  it('has one form, which moves under the comment being answered and back on Cancel reply', () => {
    renderThread();
    fireEvent.click(screen.getByRole('button', { name: 'Reply to Alice Liddell' }));
    const form = replyForm();
    expect(within(form).getByRole('heading').textContent).toBe('Reply to Alice Liddell');
    expect(document.activeElement).toBe(within(form).getByLabelText('Comment'));
    // Right after Alice's comment, before Bob's reply; no second form below.
    expect(form.previousElementSibling?.id).toBe('comment-alice1');
    expect(screen.getAllByTestId('comment-form')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: `Reply to ${carol.author.name}` }));
    expect(screen.getAllByTestId('comment-form')).toHaveLength(1);
    expect(replyForm().previousElementSibling?.id).toBe('comment-carol1');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(screen.getAllByTestId('comment-form')).toHaveLength(1);
    expect(screen.getByRole('form', { name: 'Leave a comment' })).toBeTruthy();
    // Focus goes back to the Reply button the reader came from.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: `Reply to ${carol.author.name}` }),
    );
  });
});

describe('host messages', () => {
  it('says ready once after the first render and marks the root loaded', () => {
    const { root } = renderThread();
    expect(root.dataset.loaded).toBe('true');
    const ready = getHost()
      .posted()
      .filter((m) => JSON.stringify(m.data).includes('"ready"'));
    expect(ready).toEqual([
      { data: envelope({ type: 'ready', height: 0, title: 'Comments' }), origin: HOST_ORIGIN },
    ]);
  });

  it('reports height changes seen by the ResizeObserver', () => {
    let notify = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          notify = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    const { root } = renderThread();
    root.getBoundingClientRect = () => ({ height: 480.2 }) as DOMRect;
    notify();
    notify();
    expect(getHost().sent({ type: 'resize', height: 481 })).toBe(true);
    expect(
      getHost()
        .posted()
        .filter((m) => JSON.stringify(m.data).includes('resize')),
    ).toHaveLength(1);
  });

  it('highlights a comment on showComment and asks the host to scroll to it', async () => {
    renderThread();
    getHost().send(envelope({ type: 'showComment', commentId: 'bob1' }));
    await waitFor(() =>
      expect(document.getElementById('comment-bob1')?.dataset.highlighted).toBe('true'),
    );
    await waitFor(() => expect(getHost().sent({ type: 'scrollTo', top: 0 })).toBe(true));

    getHost().send(envelope({ type: 'showComment', commentId: 'carol1' }));
    await waitFor(() =>
      expect(document.getElementById('comment-carol1')?.dataset.highlighted).toBe('true'),
    );
    expect(document.getElementById('comment-bob1')?.dataset.highlighted).toBeUndefined();
  });

  it('restyles on a theme message from its host, and ignores one from anyone else', async () => {
    document.documentElement.dataset.theme = 'light';
    renderThread();
    await act(() => getHost().send(envelope({ type: 'theme', theme: 'dark' }), { source: window }));
    await act(() =>
      getHost().send(envelope({ type: 'theme', theme: 'dark' }), { origin: 'https://ads.example' }),
    );
    expect(document.documentElement.dataset.theme).toBe('light');
    await act(() => getHost().send(envelope({ type: 'theme', theme: 'dark' })));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it.each([
    ['from another origin', { origin: 'https://ads.example' }, 'bob1'],
    ['from another window', { source: window }, 'bob1'],
    ['without the parley envelope', {}, null],
    ['for a comment not in this thread', {}, 'nobody'],
  ])('ignores a showComment %s', async (_, from, commentId) => {
    renderThread();
    const message = { type: 'showComment', commentId: commentId ?? 'bob1' };
    await act(() => getHost().send(commentId ? envelope(message) : message, from));
    expect(document.querySelector('[data-highlighted]')).toBeNull();
    expect(
      getHost()
        .posted()
        .some((m) => JSON.stringify(m.data).includes('scrollTo')),
    ).toBe(false);
  });
});
