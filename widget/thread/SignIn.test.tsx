import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthSession } from '../../contract/api.ts';
import { envelope } from '../../contract/messages.ts';
import type { ProviderId } from '../../contract/providers.ts';
import { App } from './App.tsx';
import { challengeFor } from './auth/flow.ts';
import { POLL_MS } from './auth/machine.ts';
import { draftKey } from './storage.ts';
import { buildBootstrap, buildComment, jsonResponse } from './test-fixtures.ts';
import { setupAppTests } from './test-host.ts';

const getHost = setupAppTests();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  // biome-ignore lint/suspicious/noDocumentCookie: synchronous, and the Cookie Store API is missing in WebKit and Firefox
  document.cookie = 'parley_hint_blog=; Path=/; Max-Age=0';
});

/** As the server leaves it next to the refresh cookie: "this browser has a session here". */
const setSessionHint = () => {
  // biome-ignore lint/suspicious/noDocumentCookie: synchronous, and the Cookie Store API is missing in WebKit and Firefox
  document.cookie = 'parley_hint_blog=1; Path=/';
};

const MAIN_DRAFT = draftKey('blog', '/post', null);
const START = `${location.origin}/auth/twitter/start?ticket=tk1`;
const CODE = 'c'.repeat(43);
const tess: AuthSession = {
  accessToken: 'token-1',
  expiresIn: 900,
  identity: {
    name: 'Tess Tweeter',
    url: 'https://twitter.com/tess',
    avatarUrl: 'https://pbs.example/tess.png',
    provider: 'twitter',
  },
};

function renderApp(providers: ProviderId[] = ['wordpress', 'twitter', 'facebook']) {
  render(<App bootstrap={buildBootstrap([], { providers })} />);
  return screen.getByRole('form', { name: 'Leave a comment' });
}

/** Renders the app for a reader whose refresh cookie restores `session`. */
async function renderSignedIn(session: AuthSession = tess) {
  setSessionHint();
  vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(jsonResponse(200, session)));
  const form = renderApp();
  await within(form).findByText(/You are commenting using your/);
  return form;
}

/** Stubs fetch with these responses, one per call, in order. */
function respond(...responses: Response[]) {
  const fetch = vi.fn();
  for (const response of responses) fetch.mockResolvedValueOnce(response);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const call = (fetch: ReturnType<typeof vi.fn>, i: number) => {
  const [url, init] = fetch.mock.calls[i] as [string, RequestInit];
  return { url, init, body: init.body ? JSON.parse(String(init.body)) : undefined };
};

const ticketCreated = () =>
  jsonResponse(201, {
    ticket: 'tk1',
    startUrl: START,
    expiresAt: new Date(Date.now() + 600_000).toISOString(),
  });
const pending = () => jsonResponse(202, { status: 'pending' });
const noContent = () => new Response(null, { status: 204 });

/** Stands in for the popup window: the app sets its location and closes it. */
function stubPopup(blocked = false) {
  const popup = {
    closed: false,
    location: { href: 'about:blank' },
    postMessage: vi.fn(),
    close: vi.fn(() => {
      popup.closed = true;
    }),
  };
  const open = vi.spyOn(window, 'open').mockReturnValue(blocked ? null : (popup as never));
  return { popup, open };
}

/** Delivers a message to the app's window as if posted by `source` from `origin`. */
function deliver(data: unknown, source: unknown, origin = location.origin) {
  const event = new MessageEvent('message', { data, origin });
  Object.defineProperty(event, 'source', { value: source });
  act(() => {
    window.dispatchEvent(event);
  });
}

const loginResult = (overrides: object = {}) =>
  envelope({ type: 'loginResult', ticket: 'tk1', code: CODE, error: null, ...overrides });

/** Moves the fake clock one poll on, letting the app's promises settle. */
const tick = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(POLL_MS);
  });

const typeComment = (form: HTMLElement, text: string) =>
  fireEvent.input(within(form).getByLabelText('Comment'), { target: { value: text } });

