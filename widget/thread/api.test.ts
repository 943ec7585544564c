import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from './api.ts';
import { jsonResponse } from './test-fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

const request = {
  site: 'blog',
  page: '/post',
  pageUrl: 'https://blog.example/post',
  body: 'Hi',
  author: { name: 'Ann', email: 'ann@example.com' },
};

describe('api client', () => {
  it('builds URLs on apiBase and sends JSON', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(jsonResponse(200, { comments: [], total: 0 }));
    vi.stubGlobal('fetch', fetch);
    await createApi('https://c.example').listComments('blog', '/a b?');
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'https://c.example/api/v1/comments?site=blog&page=%2Fa%20b%3F',
    );
  });

  it('sends the author-key cookie with every comments call', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(200, { comments: [], total: 0 }))
      .mockResolvedValueOnce(jsonResponse(201, { comment: {} }));
    vi.stubGlobal('fetch', fetch);
    const api = createApi('https://c.example');
    await api.listComments('blog', '/');
    await api.createComment(request);
    const credentials = fetch.mock.calls.map((call) => (call[1] as RequestInit).credentials);
    expect(credentials).toEqual(['include', 'include']);
  });

  it('edits and deletes with PATCH and DELETE, the cookie and the token', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(200, { comment: {} }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const api = createApi('https://c.example', () => 'tok');
    await api.updateComment('a/b', 'New text');
    expect(await api.deleteComment('c1')).toBeUndefined();
    const [[editUrl, edit], [deleteUrl, del]] = fetch.mock.calls as [
      [string, RequestInit],
      [string, RequestInit],
    ];
    expect(editUrl).toBe('https://c.example/api/v1/comments/a%2Fb');
    expect(edit).toMatchObject({ method: 'PATCH', credentials: 'include' });
    expect(JSON.parse(String(edit.body))).toEqual({ body: 'New text' });
    expect(deleteUrl).toBe('https://c.example/api/v1/comments/c1');
    expect(del).toMatchObject({ method: 'DELETE', credentials: 'include', body: undefined });
    for (const init of [edit, del]) {
      expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    }
  });

  it('maps an error body to an ApiError with code and field', async () => {
    const body = { error: { code: 'invalid_body', message: 'Bad email', field: 'author.email' } };
    const fetch = vi.fn().mockResolvedValueOnce(jsonResponse(400, body));
    vi.stubGlobal('fetch', fetch);
    const error = await createApi('')
      .createComment(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_body', field: 'author.email' });
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual(request);
  });

  it('maps a failed fetch to network_error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')));
    await expect(createApi('').createComment(request)).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
  });

  it('maps a non-JSON error page to bad_response', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValueOnce(new Response('<h1>502</h1>', { status: 502 })),
    );
    await expect(createApi('').listComments('blog', '/')).rejects.toMatchObject({
      code: 'bad_response',
      status: 502,
    });
  });
});
