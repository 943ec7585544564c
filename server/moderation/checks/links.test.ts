import { describe, expect, it } from 'vitest';
import { ctx } from '../test/candidates.ts';
import { addedLinks, countLinks, linksCheck } from './links.ts';

describe('countLinks', () => {
  it.each([
    ['no links at all, just example.com mentioned', 0],
    ['see https://a.example/x?y=1', 1],
    ['http://a.example and https://b.example', 2],
    ['go to www.cheap.example now', 1],
    ['[my site](https://a.example)', 1],
    ['[a](https://a.example "title") and ![img](https://img.example/x.png)', 2],
    ['<https://a.example>', 1],
    ['[ref][1]\n\n[1]: https://a.example', 1],
    ['email me at me@www.example.com', 0],
    ['https://a.example/www.b.example', 1],
  ])('%j has %i', (body, expected) => {
    expect(countLinks(body)).toBe(expected);
  });
});

describe('links', () => {
  it('holds a comment at the link limit, saying how many links and the limit', () => {
    const body = 'Buy [here](https://a.example) or www.b.example';
    expect(linksCheck(ctx({ body }, { linkLimit: 2 }))).toMatchObject({
      decision: 'hold',
      check: 'links',
      reason: '2 links (this site holds comments with 2 or more)',
    });
  });

  it('lets a comment under the limit through', () => {
    expect(linksCheck(ctx({ body: 'Source: https://a.example' }))).toMatchObject({
      decision: 'approve',
      reason: '1 link',
    });
  });

  it('checks nothing when the limit is 0', () => {
    const body = 'https://a.example https://b.example https://c.example';
    expect(linksCheck(ctx({ body }, { linkLimit: 0 })).decision).toBe('approve');
  });
});

describe('links in an edit', () => {
  const edit = (previousBody: string, body: string, mode: 'none' | 'first-time' | 'all') =>
    linksCheck(ctx({ body, edit: { previousBody } }, { mode, linkLimit: 5 }));

  it('lists the links an edit adds, a changed target included', () => {
    expect(addedLinks('see https://a.example', 'see https://a.example and www.b.example')).toEqual([
      'www.b.example',
    ]);
    expect(addedLinks('[docs](https://a.example)', '[docs](https://spam.example)')).toEqual([
      'https://spam.example',
    ]);
    expect(addedLinks('https://a.example', 'Fixed a typo near https://a.example')).toEqual([]);
  });

  it('holds an edit that adds a link on a site that reviews comments, under any limit', () => {
    expect(edit('Nice post', 'BUY PILLS https://spam.example', 'first-time')).toMatchObject({
      decision: 'hold',
      check: 'links',
      reason: 'edit added a link; this site reviews comments before they appear',
    });
    expect(edit('Nice', 'https://a.example https://b.example', 'all').reason).toMatch(
      /edit added 2 links/,
    );
  });

  it('lets an edit keep its links, and a site that publishes at once take new ones', () => {
    expect(edit('https://a.example', 'Still https://a.example', 'first-time').decision).toBe(
      'approve',
    );
    expect(edit('Nice', 'Nice https://a.example', 'none').decision).toBe('approve');
  });
});