/**
 * Clicks "Log in with Twitter", waits until the popup is sent to the start
 * URL, and plays the bind page asking for proof (unless `bind` is false).
 */
async function startTwitter(
  form: HTMLElement,
  popup: ReturnType<typeof stubPopup>['popup'],
  { bind = true } = {},
) {
  fireEvent.click(within(form).getByRole('button', { name: 'Log in with Twitter' }));
  await vi.waitFor(() => expect(popup.location.href).toBe(START));
  if (bind) deliver(envelope({ type: 'bindRequest', ticket: 'tk1' }), popup);
}

describe('sign-in buttons', () => {
  it('shows only the providers the server has set up, after the invitation', () => {
    const form = renderApp(['twitter', 'facebook']);
    expect(
      within(form).getByRole('group', {
        name: 'Fill in your details below or click an icon to log in:',
      }),
    ).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Log in with Twitter' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Log in with Facebook' })).toBeTruthy();
    expect(within(form).queryByRole('button', { name: 'Log in with WordPress.com' })).toBeNull();
  });

  it('shows none, and the plain legend, when no provider is set up', () => {
    const form = renderApp([]);
    expect(within(form).queryByRole('button', { name: /^Log in with/ })).toBeNull();
    expect(within(form).getByRole('group', { name: 'Fill in your details below' })).toBeTruthy();
  });
});

