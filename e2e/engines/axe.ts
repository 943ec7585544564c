/**
 * axe-core, injected into a document of any engine through the driver's
 * evaluate (as the source of the evaluated function itself, so no page
 * `eval` is needed and the widget's CSP stays as strict as in production).
 * The accessibility checks of issue 11 build on this.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Tab, Where } from './driver.ts';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeSummary {
  /** How many rules axe applied to the document. */
  rulesChecked: number;
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
}

/**
 * Runs axe-core on the document `where` (its own content only: a page's
 * iframes are checked by running this in them) and summarises the result.
 */
export function runAxe(tab: Tab, where: Where, options: Record<string, unknown> = {}) {
  const run = `async (options) => {
    const results = await window.axe.run(document, { iframes: false, ...options });
    return {
      rulesChecked: results.passes.length + results.violations.length + results.incomplete.length,
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => String(n.target)),
      })),
    };
  }`;
  return tab.evaluate<AxeSummary>(
    where,
    `function () {\n${AXE_SOURCE}\n;return (${run}).apply(this, arguments);\n}`,
    [options],
  );
}
