/**
 * Writes a .gz and a .br copy next to every JS and CSS file a build emits, so
 * the server sends them precompressed (server/embed/assets.ts) instead of
 * compressing the same bytes on every request. One small step rather than a
 * plugin dependency: zlib does both at their highest levels.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|css)$/;

/** A Vite plugin: after each build writes its files, adds `.gz` and `.br` siblings. */
export function precompress(): Plugin {
  return {
    name: 'parley:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const path = join(dir, fileName);
        const body = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
          }),
        );
      }
    },
  };
}
