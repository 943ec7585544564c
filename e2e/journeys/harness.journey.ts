/**
 * The harness itself, in every engine: what other journeys rely on.
 */
import { runAxe } from '../engines/axe.ts';
import { expect, journey } from '../engines/fixture.ts';
import { see, waitFor } from '../engines/steps.ts';
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

journey(
  'a script error in a cross-site frame, or a dialog, is caught for the journey to fail on',
  async ({ open, request }) => {
    const session = await open();
    const { tab } = session;
    // A frame on another site (127.0.0.1 instead of localhost) that throws.
    const inner = await hostPage(request, {
      body: '<p>Inner page</p><script>setTimeout(() => { throw new Error("boom in a frame"); });</script>',
    });
    const outer = await hostPage(request, {
      body: `<iframe src="${inner.replace('//localhost:', '//127.0.0.1:')}"></iframe>`,
    });
    await tab.goto(outer);
    await see(tab, { frame: 'iframe' }, { text: 'Inner page' });
    await tab.evaluate('page', '() => { setTimeout(() => alert("hello from the page")); }');
    const seen: string[] = [];
    await waitFor(
      'the frame’s error and the dialog are reported',
      async () => {
        // WebKit learns of a dialog only from the next command.
        await tab.evaluate('page', '() => 1').catch(() => {});
        seen.push(...session.takeProblems());
        return seen;
      },
      (problems) =>
        problems.some((p) => p.startsWith('dialog')) &&
        // Classic WebDriver (WebKit) has no way to hear of script errors.
        (session.engine === 'webkit' || problems.some((p) => p.includes('boom in a frame'))),
    );
  },
);
