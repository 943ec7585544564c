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

  it('returns null when missing or broken', () => {
    expect(readBootstrap(document)).toBeNull();
    inline('{not json');
    expect(readBootstrap(document)).toBeNull();
  });
});
