import { afterEach, describe, expect, it } from 'vitest';
import { createKeeper } from './keeper.ts';

/** A document whose cookies are dropped, as WebKit does in a cross-site frame. */
const droppingCookies = { cookie: '' } as Pick<Document, 'cookie'>;
Object.defineProperty(droppingCookies, 'cookie', { get: () => '', set: () => {} });

const blockedStorage = () => {
  throw new DOMException('blocked', 'SecurityError');
};

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  // biome-ignore lint/suspicious/noDocumentCookie: synchronous, and the Cookie Store API is missing in WebKit and Firefox
  document.cookie = 'parley_hint_blog=; Path=/; Max-Age=0';
});

describe('where the session is kept', () => {
  it('cookies stick: the HttpOnly cookie holds the token, the hint cookie says a session may exist', () => {
    const keeper = createKeeper('blog');
    expect(keeper.mode).toBe('cookie');
    expect(keeper.mayHaveSession()).toBe(false);
    // biome-ignore lint/suspicious/noDocumentCookie: synchronous, and the Cookie Store API is missing in WebKit and Firefox
    document.cookie = 'parley_hint_blog=1; Path=/';
    expect(keeper.mayHaveSession()).toBe(true);
    keeper.saveRefreshToken('secret');
    expect(keeper.refreshToken()).toBeUndefined();
    expect(JSON.stringify(localStorage)).not.toContain('secret');
    expect(document.cookie).not.toContain('parley_probe');
  });

  it('cookies dropped (WebKit): the token and a redirect’s verifier live in our localStorage', () => {
    const keeper = createKeeper('blog', droppingCookies);
    expect(keeper.mode).toBe('local');
    expect(keeper.mayHaveSession()).toBe(false);
    keeper.saveRefreshToken('rt-1');
    expect(keeper.mayHaveSession()).toBe(true);
    expect(keeper.refreshToken()).toBe('rt-1');
    keeper.clear();
    expect(keeper.refreshToken()).toBeUndefined();

    keeper.holdVerifier('tk', 'ver');
    expect(keeper.takeVerifier('other')).toBeUndefined();
    keeper.holdVerifier('tk', 'ver');
    expect(keeper.takeVerifier('tk')).toBe('ver');
    expect(keeper.takeVerifier('tk')).toBeUndefined();
  });

  it('only sessionStorage (Firefox, cookieBehavior 1): the token and a verifier live in the tab’s storage', () => {
    const keeper = createKeeper('blog', droppingCookies, blockedStorage);
    expect(keeper.mode).toBe('tab');
    expect(keeper.mayHaveSession()).toBe(false);
    keeper.saveRefreshToken('rt-tab');
    expect(sessionStorage.getItem('parley:session:blog')).toBe('rt-tab');
    expect(keeper.mayHaveSession()).toBe(true);
    expect(keeper.refreshToken()).toBe('rt-tab');
    keeper.holdVerifier('tk', 'ver');
    expect(keeper.takeVerifier('tk')).toBe('ver');
    keeper.clear();
    expect(keeper.mayHaveSession()).toBe(false);
    expect(JSON.stringify(localStorage)).not.toContain('rt-tab');
  });

  it('nothing sticks: the token lives in memory for this page, never claims a session on load', () => {
    const keeper = createKeeper('blog', droppingCookies, blockedStorage, blockedStorage);
    expect(keeper.mode).toBe('none');
    expect(keeper.mayHaveSession()).toBe(false);
    keeper.saveRefreshToken('rt');
    // Renewing within this page still works.
    expect(keeper.refreshToken()).toBe('rt');
    expect(
      createKeeper('blog', droppingCookies, blockedStorage, blockedStorage).mayHaveSession(),
    ).toBe(false);
  });
});