describe('popup sign-in', () => {
  it('opens a popup in the click, then redeems the code the popup posts back', async () => {
    const form = renderApp();
    typeComment(form, 'Typed before signing in');
    const textarea = within(form).getByLabelText('Comment');
    const { popup, open } = stubPopup();
    const fetch = respond(ticketCreated(), jsonResponse(200, tess));
    await startTwitter(form, popup);

    expect(open).toHaveBeenCalledWith('about:blank', 'parley-login', 'popup,width=600,height=700');
    expect(within(form).getByText('Connecting to Twitter…')).toBeTruthy();
    const ticket = call(fetch, 0);
    expect(ticket.url).toBe('/api/v1/auth/tickets');
    expect(ticket.init.credentials).toBe('include');
    expect(ticket.body).toEqual({
      site: 'blog',
      provider: 'twitter',
      challenge: expect.any(String),
      // The sign-in pages speak the widget's language.
      locale: 'en',
    });

    deliver(loginResult(), popup);
    const note = await within(form).findByText(/You are commenting using your Twitter account/);
    expect(note.textContent).toBe(
      'You are commenting using your Twitter account. (Log Out / Change)',
    );
    const redeem = call(fetch, 1);
    expect(redeem.url).toBe('/api/v1/auth/redeem');
    expect(redeem.init.credentials).toBe('include');
    expect(redeem.body).toEqual({
      ticket: 'tk1',
      verifier: expect.any(String),
      code: CODE,
      keep: 'cookie',
    });
    // The bind page got its proof: the verifier, to our own origin, from us only.
    expect(popup.postMessage).toHaveBeenCalledWith(
      envelope({ type: 'bindProof', ticket: 'tk1', verifier: redeem.body.verifier }),
      location.origin,
    );
    // PKCE: the ticket was bound to SHA-256 of the verifier redeemed with.
    expect(await challengeFor(redeem.body.verifier)).toBe(ticket.body.challenge);
    expect(redeem.body.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(popup.close).toHaveBeenCalled();
    expect(within(form).getByText('Tess Tweeter')).toBeTruthy();
    expect(within(form).queryByLabelText('Email')).toBeNull();
    expect(within(form).queryByLabelText('Name')).toBeNull();
    expect(within(form).getByRole('button', { name: 'Log Out' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Change' })).toBeTruthy();
    // The very same textarea, text intact.
    expect(within(form).getByLabelText('Comment')).toBe(textarea);
    expect((textarea as HTMLTextAreaElement).value).toBe('Typed before signing in');
  });

  it('answers a bindRequest only from its own popup, for its own ticket', async () => {
    const form = renderApp();
    const { popup } = stubPopup();
    respond(ticketCreated());
    await startTwitter(form, popup, { bind: false });
    deliver(envelope({ type: 'bindRequest', ticket: 'tk1' }), getHost().parent);
    deliver(envelope({ type: 'bindRequest', ticket: 'tk1' }), popup, 'https://evil.example');
    deliver(envelope({ type: 'bindRequest', ticket: 'other' }), popup);
    expect(popup.postMessage).not.toHaveBeenCalled();
    // Before binding, a loginResult is not taken either: no browser can have finished it.
    deliver(loginResult(), popup);
    expect(within(form).getByText('Connecting to Twitter…')).toBeTruthy();
    deliver(envelope({ type: 'bindRequest', ticket: 'tk1' }), popup);
    expect(popup.postMessage).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['from another origin', { origin: 'https://ads.example' }],
    ['from another window', { source: 'host' }],
    ['for another ticket', { ticket: 'tk2' }],
    ['without the envelope', { bare: true }],
  ])('ignores a loginResult %s', async (_, how: Record<string, unknown>) => {
    const form = renderApp();
    const { popup } = stubPopup();
    const fetch = respond(ticketCreated(), jsonResponse(200, tess));
    await startTwitter(form, popup);
    const message = loginResult(how.ticket ? { ticket: how.ticket } : {});
    deliver(
      how.bare ? message.parley : message,
      how.source ? getHost().parent : popup,
      (how.origin as string) ?? location.origin,
    );
    await act(() => Promise.resolve());
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(within(form).getByText('Connecting to Twitter…')).toBeTruthy();
    // The genuine message still works afterwards.
    deliver(loginResult(), popup);
    await within(form).findByText(/You are commenting using your Twitter account/);
  });

  it('asks the server nothing while the popup can still post its message', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const form = renderApp();
    const { popup } = stubPopup();
    const fetch = respond(ticketCreated(), jsonResponse(200, tess));
    await startTwitter(form, popup);
    for (let i = 0; i < 10; i += 1) await tick();
    expect(fetch).toHaveBeenCalledTimes(1);
    deliver(loginResult(), popup);
    // vi.waitFor, not findByText: React Testing Library's findBy ends on a
    // setTimeout(0), which the fake timers here would hold forever.
    await vi.waitFor(() =>
      expect(within(form).getByText(/You are commenting using your Twitter account/)).toBeTruthy(),
    );
    expect(call(fetch, 1).body).toMatchObject({ code: CODE });
  });

  it('completes by polling when no message comes (opener severed)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const form = renderApp();
    const { popup } = stubPopup();
    const fetch = respond(ticketCreated(), pending(), jsonResponse(200, tess));
    await startTwitter(form, popup);
    // A provider's COOP puts the popup out of reach: to the opener it looks closed.
    popup.closed = true;
    await tick();
    await tick();
    await vi.waitFor(() =>
      expect(within(form).getByText(/You are commenting using your Twitter account/)).toBeTruthy(),
    );
    expect(call(fetch, 1).body).toEqual({
      ticket: 'tk1',
      verifier: expect.any(String),
      keep: 'cookie',
    });
    expect(call(fetch, 2).body).toEqual(call(fetch, 1).body);
  });

  it('says the sign-in was cancelled when the reader closes the popup', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const form = renderApp();
    const { popup } = stubPopup();
    const fetch = respond(ticketCreated());
    fetch.mockImplementation(async () => pending());
    await startTwitter(form, popup);
    popup.closed = true;
    for (let i = 0; i < 4; i += 1) await tick();
    expect(within(form).getByText('Sign-in was cancelled.')).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Log in with Twitter' })).toBeTruthy();
    expect(within(form).getByLabelText('Email')).toBeTruthy();
  });

  it('tells the reader they denied consent, and the guest form still posts', async () => {
    const form = renderApp();
    typeComment(form, 'Guest after all');
    const { popup } = stubPopup();
    const fetch = respond(ticketCreated());
    await startTwitter(form, popup);
    deliver(loginResult({ code: null, error: 'denied' }), popup);

    expect(within(form).getByText('You cancelled signing in with Twitter.')).toBeTruthy();
    expect(popup.close).toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe(
      'Guest after all',
    );

    for (const [label, value] of [
      ['Email', 'ann@example.com'],
      ['Name', 'Ann'],
    ] as const) {
      fireEvent.input(within(form).getByLabelText(label), { target: { value } });
    }
    const post = respond(jsonResponse(201, { comment: buildComment({ id: 'g1' }) }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('comment-g1')).toBeTruthy());
    expect(call(post, 0).body.author).toEqual({ name: 'Ann', email: 'ann@example.com' });
  });

  it('shows a short message when the provider fails', async () => {
    const form = renderApp();
    const { popup } = stubPopup();
    respond(ticketCreated());
    await startTwitter(form, popup);
    deliver(loginResult({ code: null, error: 'failed' }), popup);
    expect(within(form).getByRole('status').textContent).toMatch(/Signing in with Twitter didn’t/);
  });

  it('Cancel closes the popup and brings the buttons back', async () => {
    const form = renderApp();
    const { popup } = stubPopup();
    respond(ticketCreated());
    await startTwitter(form, popup);
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(popup.close).toHaveBeenCalled();
    expect(within(form).getByRole('button', { name: 'Log in with Twitter' })).toBeTruthy();
  });
});

describe('redirect fallback', () => {
  it('holds the verifier, then asks the loader to navigate to the start URL', async () => {
    const form = renderApp();
    typeComment(form, 'Keep me');
    stubPopup(true);
    const fetch = respond(ticketCreated(), noContent());
    fireEvent.click(within(form).getByRole('button', { name: 'Log in with Twitter' }));
    // Saved at the click, not 300 ms later: the page is about to go.
    expect(localStorage.getItem(MAIN_DRAFT)).toBe('Keep me');
    await waitFor(() => expect(getHost().sent({ type: 'navigate', url: START })).toBe(true));

    const ticket = call(fetch, 0);
    expect(ticket.body.returnUrl).toBe('https://blog.example/post');
    const hold = call(fetch, 1);
    expect(hold.url).toBe('/api/v1/auth/tickets/tk1/hold');
    expect(hold.init.credentials).toBe('include');
    expect(await challengeFor(hold.body.verifier)).toBe(ticket.body.challenge);
    // The verifier never goes to the host page.
    expect(JSON.stringify(getHost().posted())).not.toContain(hold.body.verifier);
  });

  it('finishes when the loader hands over the code from the fragment, draft back in the box', async () => {
    localStorage.setItem(MAIN_DRAFT, 'Keep me');
    const fetch = respond(jsonResponse(200, tess));
    const form = renderApp();
    getHost().send(envelope({ type: 'loginReturn', ticket: 'tk1', result: CODE }));
    await within(form).findByText(/You are commenting using your Twitter account/);
    // The verifier waits in the hold cookie, which the server reads.
    expect(call(fetch, 0).body).toEqual({ ticket: 'tk1', code: CODE, keep: 'cookie' });
    expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe('Keep me');
  });

  it('ignores a loginReturn from anyone but the host page, and says when it was denied', async () => {
    const fetch = respond();
    const form = renderApp();
    getHost().send(envelope({ type: 'loginReturn', ticket: 'tk1', result: CODE }), {
      origin: 'https://ads.example',
    });
    await act(() => Promise.resolve());
    expect(fetch).not.toHaveBeenCalled();
    getHost().send(envelope({ type: 'loginReturn', ticket: 'tk1', result: 'denied' }));
    expect(await within(form).findByText('You cancelled signing in.')).toBeTruthy();
  });
});

describe('signed in', () => {
  it('restores the session on load with the refresh cookie', async () => {
    const form = await renderSignedIn();
    const refresh = vi.mocked(fetch).mock.calls[0] as [string, RequestInit];
    expect(refresh[0]).toBe('/api/v1/auth/refresh');
    expect(refresh[1].credentials).toBe('include');
    expect(JSON.parse(String(refresh[1].body))).toEqual({ site: 'blog' });
    expect(within(form).getByText('Tess Tweeter')).toBeTruthy();
  });

  it('posts with the Bearer token and no guest details; the comment shows its provider', async () => {
    const form = await renderSignedIn();
    typeComment(form, 'Signed-in words');
    const created = buildComment({ id: 's1', author: { ...tess.identity } });
    const fetch = respond(jsonResponse(201, { comment: created }));
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('comment-s1')).toBeTruthy());

    const post = call(fetch, 0);
    expect((post.init.headers as Record<string, string>).authorization).toBe('Bearer token-1');
    expect(post.body).not.toHaveProperty('author');
    expect(post.body.body).toBe('Signed-in words');
    const comment = document.getElementById('comment-s1') as HTMLElement;
    expect(within(comment).getByRole('link', { name: 'Tess Tweeter' }).getAttribute('href')).toBe(
      'https://twitter.com/tess',
    );
    expect(within(comment).getByRole('img', { name: 'via Twitter' })).toBeTruthy();
  });

  it('renews the token once on 401 and retries the post', async () => {
    const form = await renderSignedIn();
    typeComment(form, 'Retry me');
    const fetch = respond(
      jsonResponse(401, { error: { code: 'invalid_token', message: 'Expired' } }),
      jsonResponse(200, { ...tess, accessToken: 'token-2' }),
      jsonResponse(201, { comment: buildComment({ id: 'r1' }) }),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(document.getElementById('comment-r1')).toBeTruthy());
    expect(call(fetch, 1).url).toBe('/api/v1/auth/refresh');
    expect((call(fetch, 2).init.headers as Record<string, string>).authorization).toBe(
      'Bearer token-2',
    );
  });

  it('falls back to the guest form, text kept, when the token cannot be renewed', async () => {
    const form = await renderSignedIn();
    typeComment(form, 'Do not lose me');
    respond(
      jsonResponse(401, { error: { code: 'invalid_token', message: 'Expired' } }),
      jsonResponse(401, { error: { code: 'unauthorized', message: 'Not signed in' } }),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Post Comment' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/sign-in has expired/);
    expect(within(form).getByLabelText('Email')).toBeTruthy();
    expect((within(form).getByLabelText('Comment') as HTMLTextAreaElement).value).toBe(
      'Do not lose me',
    );
  });

  it('Log Out ends the session on the server and shows the guest form', async () => {
    const form = await renderSignedIn();
    const fetch = respond(noContent());
    fireEvent.click(within(form).getByRole('button', { name: 'Log Out' }));
    await waitFor(() => expect(within(form).getByLabelText('Email')).toBeTruthy());
    const logout = call(fetch, 0);
    expect(logout.url).toBe('/api/v1/auth/logout');
    expect(logout.init.method).toBe('POST');
    expect((logout.init.headers as Record<string, string>).authorization).toBe('Bearer token-1');
    expect(within(form).getByRole('button', { name: 'Log in with Twitter' })).toBeTruthy();
  });

  it('Change signs out and, in the same click, opens the provider’s account chooser', async () => {
    const form = await renderSignedIn();
    const { popup, open } = stubPopup();
    const fetch = respond(noContent(), ticketCreated());
    fireEvent.click(within(form).getByRole('button', { name: 'Change' }));
    expect(open).toHaveBeenCalledTimes(1);
    expect(within(form).getByText('Connecting to Twitter…')).toBeTruthy();
    await vi.waitFor(() => expect(popup.location.href).toBe(START));
    expect(call(fetch, 0).url).toBe('/api/v1/auth/logout');
    expect(call(fetch, 1).body).toMatchObject({ provider: 'twitter', change: true });
  });

  it('a guest with no session sends no request on load', async () => {
    const fetch = respond();
    const form = renderApp();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(fetch).not.toHaveBeenCalled();
    expect(within(form).getByLabelText('Email')).toBeTruthy();
  });
});
