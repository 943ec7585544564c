/**
 * Stands in for the loader's window: jsdom's window is its own parent, so the
 * tests give it another one (a real Window, from an iframe) and record what
 * the app posts to it.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, type MockInstance, vi } from 'vitest';
import { envelope, type FrameToHost } from '../../contract/messages.ts';
import { HOST_ORIGIN, jsonResponse } from './test-fixtures.ts';

export function fakeHostWindow() {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const parent = frame.contentWindow as Window;
  // Typed as the (message, targetOrigin) overload the app uses.
  const postMessage = vi
    .spyOn(parent, 'postMessage')
    .mockImplementation(() => {}) as unknown as MockInstance<
    (message: unknown, targetOrigin: string) => void
  >;
  const original = Object.getOwnPropertyDescriptor(window, 'parent');
  Object.defineProperty(window, 'parent', { value: parent, configurable: true });
  return {
    parent,
    /** Messages the app posted, with the target origin each went to. */
    posted: () => postMessage.mock.calls.map(([data, origin]) => ({ data, origin })),
    /** Whether the app posted `message` to the host origin. */
    sent: (message: FrameToHost) =>
      postMessage.mock.calls.some(
        ([data, origin]) =>
          origin === HOST_ORIGIN && JSON.stringify(data) === JSON.stringify(envelope(message)),
      ),
    /** Delivers a message to the app as if posted by `source` from `origin`. */
    send: (data: unknown, { origin = HOST_ORIGIN, source = parent as MessageEventSource } = {}) => {
      window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
    },
    restore: () => {
      if (original) Object.defineProperty(window, 'parent', original);
      else Reflect.deleteProperty(window, 'parent');
      frame.remove();
    },
  };
}

export type FakeHost = ReturnType<typeof fakeHostWindow>;

/**
 * Per-test setup for tests that render the whole App: a fresh fake host
 * before each test; unmount, restore globals and clear storage after.
 * Returns a getter for the current test's host.
 */
export function setupAppTests(): () => FakeHost {
  let host: FakeHost | undefined;
  // What the app imports on first use (later.ts, problems.ts, live.ts) is a
  // chunk of its own in the build; here it is a module transform that, on a
  // loaded machine, can outlast a waitFor. Done once up front; the app's
  // code path (an awaited import) is the same.
  beforeAll(async () => {
    await Promise.all([
      import('./problems.ts'),
      import('./live.ts'),
      import('./components/OwnComment.tsx'),
      import('./components/YourData.tsx'),
      import('./components/GuestDataPanel.tsx'),
    ]);
  }, 60_000);
  beforeEach(() => {
    host = fakeHostWindow();
    // The app asks for a session on load; by default the reader has none.
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(notSignedIn()));
  });
  afterEach(() => {
    cleanup();
    host?.restore();
    vi.unstubAllGlobals();
    localStorage.clear();
  });
  return () => host as FakeHost;
}

/** The open reply form (there is at most one). */
export const replyForm = () => screen.getByRole('form', { name: /^Reply to / }) as HTMLFormElement;

/** What POST /api/v1/auth/refresh answers a reader without a session. */
export const notSignedIn = () =>
  jsonResponse(401, { error: { code: 'unauthorized', message: 'Not signed in' } });
