/**
 * A stand-in for "any web page": tests POST the HTML of a page they need and
 * get back a URL on this origin serving it. On start it registers itself as
 * the site "e2e" through the CLI, as a site owner would.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { HOST_PORT, HOST_URL } from './urls.ts';

execFileSync(
  process.execPath,
  [
    '--disable-warning=ExperimentalWarning',
    'server/cli/parley.ts',
    'sites',
    'add',
    'e2e',
    '--origin',
    HOST_URL,
    '--name',
    'E2E host pages',
  ],
  { stdio: 'inherit' },
);

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
}).listen(HOST_PORT);
