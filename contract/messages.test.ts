import { describe, expect, it } from 'vitest';
import {
  isCssColor,
  isFontList,
  isHexColor,
  readFrameToHost,
  readHostToFrame,
  readLoginResult,
} from './messages.ts';

const DRAFT = 'parley:draft:blog:/post';

describe('storage messages', () => {
  it('reads a storageSet only for draft and author keys within the limits', () => {
    const read = (key: unknown, value: unknown) =>
      readFrameToHost({ parley: { type: 'storageSet', key, value } });
    expect(read(DRAFT, 'text')).toEqual({ type: 'storageSet', key: DRAFT, value: 'text' });
    expect(read('parley:author:blog', null)).toMatchObject({ value: null });
    expect(read('parley:session:blog', 'x')).toBeNull();
    expect(read(DRAFT.padEnd(2_501, 'x'), 'x')).toBeNull();
    expect(read(DRAFT, 'x'.repeat(20_001))).toBeNull();
    expect(read(DRAFT, undefined)).toBeNull();
    expect(read(DRAFT, { text: 'x' })).toBeNull();
  });

  it('keeps only the entries of a storage message the app could have stored', () => {
    const read = (data: unknown) => readHostToFrame({ parley: { type: 'storage', data } });
    expect(
      read({
        [DRAFT]: 'kept',
        'parley:author:blog': '{}',
        'parley:draft:blog:/huge': 'x'.repeat(20_001),
        'parley:draft:blog:/number': 42,
        'someone:else': 'x',
      }),
    ).toEqual({ type: 'storage', data: { [DRAFT]: 'kept', 'parley:author:blog': '{}' } });
    for (const data of [null, 'x', [DRAFT], undefined]) expect(read(data)).toBeNull();
  });
});

describe('sign-in messages', () => {
  it('reads a loginResult with a code or an error, and nothing malformed', () => {
    const read = (m: object) =>
      readLoginResult({
        parley: { type: 'loginResult', ticket: 't', code: 'c', error: null, ...m },
      });
    expect(read({})).toEqual({ type: 'loginResult', ticket: 't', code: 'c', error: null });
    expect(read({ code: null, error: 'denied' })).toMatchObject({ error: 'denied' });
    expect(read({ ticket: 1 })).toBeNull();
    expect(read({ code: 5 })).toBeNull();
    expect(read({ error: 'exploded' })).toBeNull();
    expect(
      readLoginResult({ type: 'loginResult', ticket: 't', code: 'c', error: null }),
    ).toBeNull();
    expect(readFrameToHost({ parley: { type: 'loginResult', ticket: 't' } })).toBeNull();
  });

  it('reads navigate with a string URL only', () => {
    const url = 'https://c.example/auth/twitter/start?ticket=t';
    expect(readFrameToHost({ parley: { type: 'navigate', url } })).toEqual({
      type: 'navigate',
      url,
    });
    expect(readFrameToHost({ parley: { type: 'navigate', url: 1 } })).toBeNull();
    expect(readHostToFrame({ parley: { type: 'navigate', url } })).toBeNull();
  });
});

describe('theme messages', () => {
  it('reads a theme the app knows, and nothing else', () => {
    const read = (theme: unknown) => readHostToFrame({ parley: { type: 'theme', theme } });
    for (const theme of ['light', 'dark', 'auto'])
      expect(read(theme)).toEqual({ type: 'theme', theme });
    for (const theme of ['sepia', '', null, undefined, 1, { dark: true }, '"><script>']) {
      expect(read(theme)).toBeNull();
    }
    // Only the host sends it.
    expect(readFrameToHost({ parley: { type: 'theme', theme: 'dark' } })).toBeNull();
  });
});

describe('what the host may set of the widget’s look', () => {
  it('takes CSS colours as browsers report them, and nothing that ends a declaration', () => {
    for (const ok of ['rgb(247, 243, 234)', 'rgba(0, 0, 0, 0.5)', 'color(srgb 1 0.5 0)', '#fff'])
      expect(isCssColor(ok), ok).toBe(true);
    for (const bad of [
      'red;background:url(x)',
      'url(https://x)',
      'rgb(1,2,3)}body{',
      'x'.repeat(200),
    ])
      expect(isCssColor(bad), bad).toBe(false);
    expect(isFontList('"Iowan Old Style", Georgia, serif')).toBe(true);
    expect(isFontList('x; background: red')).toBe(false);
    expect(isFontList('url(https://fonts.example/x.woff2)')).toBe(false);
    expect(isHexColor('#b5472d')).toBe(true);
    expect(isHexColor('red')).toBe(false);
  });
});

describe('resize messages', () => {
  it('carries where a live update changed the height, only as a finite number', () => {
    const read = (grewAt: unknown) =>
      readFrameToHost({ parley: { type: 'resize', height: 10, grewAt } });
    expect(read(42)).toEqual({ type: 'resize', height: 10, grewAt: 42 });
    expect(read(undefined)).toEqual({ type: 'resize', height: 10 });
    for (const bad of ['42', Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(read(bad)).toEqual({ type: 'resize', height: 10 });
    }
    expect(readFrameToHost({ parley: { type: 'ready', height: 10, grewAt: 5 } })).toEqual({
      type: 'ready',
      height: 10,
    });
  });
});
