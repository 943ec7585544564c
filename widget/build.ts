/**
 * Builds the widget into dist/widget:
 *   embed.js                 the loader (one IIFE, no dependencies)
 *   assets/thread-HASH.js    the app inside the iframe (content-hashed)
 *   assets/thread-HASH.css
 *   assets/admin-HASH.js     the site owner's dashboard at /admin (content-hashed)
 *   assets/admin-HASH.css
 *   manifest.json            which hashed files the server should link
 * and writes .gz and .br siblings so the server serves them precompressed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { manifestFiles, type WidgetManifest } from '../server/embed/assets.ts';
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
  // Two independent apps (no code splitting): the iframe never loads the dashboard's code.
  entryPoints: {
    thread: join(root, 'widget/thread/main.tsx'),
    admin: join(root, 'widget/admin/main.tsx'),
  },
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
const pick = (name: string, ext: string) => {
  const file = files.find((f) => basename(f).startsWith(`${name}-`) && f.endsWith(ext));
  if (!file) throw new Error(`widget build produced no ${name} ${ext} file`);
  return relative(out, file);
};
const manifest: WidgetManifest = {
  embed: 'embed.js',
  threadJs: pick('thread', '.js'),
  threadCss: pick('thread', '.css'),
  adminJs: pick('admin', '.js'),
  adminCss: pick('admin', '.css'),
};
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

for (const file of manifestFiles(manifest)) {
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
