import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from './App.tsx';
import { createAdminApi } from './api.ts';
import {
  buildItem,
  call,
  jsonResponse,
  ME,
  noContent,
  respond,
  unauthorized,
} from './test-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const held = buildItem({
  id: 'held1',
  author: {
    name: 'Spammy Sam',
    email: 'sam@example.com',
    url: null,
    provider: 'guest',
    ip: '198.51.100.7',
  },
  html: '<p>Buy <a href="https://spam.example">pills</a></p>',
  parent: { id: 'p1', author: { name: 'Alice' }, excerpt: 'What do you all think?' },
  reasons: [
    { check: 'links', decision: 'hold', code: 'links.tooMany', params: { count: 3, limit: 2 } },
    {
      check: 'moderationMode',
      decision: 'hold',
      code: 'legacy',
      params: { text: 'first comment by this author' },
    },
    {
      check: 'formAge',
      decision: 'hold',
      code: 'formAge.tooFast',
      params: { seconds: 0.8, minimum: 3 },
    },
  ],
});
const second = buildItem({ id: 'second1' });
const third = buildItem({ id: 'third1' });

function renderDashboard() {
  render(<Dashboard api={createAdminApi('')} />);
}

/** Signed in, with these comments pending. */
async function renderQueue(items = [held, second, third], ...more: Response[]) {
  const counts = { pending: items.length, approved: 5, spam: 1, trash: 0 };
  const fetch = respond(
    jsonResponse(200, ME),
    jsonResponse(200, { comments: items, counts }),
    ...more,
  );
  renderDashboard();
  if (items.length > 0)
    await waitFor(() => expect(screen.getAllByTestId('queue-item')).toHaveLength(items.length));
  else await screen.findByText('Nothing waiting for moderation.');
  return fetch;
}

const currentIds = () =>
  screen
    .queryAllByTestId('queue-item')
    .filter((el) => el.dataset.current === 'true')
    .map((el) => el.id);

const key = (k: string, target: Document | Element = document) =>
  fireEvent.keyDown(target, { key: k });

describe('login', () => {
  it('says so when the email or password is wrong', async () => {
    const fetch = respond(unauthorized(), unauthorized());
    renderDashboard();
    fireEvent.input(await screen.findByLabelText('Email'), {
      target: { value: 'owner@blog.example' },
    });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(call(fetch, 1)).toEqual({
      url: '/admin/api/login',
      method: 'POST',
      body: { email: 'owner@blog.example', password: 'nope' },
    });
    expect(screen.getByTestId('admin').dataset.loaded).toBe('true');
  });

  it('opens the queue after signing in', async () => {
    const fetch = respond(
      unauthorized(),
      noContent(),
      jsonResponse(200, ME),
      jsonResponse(200, { comments: [] }),
    );
    renderDashboard();
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'o@b.example' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Nothing waiting for moderation.');
    expect(call(fetch, 3).url).toBe('/admin/api/sites/blog/comments?status=pending');
  });
});

