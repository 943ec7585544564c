/**
 * Builds @parley/react into dist/ (`npm run build` or `npm pack` here):
 *   dist/index.js    the component, with the loader it shares with embed.js
 *                    bundled in; React stays the site's own (a peer dependency)
 *   dist/index.d.ts  its types
 * Real React, not the Preact aliases of the root vite.config.ts: this runs in
 * the site's React app, so that config is not read at all.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');

// A production build whoever runs it (npm pack from a test has NODE_ENV=test,
// which would compile JSX for react/jsx-dev-runtime).
process.env.NODE_ENV = 'production';
rmSync(dist, { recursive: true, force: true });
await build({
  configFile: false,
  root: here,
  logLevel: 'warn',
  build: {
    outDir: dist,
    // Modern bundlers and browsers only: the site's own build transpiles further.
    target: 'es2020',
    minify: false,
    copyPublicDir: false,
    lib: {
      entry: join(here, 'ParleyComments.tsx'),
      formats: ['es'],
      fileName: () => 'index.js',
    },
    rolldownOptions: {
      external: [/^react(?:-dom)?(?:\/|$)/],
      // Next.js's app router runs hooks only in client components.
      output: { banner: "'use client';" },
    },
  },
});

// Declarations: tsc writes one per source file under dist/types; the
// component's stands alone (it imports only React's types), so it ships.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
copyFileSync(join(dist, 'types/widget/react/ParleyComments.d.ts'), join(dist, 'index.d.ts'));
rmSync(join(dist, 'types'), { recursive: true });
