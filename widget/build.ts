/**
 * Builds the widget into dist/widget:
 *   embed.js                 the loader (one IIFE, no dependencies)
 *   assets/thread-HASH.js    the app inside the iframe (content-hashed)
 *   assets/thread-HASH.css
 *   manifest.json            which hashed files the server should link
 * and writes .gz and .br siblings so the server serves them precompressed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { reactToPreact } from './aliases.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'widget');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });

await build({
  entryPoints: [join(root, 'widget/embed/embed.ts')],
  outfile: join(out, 'embed.js'),
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['es2019'],
  legalComments: 'none',
});

const app = await build({
  entryPoints: { thread: join(root, 'widget/thread/main.tsx') },
  outdir: join(out, 'assets'),
  entryNames: '[name]-[hash]',
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  jsx: 'automatic',
  alias: reactToPreact,
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
});

const files = Object.keys(app.metafile.outputs).map((f) => join(root, f));
const pick = (ext: string) => {
  const file = files.find((f) => f.endsWith(ext));
  if (!file) throw new Error(`widget build produced no ${ext} file`);
  return relative(out, file);
};
const manifest = { embed: 'embed.js', threadJs: pick('.js'), threadCss: pick('.css') };
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

for (const file of [manifest.embed, manifest.threadJs, manifest.threadCss]) {
  const path = join(out, file);
  const body = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  console.log(
    `${basename(file).padEnd(24)} ${body.length} B, ${gzipSync(body, { level: 9 }).length} B gzipped`,
  );
}
