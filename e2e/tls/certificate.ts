/**
 * A throwaway self-signed certificate for `localhost` and `127.0.0.1`, made
 * at test time (no key is ever committed). Browsers accept it through their
 * insecure-certificate options; Node processes that call the sandboxes over
 * HTTPS trust it through NODE_EXTRA_CA_CERTS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertificateFiles {
  dir: string;
  key: string;
  cert: string;
}

/** The files inside `dir` (as made by createCertificate). */
export function certificateIn(dir: string): CertificateFiles {
  return { dir, key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') };
}

/**
 * Makes a fresh key and certificate in a new temporary folder with openssl
 * (always there where Debian's browsers are). Valid for two days: long enough
 * for any run, short enough to be worthless if it leaks.
 */
export function createCertificate(): CertificateFiles {
  const files = certificateIn(mkdtempSync(join(tmpdir(), 'parley-tls-')));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      files.key,
      '-out',
      files.cert,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (!existsSync(files.cert)) throw new Error('openssl made no certificate');
  return files;
}
