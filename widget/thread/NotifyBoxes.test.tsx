import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthSession, Comment } from '../../contract/api.ts';
import { App } from './App.tsx';
import { buildBootstrap, buildComment, jsonResponse } from './test-fixtures.ts';
import { setupAppTests } from './test-host.ts';

setupAppTests();

afterEach(() => {
  vi.restoreAllMocks();
  // biome-ignore lint/suspicious/noDocumentCookie: synchronous, and the Cookie Store API is missing in WebKit and Firefox
  document.cookie = 'parley_hint_blog=; Path=/; Max-Age=0';
});

const REPLIES = 'Notify me of new replies by email';
const PAGE = 'Notify me of new comments on this post';

function renderApp(comments: Comment[] = []) {
  render(<App bootstrap={buildBootstrap(comments)} />);
  return screen.getByRole('form', { name: 'Leave a comment' });
}

function fill(form: HTMLElement, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.input(within(form).getByLabelText(label), { target: { value } });
  }
}

const sentBody = (fetch: ReturnType<typeof vi.fn>, i = 0) =>
  JSON.parse(String((fetch.mock.calls[i] as [string, RequestInit])[1].body));

describe('the "Notify me" boxes', () => {
  it('are off by default, and a post without a tick sends no notify at all', async () => {
    const form = renderApp();
    const replies = within(form).getByRole('checkbox', { name: REPLIES }) as HTMLInputElement;
    const page = within(form).getByRole('checkbox', { name: PAGE }) as HTMLInputElement;
    expect([replies.checked, page.checked]).toEqual([false, false]);
    fill(form, { Comment: 'Quiet', Email: 'ann@example.com', Name: 'Ann' });
    const fetch = vi.fn().mockResolvedValueOnce(jsonResponse(201, { comment: buildComment() }));
    vi.stubGlobal('fetch', fetch);
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(sentBody(fetch)).not.toHaveProperty('notify');
  });

  it('send what was ticked with the widget’s language, then say to check the email', async () => {
    const form = renderApp();
    fill(form, { Comment: 'Tell me', Email: 'ann@example.com', Name: 'Ann' });
    fireEvent.click(within(form).getByRole('checkbox', { name: REPLIES }));
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(
        jsonResponse(201, { comment: buildComment({ id: 'mine' }), subscription: 'confirm_email' }),
      );
    vi.stubGlobal('fetch', fetch);
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    const status = await within(form).findByRole('status');
    expect(status.textContent).toMatch(/^Check your email to confirm/);
    expect(sentBody(fetch).notify).toEqual({ replies: true, page: false, lang: 'en' });
    // The next comment starts unticked: each subscription is asked for.
    expect(
      (within(form).getByRole('checkbox', { name: REPLIES }) as HTMLInputElement).checked,
    ).toBe(false);
  });

  it('are offered to a signed-in reader only when their provider gave an email', async () => {
    const session = (emailable: boolean): AuthSession => ({
      accessToken: 'token-1',
      expiresIn: 900,
      identity: {
        name: 'Tess',
        url: null,
        avatarUrl: '/avatars/x',
        provider: emailable ? 'wordpress' : 'twitter',
        ...(emailable ? { emailable: true as const } : {}),
      },
    });
    for (const emailable of [false, true]) {
      // biome-ignore lint/suspicious/noDocumentCookie: synchronous, and the Cookie Store API is missing in WebKit and Firefox
      document.cookie = 'parley_hint_blog=1; Path=/';
      vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(jsonResponse(200, session(emailable))));
      const { unmount } = render(<App bootstrap={buildBootstrap([])} />);
      const form = screen.getByRole('form', { name: 'Leave a comment' });
      await within(form).findByText(/You are commenting using your/);
      expect(within(form).queryByRole('checkbox', { name: PAGE }) !== null).toBe(emailable);
      unmount();
    }
  });
});