describe('moderation queue', () => {
  it('shows each comment with its author, context and the reasons it was held', async () => {
    const fetch = await renderQueue();
    expect(call(fetch, 1).url).toBe('/admin/api/sites/blog/comments?status=pending');
    const item = screen.getByRole('article', { name: 'Comment by Spammy Sam' });
    const inItem = within(item);
    expect(inItem.getByText('sam@example.com')).toBeTruthy();
    expect(inItem.getByText('198.51.100.7')).toBeTruthy();
    expect(inItem.getByText('guest')).toBeTruthy();
    expect(inItem.getByText('10 minutes ago').tagName).toBe('TIME');
    expect(inItem.getByRole('link', { name: 'Hello world' }).getAttribute('href')).toBe(
      'https://blog.example/hello',
    );
    expect(inItem.getByText('In reply to Alice: What do you all think?')).toBeTruthy();
    expect(inItem.getByRole('link', { name: 'pills' }).closest('p')?.textContent).toBe('Buy pills');
    const reasons = inItem.getByRole('list', { name: 'Held because:' });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Many links: 3 links (this site holds comments with 2 or more)',
      'Site’s moderation setting: first comment by this author',
      'Posted very quickly: posted 0.8 s after the form opened (minimum 3 s)',
    ]);
    expect(inItem.getByRole('checkbox', { name: 'Select' })).toBeTruthy();
    for (const name of ['Approve', 'Spam', 'Trash']) expect(inItem.getByRole('button', { name }));
    expect(inItem.queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(screen.getByRole('tab', { name: /^Pending/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(screen.getByText('Keyboard shortcuts:')).toBeTruthy();
  });

  it('says when nothing is waiting', async () => {
    await renderQueue([]);
    expect(screen.queryAllByTestId('queue-item')).toHaveLength(0);
  });

  it('moves the current item with j and k', async () => {
    await renderQueue();
    expect(currentIds()).toEqual([]);
    key('j');
    expect(currentIds()).toEqual(['queue-item-held1']);
    key('j');
    key('j');
    key('j');
    expect(currentIds()).toEqual(['queue-item-third1']);
    expect(document.getElementById('queue-item-third1')?.getAttribute('aria-current')).toBe('true');
    key('k');
    expect(currentIds()).toEqual(['queue-item-second1']);
  });

  it('approves the current item with a, and the next one becomes current', async () => {
    const fetch = await renderQueue(undefined, jsonResponse(200, { updated: 1 }));
    key('j');
    key('a');
    expect(screen.getAllByTestId('queue-item').map((el) => el.id)).toEqual([
      'queue-item-second1',
      'queue-item-third1',
    ]);
    expect(currentIds()).toEqual(['queue-item-second1']);
    expect(call(fetch, 2)).toEqual({
      url: '/admin/api/sites/blog/comments/actions',
      method: 'POST',
      body: { ids: ['held1'], action: 'approve' },
    });
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
  });

  it('ignores shortcuts typed into the search box', async () => {
    const fetch = await renderQueue();
    key('j');
    key('a', screen.getByLabelText('Search comments'));
    expect(screen.getAllByTestId('queue-item')).toHaveLength(3);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('toggles selection with x, and approves the selection in bulk', async () => {
    const fetch = await renderQueue(undefined, jsonResponse(200, { updated: 2 }));
    key('j');
    key('x');
    fireEvent.click(
      within(screen.getByRole('article', { name: `Comment by ${third.author.name}` })).getByRole(
        'checkbox',
        { name: 'Select' },
      ),
    );
    expect(screen.getByText('2 selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Approve selected' }));
    expect(call(fetch, 2).body).toEqual({ ids: ['held1', 'third1'], action: 'approve' });
    expect(screen.getAllByTestId('queue-item').map((el) => el.id)).toEqual(['queue-item-second1']);
    expect(
      (screen.getByRole('button', { name: 'Approve selected' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('selects all for a bulk action', async () => {
    const fetch = await renderQueue(undefined, jsonResponse(200, { updated: 3 }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all' }));
    fireEvent.click(screen.getByRole('button', { name: 'Trash selected' }));
    expect(call(fetch, 2).body).toEqual({
      ids: ['held1', 'second1', 'third1'],
      action: 'trash',
    });
    await screen.findByText('Nothing waiting for moderation.');
  });

  it('searches by sending q', async () => {
    const fetch = await renderQueue(undefined, jsonResponse(200, { comments: [held] }));
    fireEvent.input(screen.getByLabelText('Search comments'), {
      target: { value: ' 198.51.100.7 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(screen.getAllByTestId('queue-item')).toHaveLength(1));
    expect(call(fetch, 2).url).toBe('/admin/api/sites/blog/comments?status=pending&q=198.51.100.7');
  });

  it('lists another status from its tab, offering Restore there', async () => {
    const spam = buildItem({ id: 'spam1', status: 'spam' });
    const fetch = await renderQueue(undefined, jsonResponse(200, { comments: [spam] }));
    fireEvent.click(screen.getByRole('tab', { name: /^Spam/ }));
    const item = await screen.findByRole('article', { name: `Comment by ${spam.author.name}` });
    expect(call(fetch, 2).url).toBe('/admin/api/sites/blog/comments?status=spam');
    expect(screen.getByRole('tab', { name: /^Spam/ }).getAttribute('aria-selected')).toBe('true');
    expect(within(item).getByRole('button', { name: 'Restore' })).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Spam' })).toBeNull();
  });

  it('says so and reads the list again when the server refuses an action', async () => {
    const fetch = await renderQueue(
      undefined,
      jsonResponse(500, { error: { code: 'internal_error', message: 'boom' } }),
      jsonResponse(200, { comments: [held, second, third] }),
    );
    fireEvent.click(
      within(screen.getByRole('article', { name: 'Comment by Spammy Sam' })).getByRole('button', {
        name: 'Spam',
      }),
    );
    expect(screen.getAllByTestId('queue-item')).toHaveLength(2);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Something went wrong. Please try again.',
    );
    await waitFor(() => expect(screen.getAllByTestId('queue-item')).toHaveLength(3));
    expect(call(fetch, 3).url).toBe('/admin/api/sites/blog/comments?status=pending');
  });

  it('counts each tab, and undoes an approval: the comment goes back where it was', async () => {
    const fetch = await renderQueue(
      undefined,
      jsonResponse(200, { updated: 1 }),
      jsonResponse(200, { updated: 1 }),
      jsonResponse(200, {
        comments: [held, second, third],
        counts: { pending: 3, approved: 5, spam: 1, trash: 0 },
      }),
    );
    expect(screen.getByRole('tab', { name: 'Pending 3' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Approved 5' })).toBeTruthy();
    const item = screen.getByRole('article', { name: 'Comment by Spammy Sam' });
    fireEvent.click(within(item).getByRole('button', { name: 'Approve' }));
    expect(screen.getAllByTestId('queue-item')).toHaveLength(2);
    expect(screen.getByRole('tab', { name: 'Pending 2' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Approved 6' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Approved: 1 comment.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getAllByTestId('queue-item')).toHaveLength(3));
    expect(call(fetch, 2)).toMatchObject({ body: { ids: ['held1'], action: 'approve' } });
    expect(call(fetch, 3)).toMatchObject({ body: { ids: ['held1'], action: 'hold' } });
    expect(screen.getByRole('status').textContent).toBe('Undone.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByRole('tab', { name: 'Pending 3' })).toBeTruthy();
  });

  it('signs out', async () => {
    const fetch = await renderQueue([], noContent());
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Email')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('You have signed out.');
    expect(call(fetch, 2)).toMatchObject({ url: '/admin/api/logout', method: 'POST' });
  });
});

describe('ban author', () => {
  it('asks inline, bans, says whom, and drops the comment from Pending', async () => {
    const fetch = await renderQueue(
      undefined,
      jsonResponse(200, { banned: { kind: 'email', label: 'sam@example.com' } }),
    );
    const item = screen.getByRole('article', { name: 'Comment by Spammy Sam' });
    fireEvent.click(within(item).getByRole('button', { name: 'Ban author' }));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(within(item).getByText(/Ban Spammy Sam\?/)).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Yes, ban' }));
    expect((await screen.findByText('Banned sam@example.com.')).getAttribute('role')).toBe(
      'status',
    );
    expect(call(fetch, 2)).toMatchObject({
      url: '/admin/api/sites/blog/comments/held1/ban',
      method: 'POST',
    });
    expect(screen.getAllByTestId('queue-item').map((el) => el.id)).toEqual([
      'queue-item-second1',
      'queue-item-third1',
    ]);
  });

  it('does nothing when cancelled', async () => {
    const fetch = await renderQueue();
    fireEvent.click(screen.getAllByRole('button', { name: 'Ban author' })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getAllByRole('button', { name: 'Ban author' })).toHaveLength(3);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('navigation', () => {
  it('offers owners Moderation, Settings and Moderators, and keeps the page in the URL', async () => {
    const fetch = await renderQueue(
      [],
      jsonResponse(200, [{ email: 'owner@blog.example', role: 'owner' }]),
    );
    expect(window.location.pathname + window.location.search).toBe('/admin?site=blog');
    const nav = screen.getByRole('navigation', { name: 'Dashboard' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Moderation', 'Settings', 'Moderators']);
    fireEvent.click(within(nav).getByRole('link', { name: 'Moderators' }));
    await screen.findByRole('button', { name: 'Remove owner@blog.example' });
    expect(window.location.pathname + window.location.search).toBe('/admin/moderators?site=blog');
    expect(within(nav).getByRole('link', { name: 'Moderators' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(call(fetch, 2).url).toBe('/admin/api/sites/blog/members');
  });

  it('opens the page the URL names on load', async () => {
    window.history.replaceState(null, '', '/admin/moderators?site=blog');
    const fetch = respond(
      jsonResponse(200, ME),
      jsonResponse(200, [{ email: 'owner@blog.example', role: 'owner' }]),
    );
    renderDashboard();
    await screen.findByRole('button', { name: 'Remove owner@blog.example' });
    expect(call(fetch, 1).url).toBe('/admin/api/sites/blog/members');
  });
});
