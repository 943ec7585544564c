/**
 * A stand-in for "any web page": tests POST the HTML of a page they need and
 * get back a URL on this origin serving it. On start it registers itself as
 * the sites "e2e" and "moderated" (and the latter's owner) through the
 * CLI, as a site owner would.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { backendPort, HOST_PORT, HOST_URL, OWNER } from './urls.ts';

/** Runs `npm run parley -- ...args` against the same store as the demo. */
function parley(...args: string[]): void {
  execFileSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'server/cli/parley.ts', ...args],
    {
      stdio: 'inherit',
    },
  );
}

// "e2e" publishes at once (the widget's own tests); "moderated" keeps
// Parley's first-time moderation, with an owner for the dashboard tests.
// Form timing is off on both: tests post within a second of loading.
parley(
  'sites',
  'add',
  'e2e',
  '--origin',
  HOST_URL,
  '--name',
  'E2E host pages',
  '--moderation',
  'none',
  '--min-form-seconds',
  '0',
);
parley(
  'sites',
  'add',
  'moderated',
  '--origin',
  HOST_URL,
  '--name',
  'Moderated blog',
  '--moderation',
  'first-time',
  '--min-form-seconds',
  '0',
);
parley('admins', 'add', OWNER.email, '--site', 'moderated', '--password', OWNER.password);

const pages = new Map<string, string>();
let next = 0;

createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/pages') {
    let html = '';
    req.on('data', (chunk: Buffer) => {
      html += chunk.toString();
    });
    req.on('end', () => {
      const path = `/p/${(next++).toString(36)}-${Date.now().toString(36)}`;
      pages.set(path, html);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: `${HOST_URL}${path}` }));
    });
    return;
  }
  const html = req.url === '/healthz' ? 'ok' : pages.get((req.url ?? '').split(/[?#]/)[0] ?? '');
  res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html ?? 'no such page');
}).listen(backendPort(HOST_PORT), '127.0.0.1');
