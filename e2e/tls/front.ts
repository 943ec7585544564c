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
import { createServer, type Server } from 'node:tls';
import { FRONTS } from '../urls.ts';
import { certificateIn } from './certificate.ts';

/** Listens on `publicPort` and forwards each TLS connection to `backendPort`. */
export function startFront(
  options: { key: Buffer; cert: Buffer },
  publicPort: number,
  backendPort: number,
): Promise<Server> {
  const server = createServer(options, (client) => {
    const backend = connect(backendPort, '127.0.0.1');
    client.pipe(backend).pipe(client);
    // A browser closing a tab mid-request resets either side: end both quietly.
    const end = () => {
      client.destroy();
      backend.destroy();
    };
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
