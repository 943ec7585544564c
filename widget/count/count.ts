/**
 * count.js: fills `<span data-parley-count="PAGE_ID">` on a blog's listing
 * pages with "N Comments" in the site's wording. A dependency-free IIFE with
 * a 1 KB budget: one request per 100 pages, nothing else.
 *
 * `<script src="https://comments.example/count.js" data-site="blog" async></script>`
 */
import type { CommentCounts } from '../../contract/api.ts';
import { countText } from './wording.ts';

// No exports: the IIFE then defines no global (embed.js owns `Parley`).

const script = document.currentScript as HTMLScriptElement | null;

function fill(): void {
  if (!script) return;
  const base = new URL('.', script.src).href;
  const spans = [...document.querySelectorAll<HTMLElement>('[data-parley-count]')];
  const pages = [...new Set(spans.map((s) => s.dataset.parleyCount || ''))].filter(Boolean);
  for (let i = 0; i < pages.length; i += 100) {
    const query = pages
      .slice(i, i + 100)
      .map((p) => `&page=${encodeURIComponent(p)}`)
      .join('');
    fetch(`${base}api/v1/counts?site=${encodeURIComponent(script.dataset.site || '')}${query}`)
      .then((res) => res.json() as Promise<CommentCounts>)
      .then(({ counts, wording }) => {
        for (const span of spans) {
          const n = counts[span.dataset.parleyCount || ''];
          if (typeof n === 'number') span.textContent = countText(n, wording);
        }
      })
      // A count is decoration: on failure the span keeps what the page put there.
      .catch(() => {});
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fill);
else fill();
