/**
 * The harness itself, in every engine: what other journeys rely on.
 */
import { runAxe } from '../engines/axe.ts';
import { expect, journey } from '../engines/fixture.ts';
import { hostPage } from '../fixtures.ts';
import { openThread } from './reader.ts';

journey('axe-core can be injected into the widget frame and report', async ({ open, request }) => {
  const { tab } = await open();
  await openThread(tab, await hostPage(request));
  const result = await runAxe(tab, 'widget');
  // The widget has buttons, a form and headings: axe must have applied rules.
  expect(result.rulesChecked).toBeGreaterThan(10);
  expect(Array.isArray(result.violations)).toBe(true);
});
