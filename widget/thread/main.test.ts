import { act } from '@testing-library/react';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RUNTIME } from '../test/runtime.ts';
import { buildBootstrap, buildComment } from './test-fixtures.ts';

afterEach(() => {
  // Unmount first: effects still scheduled for a mounted tree would otherwise
  // run after jsdom is torn down ("window is not defined").
  // (React's root is the entry's own; its tree goes with the document.)
  const root = document.getElementById('parley-root');
  if (root && RUNTIME === 'preact') render(null, root);
  document.body.innerHTML = '';
  delete document.documentElement.dataset.theme;
  vi.resetModules();
});

/** Lays out the iframe's HTML as the server renders it, then runs the entry. */
async function boot(bootstrapJson: string) {
  document.body.innerHTML = `<div id="parley-root"></div><script id="parley-bootstrap" type="application/json">${bootstrapJson}</script>`;
  const fetch = vi.fn();
  vi.stubGlobal('fetch', fetch);
  // act: React renders asynchronously; this waits for the first render.
  await act(async () => {
    await import('./main.tsx');
  });
  vi.unstubAllGlobals();
  return { root: document.getElementById('parley-root') as HTMLElement, fetch };
}

describe('main entry', () => {
  it('renders the inlined thread at once, without calling the API, and sets the theme', async () => {
    const comment = buildComment({ html: '<p>Inlined</p>' });
    const { root, fetch } = await boot(
      JSON.stringify(buildBootstrap([comment], { theme: 'dark' })),
    );
    expect(root.querySelector('[data-testid="comment-body"]')?.innerHTML).toBe('<p>Inlined</p>');
    expect(root.querySelector('h2')?.textContent).toBe('1 comment');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says comments are unavailable when the bootstrap is unreadable', async () => {
    const { root } = await boot('{oops');
    expect(root.textContent).toBe('Comments are unavailable.');
    expect(document.documentElement.dataset.theme).toBe('auto');
  });
});
