import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('the default font stack starts with system-ui: one font lookup, not one per missing family', () => {
  // A fresh renderer asks the browser process for each family in turn until
  // one exists; on Linux every name of the old stack was missing (eight
  // lookups before the first layout, docs/performance.md "First paint").
  const css = readFileSync('widget/thread/thread.css', 'utf8');
  const stack = /font-family:\s*var\(\s*--font,\s*([^)]*)\)/.exec(css)?.[1] ?? '';
  expect(stack.split(',')[0]?.trim()).toBe('system-ui');
});
