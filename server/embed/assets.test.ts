import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_ENTRIES,
  appTags,
  DIAGNOSE_FILE,
  devWidgetAssets,
  LOADER_FILE,
  loadWidgetAssets,
  MANIFEST_FILE,
} from './assets.ts';

let dir: string;

/** A widget directory as `vite build` leaves it, with the given manifest and files. */
function built(manifest: unknown, files: string[]) {
  dir = mkdtempSync(join(tmpdir(), 'parley-assets-'));
  for (const file of [LOADER_FILE, DIAGNOSE_FILE, ...files]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), `/* ${file} */`);
  }
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  return dir;
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Two apps sharing a chunk that itself imports another with CSS: the shape
// Vite writes when both entries import the same modules.
const MANIFEST = {
  _shared: { file: 'assets/shared-1.js', imports: ['_deep'] },
  _deep: { file: 'assets/deep-2.js', css: ['assets/deep-2.css'] },
  [APP_ENTRIES.thread]: {
    file: 'assets/thread-3.js',
    isEntry: true,
    imports: ['_shared', '_deep'],
    css: ['assets/thread-3.css'],
  },
  [APP_ENTRIES.admin]: { file: 'assets/admin-4.js', isEntry: true, css: ['assets/admin-4.css'] },
};
const FILES = [
  'assets/shared-1.js',
  'assets/deep-2.js',
  'assets/deep-2.css',
  'assets/thread-3.js',
  'assets/thread-3.css',
  'assets/admin-4.js',
  'assets/admin-4.css',
];

describe('loadWidgetAssets', () => {
  it('links each app’s entry, every chunk it imports (once) and all their CSS', () => {
    const assets = loadWidgetAssets(built(MANIFEST, FILES));
    expect(assets?.apps.thread).toEqual({
      script: 'assets/thread-3.js',
      preload: ['assets/deep-2.js', 'assets/shared-1.js'],
      styles: ['assets/deep-2.css', 'assets/thread-3.css'],
    });
    // The dashboard shares nothing with the thread here, so it links nothing of it.
    expect(assets?.apps.admin).toEqual({
      script: 'assets/admin-4.js',
      preload: [],
      styles: ['assets/admin-4.css'],
    });
    for (const file of [LOADER_FILE, DIAGNOSE_FILE, ...FILES]) {
      expect(assets?.get(file), file).toBeDefined();
    }
    // Only what the build wrote is served: not the manifest, not a path outside.
    expect(assets?.get(MANIFEST_FILE)).toBeUndefined();
    expect(assets?.get('../package.json')).toBeUndefined();
  });

  it('lets pages allow their own origin only', () => {
    expect(loadWidgetAssets(built(MANIFEST, FILES))?.sources).toEqual({
      script: "'self'",
      style: "'self'",
      connect: "'self'",
    });
  });

  it('renders the head tags in load order, escaped', () => {
    const tags = appTags(
      { script: 'assets/a".js', preload: ['assets/b.js'], styles: ['assets/c.css'] },
      'https://x.example',
    );
    expect(tags.split('\n')).toEqual([
      '<link rel="stylesheet" href="https://x.example/assets/c.css">',
      '<link rel="modulepreload" href="https://x.example/assets/b.js">',
      '<script type="module" src="https://x.example/assets/a&quot;.js"></script>',
    ]);
  });

  it('is null when nothing is built', () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-assets-'));
    expect(loadWidgetAssets(dir)).toBeNull();
  });

  it('fails loudly when the manifest lacks an app, rather than serving a page without it', () => {
    const { [APP_ENTRIES.admin]: _admin, ...withoutAdmin } = MANIFEST;
    expect(() => loadWidgetAssets(built(withoutAdmin, FILES))).toThrow(/widget\/admin\/main\.tsx/);
  });
});

describe('devWidgetAssets (npm run dev)', () => {
  const DEV = 'http://127.0.0.1:5173';

  it("loads each app from the dev server: Vite's client, the Fast Refresh preamble, the entry", () => {
    const assets = devWidgetAssets(DEV, built({}, []));
    expect(assets?.head('thread').split('\n')).toEqual([
      `<script type="module" src="${DEV}/@vite/client"></script>`,
      `<script type="module" src="${DEV}/@id/@vitejs/plugin-react/preamble"></script>`,
      `<script type="module" src="${DEV}/widget/thread/main.tsx"></script>`,
    ]);
    expect(assets?.head('admin')).toContain(`src="${DEV}/widget/admin/main.tsx"`);
  });

  it('serves the built embed.js (and what it imports) and nothing else', () => {
    const assets = devWidgetAssets(DEV, built(MANIFEST, FILES));
    expect(assets?.get(LOADER_FILE)?.identity.toString()).toBe(`/* ${LOADER_FILE} */`);
    expect(assets?.get(DIAGNOSE_FILE)?.identity.toString()).toBe(`/* ${DIAGNOSE_FILE} */`);
    expect(assets?.get('assets/thread-3.js')).toBeUndefined();
  });

  it("lets pages load from the dev server and reach its HMR socket, and Vite's injected styles", () => {
    expect(devWidgetAssets(DEV, built({}, []))?.sources).toEqual({
      script: `'self' ${DEV}`,
      style: "'self' 'unsafe-inline'",
      connect: `'self' ${DEV} ws://127.0.0.1:5173`,
    });
  });

  it('is null while embed.js is not built', () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-assets-'));
    expect(devWidgetAssets(DEV, dir)).toBeNull();
  });
});
