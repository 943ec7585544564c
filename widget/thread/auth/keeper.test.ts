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

  it('neither (Firefox blocking all third-party storage): memory only, never claims a session', () => {
    const keeper = createKeeper('blog', droppingCookies, blockedStorage);
    expect(keeper.mode).toBe('none');
    keeper.saveRefreshToken('rt');
    expect(keeper.mayHaveSession()).toBe(false);
    expect(keeper.refreshToken()).toBeUndefined();
  });
});
