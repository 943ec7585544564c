import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReaderStorage, draftKey, loadAuthor, saveAuthor } from './storage.ts';

const DRAFT = draftKey('blog', '/post', null);
const REPLY = draftKey('blog', '/post', 'c1');

function blockLocalStorage() {
  // What Chromium does in a cross-site frame when third-party storage is blocked.
  vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('reader storage', () => {
  it("uses the frame's own localStorage when it works, and never the host", () => {
    localStorage.setItem(DRAFT, 'from before');
    const relay = vi.fn();
    const storage = createReaderStorage(relay);
    expect(storage.backend).toBe('iframe');
    expect(storage.get(DRAFT)).toBe('from before');
    storage.set(REPLY, 'a reply');
    expect(localStorage.getItem(REPLY)).toBe('a reply');
    storage.set(DRAFT, '');
    expect(localStorage.getItem(DRAFT)).toBeNull();
    const listener = vi.fn();
    storage.subscribe(listener);
    storage.fill({ [DRAFT]: 'the host copy' });
    expect(storage.get(DRAFT)).toBeNull();
    expect(listener).not.toHaveBeenCalled();
    expect(relay).not.toHaveBeenCalled();
    expect(localStorage.getItem('parley:probe')).toBeNull();
  });

  it('relays to the host page when localStorage throws', () => {
    blockLocalStorage();
    const relay = vi.fn();
    const storage = createReaderStorage(relay);
    expect(storage.backend).toBe('host');
    expect(storage.get(DRAFT)).toBeNull();
    storage.set(DRAFT, 'typed');
    expect(storage.get(DRAFT)).toBe('typed');
    storage.set(REPLY, '');
    expect(relay.mock.calls).toEqual([
      [DRAFT, 'typed'],
      [REPLY, null],
    ]);
  });

  it('also relays when localStorage can be read but not written', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(createReaderStorage(vi.fn()).backend).toBe('host');
  });

  it("fills from the host's data and tells subscribers; this session's writes stay newer", () => {
    blockLocalStorage();
    const storage = createReaderStorage(vi.fn());
    const listener = vi.fn();
    const unsubscribe = storage.subscribe(listener);
    storage.set(REPLY, null);
    storage.fill({ [DRAFT]: 'kept by the host', [REPLY]: 'older' });
    expect(listener).toHaveBeenCalledOnce();
    expect(storage.get(DRAFT)).toBe('kept by the host');
    expect(storage.get(REPLY)).toBeNull();
    unsubscribe();
    storage.fill({});
    expect(listener).toHaveBeenCalledOnce();
  });

  it('saves, loads and forgets author details, ignoring unusable ones', () => {
    const storage = createReaderStorage(vi.fn());
    const ann = { name: 'Ann', email: 'ann@example.com', website: '' };
    saveAuthor(storage, 'blog', ann);
    expect(loadAuthor(storage, 'blog')).toEqual(ann);
    expect(loadAuthor(storage, 'docs')).toBeNull();
    saveAuthor(storage, 'blog', null);
    expect(loadAuthor(storage, 'blog')).toBeNull();
    for (const junk of ['{oops', '42', '{"name":"Ann"}']) {
      localStorage.setItem('parley:author:blog', junk);
      expect(loadAuthor(storage, 'blog')).toBeNull();
    }
  });
});
