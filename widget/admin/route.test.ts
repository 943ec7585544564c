import { describe, expect, it } from 'vitest';
import { parseRoute, routeUrl } from './route.ts';

describe('dashboard routes', () => {
  it.each([
    ['/admin', '', { view: { name: 'queue' }, site: null }],
    ['/admin/', '?site=blog', { view: { name: 'queue' }, site: 'blog' }],
    ['/admin/queue', '?site=blog', { view: { name: 'queue' }, site: 'blog' }],
    ['/admin/settings', '?site=shop', { view: { name: 'settings' }, site: 'shop' }],
    ['/admin/moderators', '', { view: { name: 'moderators' }, site: null }],
    [
      '/admin/comments/abc',
      '?action=spam',
      { view: { name: 'comment', id: 'abc', action: 'spam' }, site: null },
    ],
    [
      '/admin/comments/abc',
      '?action=delete&site=blog',
      { view: { name: 'comment', id: 'abc', action: null }, site: 'blog' },
    ],
    ['/admin/nonsense', '', { view: { name: 'queue' }, site: null }],
  ])('reads %s%s', (path, search, route) => {
    expect(parseRoute(path, search)).toEqual(route);
  });

  it('writes URLs that read back the same', () => {
    const view = { name: 'comment', id: 'a b', action: 'approve' } as const;
    const url = routeUrl(view, 'blog');
    expect(url).toBe('/admin/comments/a%20b?action=approve&site=blog');
    const [path = '', search = ''] = url.split('?');
    expect(parseRoute(path, `?${search}`)).toEqual({ view, site: 'blog' });
    expect(routeUrl({ name: 'queue' }, null)).toBe('/admin');
  });
});
