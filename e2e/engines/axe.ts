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

/** WCAG 2.2 A and AA, plus axe's best practices: what issue 11 holds the widget and dashboard to. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Rules about a whole page, off inside the widget's frame only: the frame is
 * a part of the host page, which owns the `main` landmark and the `h1` (a
 * comment section with its own would be wrong there). The dashboard, a page
 * of its own, is checked with them.
 */
const PAGE_ONLY_RULES = ['landmark-one-main', 'page-has-heading-one', 'region'];

/**
 * Runs axe on the document `where` of `tab` in the state `state` names and
 * fails on any violation, whatever its impact; prints how many rules it
 * checked (the count issue 11 asks the run to show).
 */
export async function expectAccessible(
  tab: Tab,
  where: Where,
  state: string,
  engine: string,
): Promise<AxeSummary> {
  const rules =
    where === 'page'
      ? {}
      : Object.fromEntries(PAGE_ONLY_RULES.map((id) => [id, { enabled: false }]));
  const summary = await runAxe(tab, where, { runOnly: { type: 'tag', values: TAGS }, rules });
  console.log(
    `axe [${engine}] ${state}: ${summary.rulesChecked} rules checked, ${summary.violations.length} violations`,
  );
  if (summary.violations.length > 0) {
    const lines = summary.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.slice(0, 3).join(', ')}`,
    );
    throw new Error(`axe found violations in ${state} (${engine}):\n${lines.join('\n')}`);
  }
  return summary;
}
