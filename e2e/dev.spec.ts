/**
 * `npm run dev` as a widget developer uses it: one command starts the demo
 * with the thread app served by Vite's dev server; editing a stylesheet or a
 * component under widget/ changes the open thread in place, without a reload.
 * It runs on ports of its own (DEV_SPEC_PORTS in e2e/urls.ts) over plain HTTP, as on
 * a developer's machine; the files it edits are put back afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { DEV_SPEC_PORTS } from './urls.ts';

const PORTS = DEV_SPEC_PORTS;
const VITE_PORT = DEV_SPEC_PORTS.vite;
const PARLEY = `http://localhost:${PORTS.parley}`;
const BLOG = `http://localhost:${PORTS.blog}`;
const VITE = `http://127.0.0.1:${VITE_PORT}`;

const CSS = 'widget/thread/thread.css';
const COMPONENT = 'widget/thread/components/SignIn.tsx';

let dev: ChildProcess | undefined;
let dataDir = '';
const originals = new Map<string, string>();

/**
 * Edits a source file for the test; afterAll puts it back. Written to a
 * temporary file and renamed over the source, as editors save: a write in
 * place first empties the file, and under load the watcher could report it
 * empty and miss the content (the edit never showed; failed CI once).
 */
function edit(path: string, change: (source: string) => string) {
  const source = readFileSync(path, 'utf8');
  if (!originals.has(path)) originals.set(path, source);
  const changed = change(source);
  expect(changed).not.toBe(source);
  const temporary = `${path}.parley-test-edit`;
  writeFileSync(temporary, changed);
  renameSync(temporary, path);
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'parley-dev-'));
  dev = spawn('npm', ['run', 'dev'], {
    // Its own process group, so the whole tree (npm, node, Vite) stops together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(PORTS.parley),
      PUBLIC_URL: PARLEY,
      DEMO_PORT: String(PORTS.blog),
      DEMO_URL: BLOG,
      DEMO_SANDBOX_PORT: String(PORTS.sandbox),
      DEV_VITE_PORT: String(VITE_PORT),
      SQLITE_PATH: join(dataDir, 'dev.sqlite'),
      DEMO_MIN_FORM_SECONDS: '0',
    },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Demo blog')) resolve();
    };
    dev?.stdout?.on('data', onData);
    dev?.stderr?.on('data', onData);
    dev?.once('exit', (code) => reject(new Error(`npm run dev exited (${code}):\n${output}`)));
  });
});

test.afterAll(() => {
  for (const [path, source] of originals) writeFileSync(path, source);
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

test('the demo loads the thread from Vite, and edits reach it without a reload', async ({
  page,
}) => {
  await page.goto(`${BLOG}/posts/hello-parley`);
  const frame = page.frameLocator('iframe.parley-frame');
  await expect(frame.locator('[data-loaded="true"]')).toBeVisible({ timeout: 60_000 });
  const iframe = page.frames().find((f) => f.url().startsWith(`${PARLEY}/embed/thread`));
  if (!iframe) throw new Error('no thread frame');
  // The app is the dev server's modules (with its HMR client), not the build.
  const scripts = await iframe.evaluate(() =>
    [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src),
  );
  expect(scripts).toContain(`${VITE}/@vite/client`);
  expect(scripts).toContain(`${VITE}/widget/thread/main.tsx`);
  // Gone if the frame reloads.
  await iframe.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  const twitter = frame.getByRole('button', { name: 'Log in with Twitter' });
  await expect(twitter).toBeVisible();

  // A stylesheet edit: the new rule applies in place.
  edit(CSS, (css) => `${css}\n.provider { outline: 3px solid rgb(1, 2, 3); }\n`);
  await expect(twitter).toHaveCSS('outline-color', 'rgb(1, 2, 3)', { timeout: 30_000 });

  // A component edit: the new label shows in place (React Fast Refresh).
  edit(COMPONENT, (tsx) =>
    tsx.replace(
      "t('signIn.logInWith', { provider: PROVIDER_NAMES[provider] })",
      "'Sign in (edited) with ' + PROVIDER_NAMES[provider]",
    ),
  );
  await expect(frame.getByRole('button', { name: 'Sign in (edited) with Twitter' })).toBeVisible({
    timeout: 30_000,
  });
  expect(await iframe.evaluate(() => 'sameDocument' in window)).toBe(true);
});
