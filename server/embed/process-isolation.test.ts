import { describe, expect, it } from 'vitest';
import { mayShareSiteProcess } from './process-isolation.ts';

const frame = { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site' };
const blog = ['https://blog.example', 'https://www.blog.example'];

describe('whether the iframe page may go without an origin-keyed process', () => {
  it('may when another site’s page frames it and no site origin shares Parley’s site', () => {
    expect(mayShareSiteProcess(frame, blog, ['comments.parley.example'])).toBe(true);
    expect(mayShareSiteProcess(frame, ['http://localhost:8080'], ['127.0.0.1:3000'])).toBe(true);
  });

  it('keeps it for anything but a frame navigation from another site', () => {
    for (const site of ['same-site', 'same-origin', 'none', undefined]) {
      const headers = { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': site };
      expect(mayShareSiteProcess(headers, blog, ['comments.parley.example'])).toBe(false);
    }
    // Opened as a page of its own (a link, window.open from anywhere).
    for (const dest of ['document', 'embed', 'empty', undefined]) {
      const headers = { 'sec-fetch-dest': dest, 'sec-fetch-site': 'cross-site' };
      expect(mayShareSiteProcess(headers, blog, ['comments.parley.example'])).toBe(false);
    }
    // Header names are lower-cased by node:http; a value is compared exactly.
    const shouted = { 'sec-fetch-dest': 'IFRAME', 'sec-fetch-site': 'cross-site' };
    expect(mayShareSiteProcess(shouted, blog, ['comments.parley.example'])).toBe(false);
  });

  it('keeps it when any of the site’s origins could be on Parley’s own site', () => {
    // www.example.com may frame comments.example.com: the host page's
    // scripts would otherwise share the frame's process.
    const own = ['comments.example.com'];
    expect(mayShareSiteProcess(frame, ['https://www.example.com'], own)).toBe(false);
    expect(mayShareSiteProcess(frame, ['https://blog.other', 'https://example.com'], own)).toBe(
      false,
    );
    expect(mayShareSiteProcess(frame, ['https://WWW.Example.COM.'], own)).toBe(false);
    // The same address on another port is the same site.
    expect(mayShareSiteProcess(frame, ['http://127.0.0.1:8080'], ['127.0.0.1:3000'])).toBe(false);
    expect(mayShareSiteProcess(frame, ['http://[::1]:8080'], ['[::1]:3000'])).toBe(false);
  });

  it('checks PUBLIC_URL’s host too (a proxy may pass another Host)', () => {
    expect(
      mayShareSiteProcess(
        frame,
        ['https://www.example.com'],
        ['parley:3000', 'comments.example.com'],
      ),
    ).toBe(false);
  });

  it('keeps it for an unknown site, no origins, or an address it cannot read', () => {
    expect(mayShareSiteProcess(frame, undefined, ['comments.parley.example'])).toBe(false);
    expect(mayShareSiteProcess(frame, [], ['comments.parley.example'])).toBe(false);
    expect(mayShareSiteProcess(frame, ['not a url'], ['comments.parley.example'])).toBe(false);
    expect(mayShareSiteProcess(frame, blog, [undefined])).toBe(false);
    expect(mayShareSiteProcess(frame, blog, [''])).toBe(false);
  });
});
