/**
 * Vite builds everything the browser loads, into dist/widget:
 *   embed.js                  the loader on the host page: one dependency-free IIFE
 *   assets/thread-HASH.js|css the app inside the iframe
 *   assets/admin-HASH.js|css  the site owner's dashboard at /admin
 *   .vite/manifest.json       which hashed files each app needs (server/embed/assets.ts)
 * each with .gz and .br copies. `vite build` builds every environment below.
 */
import { defineConfig, type EnvironmentOptions } from 'vite';
import { reactToPreact } from './widget/aliases.ts';
import { precompress } from './widget/vite/precompress.ts';

const OUT_DIR = 'dist/widget';

/**
 * A script a host page loads with a plain `<script src>` tag: one IIFE with
 * nothing to import, at a fixed name (its URL is what site owners paste).
 * Library mode builds one IIFE per environment, so each such script (embed.js
 * now, count.js later) gets an environment of its own.
 */
function hostScript(entry: string, fileName: string): EnvironmentOptions {
  return {
    consumer: 'client',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: false,
      // Host pages can be old: keep the loader's syntax conservative.
      target: 'es2019',
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: 'Parley', fileName: () => fileName },
      // No Symbol.toStringTag on the exports object: bytes no caller needs.
      rolldownOptions: { output: { generatedCode: { symbols: false } } },
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [precompress()],
  // What ships is Preact behind React's API (widget/aliases.ts explains why).
  resolve: { alias: reactToPreact },
  environments: {
    // The apps: the iframe's and the dashboard's, each an entry of its own,
    // sharing nothing but what both import.
    client: {
      build: {
        outDir: OUT_DIR,
        emptyOutDir: true,
        target: 'es2020',
        manifest: true,
        copyPublicDir: false,
        rolldownOptions: {
          input: { thread: 'widget/thread/main.tsx', admin: 'widget/admin/main.tsx' },
        },
      },
    },
    embed: hostScript('widget/embed/embed.ts', 'embed.js'),
  },
  builder: {
    async buildApp(builder) {
      // The apps first: their build empties the output directory.
      for (const name of ['client', 'embed']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`vite.config.ts defines no environment ${name}`);
        await builder.build(environment);
      }
    },
  },
});
