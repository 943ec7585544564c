/**
 * `npm run build`'s server half: the server (and the demo that wraps it) as
 * plain JavaScript in dist/node, for `npm start`, `npm run demo` and the
 * bench, bundled with its dependencies into a few files. Node can run the
 * .ts files directly (`npm run dev`, the tests), but its type stripping
 * costs a running server about 25 MB of memory for good, and loading ~800
 * separate modules (Kysely alone is 257 files) another ~8 MB more than one
 * bundle does (docs/performance.md, "Memory"). The type check is
 * `npm run typecheck`'s job; this only transpiles and bundles.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist/node',
    emptyOutDir: true,
    target: 'node24',
    // Readable stack traces in production logs; minifying saves no memory worth having.
    minify: false,
    rolldownOptions: {
      // The OAuth strategies call url.parse(), which Node flags with a
      // deprecation warning only outside node_modules: loaded from there
      // (on the first sign-in, auth/auth.routes.ts), as their authors ship them.
      external: ['passport-oauth2', 'passport-twitter', 'passport-facebook'],
      input: { 'server/main': 'server/main.ts', 'demo/main': 'demo/main.ts' },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // V8 keeps each loaded file's source in memory, as one byte a
        // character only if every character is ASCII: one "→" in a comment
        // doubles a 2 MB chunk. So non-ASCII is escaped in strings and
        // JSDoc comments are left out (3.5 MB less at start-up, docs/performance.md).
        comments: { legal: true, annotation: true, jsdoc: false },
        minify: {
          compress: false,
          mangle: false,
          codegen: { removeWhitespace: false, asciiOnly: true },
        },
      },
    },
  },
  // Dependencies too: pg, nodemailer and ioredis stay out, loaded by require()
  // only when configured (store/db.ts, notifications/mailer.ts, redis/redis.ts).
  ssr: { noExternal: true, target: 'node' },
});
