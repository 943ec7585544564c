/**
 * Vite builds everything the browser loads, into dist/widget:
 *   embed.js                  the loader on the host page: one dependency-free IIFE
 *   count.js                  comment counts on a blog's listing pages: another
 *   assets/thread-HASH.js|css the app inside the iframe
 *   assets/admin-HASH.js|css  the site owner's dashboard at /admin
 *   .vite/manifest.json       which hashed files each app needs (server/embed/assets.ts)
 * each with .gz and .br copies. `vite build` builds every environment below.
 * The same file configures Vitest (`test` at the end).
 */
/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type EnvironmentOptions } from 'vite';
import { reactToPreact } from './widget/aliases.ts';
import { plainDynamicImports } from './widget/vite/plain-dynamic-imports.ts';
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
      // The same syntax as the app it loads (es2020): a browser that can't
      // parse optional chaining can't run the thread in the frame either, and
      // down-levelled `?.`/`??` cost the loader ~50 B gzipped of its budget.
      target: 'es2020',
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: 'Parley', fileName: () => fileName },
      // No Symbol.toStringTag on the exports object: bytes no caller needs.
      rolldownOptions: { output: { generatedCode: { symbols: false } } },
    },
  };
}

/** Which UI runtime a widget test project renders with (see widget/test/runtime.ts). */
type Runtime = 'react' | 'preact';

/**
 * The widget's tests on one runtime. Tests import React's API and
 * `@testing-library/react`; the Preact project aliases both to what ships.
 */
function widgetProject(runtime: Runtime) {
  const preact = runtime === 'preact';
  return {
    extends: false,
    resolve: preact
      ? { alias: { ...reactToPreact, '@testing-library/react': '@testing-library/preact' } }
      : {},
    test: {
      name: preact ? 'widget on Preact (as shipped)' : 'widget on React 19',
      environment: 'jsdom',
      include: ['widget/**/*.test.ts', 'widget/**/*.test.tsx'],
      // The React component is for React sites: it runs on React only.
      exclude: ['**/node_modules/**', ...(preact ? ['widget/react/**'] : [])],
      env: { PARLEY_TEST_RUNTIME: runtime },
      setupFiles: ['widget/test/setup.ts'],
    },
  };
}

export default defineConfig(({ command, mode }) => ({
  publicDir: false,
  // Vite's dev server (`npm run dev`, demo/dev.ts) runs the apps on React
  // itself, for its Fast Refresh and warnings; every component is tested on
  // both runtimes. What ships is Preact behind React's API (widget/aliases.ts).
  ...(command === 'serve' && mode !== 'test'
    ? { plugins: [react()] }
    : { plugins: [plainDynamicImports(), precompress()], resolve: { alias: reactToPreact } }),
  environments: {
    // The apps: the iframe's and the dashboard's, each an entry of its own,
    // sharing nothing but what both import.
    client: {
      build: {
        outDir: OUT_DIR,
        emptyOutDir: true,
        target: 'es2020',
        // Lazy chunks (later.ts) need nothing preloaded: see plain-dynamic-imports.ts.
        modulePreload: false,
        manifest: true,
        copyPublicDir: false,
        rolldownOptions: {
          input: { thread: 'widget/thread/main.tsx', admin: 'widget/admin/main.tsx' },
        },
      },
    },
    embed: hostScript('widget/embed/embed.ts', 'embed.js'),
    // What embed.js imports only for a frame that shows no thread.
    diagnose: {
      consumer: 'client',
      build: {
        outDir: OUT_DIR,
        emptyOutDir: false,
        target: 'es2020',
        copyPublicDir: false,
        lib: {
          entry: 'widget/embed/diagnose.ts',
          formats: ['es'],
          fileName: () => 'embed-diagnose.js',
        },
      },
    },
    count: hostScript('widget/count/count.ts', 'count.js'),
  },
  builder: {
    async buildApp(builder) {
      // The apps first: their build empties the output directory.
      for (const name of ['client', 'embed', 'diagnose', 'count']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`vite.config.ts defines no environment ${name}`);
        await builder.build(environment);
      }
    },
  },
  test: {
    // Each project stands alone (extends: false): the root's aliases and
    // build plugins are for what ships, and the React project must not see them.
    projects: [
      {
        extends: false,
        test: {
          name: 'server',
          environment: 'node',
          include: [
            'contract/**/*.test.ts',
            'server/**/*.test.ts',
            'demo/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 20_000,
          // node:sqlite is "experimental" on Node 24 and says so in every
          // worker; npm start and the demo silence it the same way.
          execArgv: ['--disable-warning=ExperimentalWarning'],
        },
      },
      // Every widget test runs twice: on real React 19, and through the
      // Preact aliases that ship. A component that works on one only fails.
      widgetProject('react'),
      widgetProject('preact'),
    ],
  },
}));
