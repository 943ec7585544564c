import { describe, expect, it } from 'vitest';
import { ctx } from '../test/candidates.ts';
import { countLinks, linksCheck } from './links.ts';

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
    expect(linksCheck(ctx({ body }, { linkLimit: 2 }))).toEqual({
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
