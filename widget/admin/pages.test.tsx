/** The Settings, Moderators and one-comment pages, each opened by its URL. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from './App.tsx';
import { createAdminApi } from './api.ts';
import {
  buildItem,
  buildSettings,
  call,
  jsonResponse,
  ME,
  MODERATOR,
  respond,
  unauthorized,
} from './test-fixtures.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

/** Opens the dashboard at `url` with these responses to its calls. */
function open(url: string, ...responses: Response[]) {
  window.history.replaceState(null, '', url);
  const fetch = respond(...responses);
  render(<Dashboard api={createAdminApi('')} />);
  return fetch;
}

const input = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

/** Picks an option with a plain `change` event (Preact's testing library turns fireEvent.change into `input`, which a select doesn't fire). */
function choose(label: string, value: string) {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  select.value = value;
  fireEvent(select, new Event('change', { bubbles: true }));
}

describe('settings', () => {
  it('loads the settings into a labelled form', async () => {
    const fetch = open(
      '/admin/settings',
      jsonResponse(200, ME),
      jsonResponse(200, buildSettings()),
    );
    expect(((await screen.findByLabelText('Site name')) as HTMLInputElement).value).toBe('My blog');
    expect(call(fetch, 1).url).toBe('/admin/api/sites/blog/settings');
    expect((screen.getByLabelText('Allowed origins') as HTMLTextAreaElement).value).toBe(
      'https://blog.example',
    );
    expect((screen.getByLabelText('Hold comments for moderation') as HTMLSelectElement).value).toBe(
      'first-time',
    );
    expect((screen.getByLabelText('Link limit') as HTMLInputElement).value).toBe('2');
    expect((screen.getByLabelText('Blocked words') as HTMLTextAreaElement).value).toBe('viagra');
    expect((screen.getByLabelText('Blocklist matches go to') as HTMLSelectElement).value).toBe(
      'hold',
    );
    for (const label of [
      'Minimum seconds before posting',
      'Akismet API key',
      'Blocked emails',
      'Blocked IPs',
      'Edit window (minutes)',
      'Reply depth',
      'Privacy policy URL',
    ])
      expect(screen.getByLabelText(label)).toBeTruthy();
    expect(
      (screen.getByRole('checkbox', { name: 'Offer WordPress.com sign-in' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Embed code' }) as HTMLTextAreaElement).value).toBe(
      buildSettings().embedSnippet,
    );
    expect(window.location.pathname + window.location.search).toBe('/admin/settings?site=blog');
  });

  it('saves only what changed and says "Settings saved."', async () => {
    const saved = buildSettings();
    saved.settings.moderation.linkLimit = 5;
    saved.settings.signInProviders = ['wordpress', 'facebook'];
    const fetch = open(
      '/admin/settings',
      jsonResponse(200, ME),
      jsonResponse(200, buildSettings()),
      jsonResponse(200, saved),
    );
    await screen.findByLabelText('Link limit');
    input('Link limit', '5');
    input('Allowed origins', 'https://blog.example\n\n  https://www.blog.example  \n');
    choose('Blocklist matches go to', 'spam');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Offer Twitter sign-in' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByText('Settings saved.')).getAttribute('role')).toBe('status');
    expect(call(fetch, 2)).toEqual({
      url: '/admin/api/sites/blog/settings',
      method: 'PUT',
      body: {
        origins: ['https://blog.example', 'https://www.blog.example'],
        settings: {
          signInProviders: ['wordpress', 'facebook'],
          moderation: {
            linkLimit: 5,
            blocklist: { words: ['viagra'], emails: [], ips: [], identities: [], action: 'spam' },
          },
        },
        // The version the form was loaded from: a save after someone else's gets a 409.
        version: 3,
      },
    });
    // The form now shows what the server saved.
    expect((screen.getByLabelText('Allowed origins') as HTMLTextAreaElement).value).toBe(
      'https://blog.example',
    );
  });

  it('shows a 400 beside the field it names', async () => {
    open(
      '/admin/settings',
      jsonResponse(200, ME),
      jsonResponse(200, buildSettings()),
      jsonResponse(400, {
        error: {
          code: 'invalid_body',
          message: 'settings.moderation.linkLimit: Too small: expected number to be >=0',
          field: 'settings.moderation.linkLimit',
        },
      }),
    );
    await screen.findByLabelText('Link limit');
    input('Link limit', '-1');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Please correct the marked field.');
    const linkLimit = screen.getByLabelText('Link limit');
    expect(linkLimit.getAttribute('aria-invalid')).toBe('true');
    const described = (linkLimit.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    // In the owner's words, by field: never zod's English.
    expect(described).toContain('Please enter a whole number from 0 to 100.');
    expect(document.activeElement).toBe(linkLimit);
    expect(screen.queryByText('Settings saved.')).toBeNull();
  });

  it('is read-only for moderators, with a note, and no Moderators in the nav', async () => {
    const fetch = open(
      '/admin/settings',
      jsonResponse(200, MODERATOR),
      jsonResponse(200, buildSettings()),
    );
    const name = (await screen.findByLabelText('Site name')) as HTMLInputElement;
    expect(name.matches(':disabled')).toBe(true);
    expect(
      (screen.getByLabelText('Allowed origins') as HTMLTextAreaElement).matches(':disabled'),
    ).toBe(true);
    expect(screen.getByText(/Only the site’s owners can change these settings/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Dashboard' });
    expect(within(nav).queryByRole('link', { name: 'Moderators' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Settings' })).toBeTruthy();
    // Copying the embed code still works.
    expect(screen.getByRole('button', { name: 'Copy embed code' })).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('copies the embed code, or selects it when the clipboard is unavailable', async () => {
    open('/admin/settings', jsonResponse(200, ME), jsonResponse(200, buildSettings()));
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy embed code' }));
    await screen.findByText('Copied.');
    expect(writeText).toHaveBeenCalledWith(buildSettings().embedSnippet);

    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    fireEvent.click(screen.getByRole('button', { name: 'Copy embed code' }));
    await screen.findByText(/copy the selected code/);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Embed code' }));
  });
});

describe('moderators', () => {
  const members = [
    { email: 'owner@blog.example', role: 'owner' },
    { email: 'mod@blog.example', role: 'moderator' },
  ];

  it('adds a moderator and shows the new account’s password once', async () => {
    const fetch = open(
      '/admin/moderators',
      jsonResponse(200, ME),
      jsonResponse(200, members),
      jsonResponse(201, {
        email: 'new@blog.example',
        role: 'moderator',
        password: 'tulip-42-orbit',
      }),
    );
    const list = await screen.findByRole('list', { name: 'Owners and moderators' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.email')?.textContent),
    ).toEqual(['owner@blog.example', 'mod@blog.example']);
    input('Email', 'new@blog.example');
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('moderator');
    fireEvent.click(screen.getByRole('button', { name: 'Add moderator' }));
    expect((await screen.findByTestId('new-password')).textContent).toBe('tulip-42-orbit');
    expect(screen.getByText(/shown only this once/)).toBeTruthy();
    expect(call(fetch, 2)).toEqual({
      url: '/admin/api/sites/blog/members',
      method: 'POST',
      body: { email: 'new@blog.example', role: 'moderator' },
    });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
  });

  it('removes after an inline confirm, and explains a refusal to remove the last owner', async () => {
    const fetch = open(
      '/admin/moderators',
      jsonResponse(200, ME),
      jsonResponse(200, members),
      new Response(null, { status: 204 }),
      jsonResponse(409, { error: { code: 'last_owner', message: 'A site needs an owner' } }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Remove mod@blog.example' }));
    expect(fetch).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await screen.findByText('Removed mod@blog.example.');
    expect(call(fetch, 2)).toMatchObject({
      url: '/admin/api/sites/blog/members/mod%40blog.example',
      method: 'DELETE',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove owner@blog.example' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at least one owner/);
  });
});

describe('one-click link from an email', () => {
  const held = buildItem({ id: 'held9', author: { ...buildItem().author, name: 'Guest Gina' } });

  it('shows the comment with the action ready, and acts only when the button is pressed', async () => {
    const fetch = open(
      '/admin/comments/held9?action=approve',
      jsonResponse(200, ME),
      jsonResponse(200, held),
      jsonResponse(200, { updated: 1 }),
    );
    const button = await screen.findByRole('button', { name: 'Approve this comment' });
    expect(screen.getByRole('article', { name: 'Comment by Guest Gina' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Spam this comment' })).toBeNull();
    expect(call(fetch, 1)).toEqual({
      url: '/admin/api/sites/blog/comments/held9',
      method: 'GET',
      body: undefined,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(window.location.pathname + window.location.search).toBe(
      '/admin/comments/held9?action=approve&site=blog',
    );

    fireEvent.click(button);
    expect((await screen.findByText('Done.')).getAttribute('role')).toBe('status');
    expect(call(fetch, 2)).toEqual({
      url: '/admin/api/sites/blog/comments/actions',
      method: 'POST',
      body: { ids: ['held9'], action: 'approve' },
    });
    fireEvent.click(screen.getByRole('link', { name: 'Back to the moderation queue' }));
    await waitFor(() => expect(window.location.pathname).toBe('/admin'));
  });

  it('looks for the comment on each of the admin’s sites', async () => {
    const twoSites = {
      ...ME,
      sites: [...ME.sites, { id: 'shop', name: 'Shop', role: 'moderator' as const }],
    };
    const fetch = open(
      '/admin/comments/held9?action=spam',
      jsonResponse(200, twoSites),
      jsonResponse(404, { error: { code: 'not_found', message: 'No such comment' } }),
      jsonResponse(200, held),
    );
    await screen.findByRole('button', { name: 'Spam this comment' });
    expect(call(fetch, 2).url).toBe('/admin/api/sites/shop/comments/held9');
    await waitFor(() => expect(window.location.search).toBe('?action=spam&site=shop'));
  });

  it('asks a signed-out moderator to sign in, then comes back to the comment', async () => {
    const fetch = open(
      '/admin/comments/held9?action=trash&site=blog',
      unauthorized(),
      new Response(null, { status: 204 }),
      jsonResponse(200, ME),
      jsonResponse(200, held),
    );
    input('Email', (await screen.findByLabelText('Email')) && 'owner@blog.example');
    input('Password', 'right');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: 'Trash this comment' });
    expect(call(fetch, 3).url).toBe('/admin/api/sites/blog/comments/held9');
    expect(fetch).toHaveBeenCalledTimes(4);
  });
});
