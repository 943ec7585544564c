/**
 * A small TLS front for the e2e servers: each public HTTPS port terminates
 * TLS with the run's throwaway certificate and pipes the bytes to a plain
 * HTTP server on 127.0.0.1, the way a reverse proxy fronts Parley in
 * production. Browsers then see Secure cookies on real HTTPS (WebKit refuses
 * them on plain http even on 127.0.0.1).
 *
 * Run as a process: `E2E_TLS_DIR=… node e2e/tls/front.ts` fronts every server
 * in e2e/urls.ts.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { FRONTS } from '../urls.ts';
import { certificateIn } from './certificate.ts';

/**
 * A network that fails, for the tests of what survives it, in every engine
 * (Playwright's `setOffline` exists only for Chromium): a request to
 * `/__front/drop?match=S` on any fronted port cuts every connection whose
 * latest request's target contains S, and refuses new ones until
 * `/__front/restore?match=S`. The front sees plain HTTP/1.1 (it terminates
 * TLS and offers no HTTP/2), so it can read request lines as they pass.
 */
const CONTROL = /^(?:GET|POST) \/__front\/(drop|restore)\?match=(\S+) HTTP\/1\.1\r\n/;
const REQUEST_LINE = /(?:^|\r\n)[A-Z]+ (\S+) HTTP\/1\.1\r\n/g;
const dropping = new Set<string>();
const open = new Map<TLSSocket, string>();

function control(client: TLSSocket, action: string, match: string): void {
  const what = decodeURIComponent(match);
  if (action === 'drop') {
    dropping.add(what);
    for (const [socket, target] of open) if (target.includes(what)) socket.destroy();
  } else dropping.delete(what);
  client.end('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
}

/** Listens on `publicPort` and forwards each TLS connection to `backendPort`. */
export function startFront(
  options: { key: Buffer; cert: Buffer },
  publicPort: number,
  backendPort: number,
): Promise<Server> {
  const server = createServer(options, (client) => {
    const backend = connect(backendPort, '127.0.0.1');
    open.set(client, '');
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      const asked = CONTROL.exec(text);
      if (asked?.[1] && asked[2]) return control(client, asked[1], asked[2]);
      for (const [, target] of text.matchAll(REQUEST_LINE)) if (target) open.set(client, target);
      const target = open.get(client) ?? '';
      for (const what of dropping) if (target.includes(what)) return client.destroy();
      backend.write(chunk);
    });
    client.on('end', () => backend.end());
    backend.pipe(client);
    // A browser closing a tab mid-request resets either side: end both quietly.
    const end = () => {
      open.delete(client);
      client.destroy();
      backend.destroy();
    };
    client.on('close', end);
    client.on('error', end);
    backend.on('error', end);
  });
  // Handshakes that fail (a browser probing before it accepts the
  // certificate) are the browser's business, not a crash.
  server.on('tlsClientError', () => {});
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Every interface, as the servers behind it did: `localhost` may resolve to ::1.
    server.listen(publicPort, () => resolve(server));
  });
}

if (import.meta.main) {
  const dir = process.env.E2E_TLS_DIR;
  if (!dir) throw new Error('E2E_TLS_DIR is not set (playwright.config.ts makes the certificate)');
  const files = certificateIn(dir);
  const tls = { key: readFileSync(files.key), cert: readFileSync(files.cert) };
  for (const { publicPort, backendPort } of FRONTS) await startFront(tls, publicPort, backendPort);
}
