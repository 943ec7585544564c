// @vitest-environment node
// A server render, as Next.js, Remix or Gatsby do it: no window, no document.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('<ParleyComments /> on the server', () => {
  it('imports without a window and renders an empty placeholder', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const { ParleyComments } = await import('./ParleyComments.tsx');
    const html = renderToString(
      createElement(ParleyComments, { server: 'https://c.example', site: 'blog', pageId: 'p' }),
    );
    expect(html).toBe('<div data-parley-comments=""></div>');
  });
});
