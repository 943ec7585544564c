/** Small builders for the dashboard's tests (a stubbed fetch answers each call; no fake backend). */
import { vi } from 'vitest';
import type { Me, QueueItem, SettingsResponse } from '../../contract/dashboard.ts';

let serial = 0;

export function buildItem(overrides: Partial<QueueItem> = {}): QueueItem {
  serial += 1;
  return {
    id: `c${serial}`,
    status: 'pending',
    html: `<p>Comment number ${serial}</p>`,
    source: `Comment number ${serial}`,
    createdAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    author: {
      name: `Author ${serial}`,
      email: `author${serial}@example.com`,
      url: null,
      provider: 'guest',
      ip: '203.0.113.9',
    },
    page: { url: 'https://blog.example/hello', title: 'Hello world' },
    parent: null,
    reasons: [],
    ...overrides,
  };
}

export const ME: Me = {
  email: 'owner@blog.example',
  sites: [{ id: 'blog', name: 'My blog', role: 'owner' }],
};

/** A moderator (not an owner) of the same site. */
export const MODERATOR: Me = {
  email: 'mod@blog.example',
  sites: [{ id: 'blog', name: 'My blog', role: 'moderator' }],
};

export function buildSettings(): SettingsResponse {
  return {
    site: { id: 'blog', name: 'My blog', origins: ['https://blog.example'] },
    settings: {
      maxDepth: 3,
      privacyUrl: null,
      pageSize: 50,
      countWording: { zero: 'No Comments', one: '1 Comment', many: '{n} Comments' },
      editWindowMinutes: 15,
      signInProviders: null,
      language: null,
      gravatar: false,
      requestDataRetentionDays: 60,
      readerDeletion: 'choice',
      moderation: {
        mode: 'first-time',
        linkLimit: 2,
        minFormSeconds: 3,
        akismetKey: null,
        blocklist: { words: ['viagra'], emails: [], ips: [], identities: [], action: 'hold' },
      },
    },
    embedSnippet: '<script src="https://parley.example/embed.js" data-site="blog" async></script>',
    version: 3,
  };
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export const noContent = () => new Response(null, { status: 204 });

export const unauthorized = () =>
  jsonResponse(401, { error: { code: 'unauthorized', message: 'Please sign in' } });

/** Stubs fetch with these responses, one per call, in order. */
export function respond(...responses: Response[]) {
  const fetch = vi.fn();
  for (const response of responses) fetch.mockResolvedValueOnce(response);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The URL, method and JSON body of the i-th fetch call. */
export function call(fetch: ReturnType<typeof vi.fn>, i: number) {
  const [url, init] = fetch.mock.calls[i] as [string, RequestInit | undefined];
  return {
    url,
    method: init?.method ?? 'GET',
    body: init?.body ? JSON.parse(String(init.body)) : undefined,
  };
}
