/**
 * Vite wraps every dynamic `import()` of a client build in its preload helper
 * (~900 B, ~350 B gzipped, in the entry), which fetches the imported chunk's
 * CSS and shared chunks alongside it. Our lazy chunks (widget/thread/later.ts)
 * import only what the entry has already loaded and carry no CSS, so the
 * helper would fetch nothing: this plugin makes it a plain call, and fails the
 * build the day a lazy chunk does need something preloaded.
 */
import type { Plugin } from 'vite';

const HELPER = '\0vite/preload-helper.js';

/** A Vite plugin: dynamic imports without the preload helper. */
export function plainDynamicImports(): Plugin {
  return {
    name: 'parley:plain-dynamic-imports',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === HELPER ? id : undefined),
    load: (id) => (id === HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.code.includes('__vite__mapDeps')) {
          this.error(
            `${file.fileName}: a lazy chunk has dependencies to preload (plain-dynamic-imports.ts)`,
          );
        }
      }
    },
  };
}
