import { afterEach, describe, expect, it } from 'vitest';
import { readBootstrap } from './bootstrap.ts';
import { buildBootstrap } from './test-fixtures.ts';

function inline(json: string) {
  const script = document.createElement('script');
  script.id = 'parley-bootstrap';
  script.type = 'application/json';
  script.textContent = json;
  document.body.append(script);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readBootstrap', () => {
  it('reads the inlined JSON', () => {
    const bootstrap = buildBootstrap([]);
    inline(JSON.stringify(bootstrap));
    expect(readBootstrap(document)).toEqual(bootstrap);
  });

  it('falls back to auto for an unknown theme', () => {
    inline(JSON.stringify({ ...buildBootstrap([]), theme: 'neon' }));
    expect(readBootstrap(document)?.theme).toBe('auto');
  });

  it('keeps only known providers, once each, in the server order', () => {
    inline(
      JSON.stringify({
        ...buildBootstrap([]),
        providers: ['twitter', 'myspace', 'wordpress', 'twitter'],
      }),
    );
    expect(readBootstrap(document)?.providers).toEqual(['twitter', 'wordpress']);
    document.body.innerHTML = '';
    inline(JSON.stringify({ ...buildBootstrap([]), providers: undefined }));
    expect(readBootstrap(document)?.providers).toEqual([]);
  });

  it('reads the form token and the privacy line, keeping only an http(s) privacy URL', () => {
    const privacy = {
      akismet: true,
      privacyUrl: 'https://blog.example/privacy',
      deletion: 'anonymise' as const,
    };
    inline(JSON.stringify(buildBootstrap([], { formToken: 't.1', privacy })));
    expect(readBootstrap(document)).toMatchObject({ formToken: 't.1', privacy });
    document.body.innerHTML = '';
    inline(
      JSON.stringify({
        ...buildBootstrap([]),
        formToken: 7,
        privacy: { akismet: 'yes', privacyUrl: 'javascript:alert(1)', deletion: 'everything' },
      }),
    );
    expect(readBootstrap(document)).toMatchObject({
      formToken: '',
      privacy: { akismet: false, privacyUrl: null, deletion: 'choice' },
    });
    document.body.innerHTML = '';
    inline(JSON.stringify({ ...buildBootstrap([]), privacy: undefined }));
    expect(readBootstrap(document)?.privacy).toEqual({
      akismet: false,
      privacyUrl: null,
      deletion: 'choice',
    });
  });

  it('returns null when missing or broken', () => {
    expect(readBootstrap(document)).toBeNull();
    inline('{not json');
    expect(readBootstrap(document)).toBeNull();
  });
});
