/**
 * The built widget (dist/widget, written by `vite build`), held in memory with
 * its precompressed variants. The files are small and few, so memory beats a
 * disk read per hit. Which hashed files each app needs comes from Vite's own
 * manifest (.vite/manifest.json).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { escapeHtml } from '../http/html.ts';

/** The loader's fixed name: the one URL site owners paste. */
export const LOADER_FILE = 'embed.js';
/** count.js: comment counts on listing pages, at a fixed URL too. */
export const COUNT_FILE = 'count.js';

/** What the loader imports only when its frame shows no thread (widget/embed/diagnose.ts). */
export const DIAGNOSE_FILE = 'embed-diagnose.js';

/** Where Vite writes its manifest inside the output directory. */
export const MANIFEST_FILE = '.vite/manifest.json';

/** The apps' source entries, as Vite's manifest keys them (see vite.config.ts). */
export const APP_ENTRIES = {
  thread: 'widget/thread/main.tsx',
  admin: 'widget/admin/main.tsx',
} as const;

export type AppName = keyof typeof APP_ENTRIES;

/** One chunk of Vite's manifest (https://vite.dev/guide/backend-integration). */
interface ManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
}
type ViteManifest = Record<string, ManifestChunk>;

/** What one app's page links, paths relative to the widget directory. */
export interface AppFiles {
  /** The entry module. */
  script: string;
  /** Chunks the entry imports statically: preloaded so they load in parallel. */
  preload: string[];
  /** Stylesheets of the entry and of every chunk it imports. */
  styles: string[];
}

interface Asset {
  type: string;
  etag: string;
  identity: Buffer;
  gzip: Buffer | undefined;
  br: Buffer | undefined;
}

/**
 * What a page loading an app must allow in its Content-Security-Policy, per
 * directive: 'self' for the built widget; the dev server too under `npm run dev`.
 */
export interface AssetSources {
  script: string;
  style: string;
  connect: string;
}

/** What the server's pages need of the widget: the apps' tags, and files by path. */
export interface WidgetAssets {
  /** The `<head>` tags that load an app (see appTags). */
  head(app: AppName): string;
  /**
   * The same with the app's stylesheets inlined, and the CSP sources that
   * allow them (their hashes). Only for the built widget (the dev server
   * injects its styles itself).
   */
  headInlineStyles?(app: AppName): { tags: string; styleSources: string };
  /** Asset by path relative to the widget dir ("embed.js", "assets/thread-X.js"). */
  get(path: string): Asset | undefined;
  sources: AssetSources;
}

/** The built widget: also which files each app's page links (the size budgets read them). */
export interface BuiltWidgetAssets extends WidgetAssets {
  apps: Record<AppName, AppFiles>;
}

const SELF_ONLY: AssetSources = { script: "'self'", style: "'self'", connect: "'self'" };

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function readIfExists(path: string): Buffer | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}

function readAsset(path: string): Asset {
  const identity = readFileSync(path);
  return {
    type: TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream',
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
    identity,
    gzip: readIfExists(`${path}.gz`),
    br: readIfExists(`${path}.br`),
  };
}

/** Walks an entry's static imports, the way Vite's backend-integration guide describes. */
function appFiles(manifest: ViteManifest, entry: string): AppFiles {
  const root = manifest[entry];
  if (!root) throw new Error(`${MANIFEST_FILE} has no entry ${entry}: rebuild (npm run build)`);
  const preload: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${MANIFEST_FILE} names a missing chunk ${key}`);
    for (const imported of chunk.imports ?? []) visit(imported);
    if (chunk !== root) preload.push(chunk.file);
    styles.push(...(chunk.css ?? []));
  };
  visit(entry);
  return { script: root.file, preload, styles };
}

/** The `<head>` tags that load one app: its styles, preloads and entry script. */
export function appTags(files: AppFiles, base = ''): string {
  const url = (file: string) => escapeHtml(`${base}/${file}`);
  return [
    ...files.styles.map((f) => `<link rel="stylesheet" href="${url(f)}">`),
    ...files.preload.map((f) => `<link rel="modulepreload" href="${url(f)}">`),
    `<script type="module" src="${url(files.script)}"></script>`,
  ].join('\n');
}

/** Loads the built widget, or returns null when it hasn't been built (npm run build). */
export function loadWidgetAssets(dir: string): BuiltWidgetAssets | null {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (![MANIFEST_FILE, LOADER_FILE, DIAGNOSE_FILE].every((f) => existsSync(join(dir, f)))) {
    return null;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
  const files = new Set([LOADER_FILE, DIAGNOSE_FILE]);
  if (existsSync(join(dir, COUNT_FILE))) files.add(COUNT_FILE);
  for (const chunk of Object.values(manifest)) {
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
  }
  const assets = new Map<string, Asset>();
  for (const file of files) assets.set(file, readAsset(join(dir, file)));
  const apps = {
    thread: appFiles(manifest, APP_ENTRIES.thread),
    admin: appFiles(manifest, APP_ENTRIES.admin),
  };
  const inlined = new Map<AppName, { tags: string; styleSources: string }>();
  return {
    apps,
    head: (app) => appTags(apps[app]),
    headInlineStyles(app) {
      let found = inlined.get(app);
      if (!found) {
        const files = apps[app];
        const css = files.styles.map((f) => (assets.get(f) as Asset).identity.toString());
        // Our own build's CSS: nothing in it can end the element, but never risk it.
        found = css.some((text) => /<\/style/i.test(text))
          ? { tags: appTags(files), styleSources: '' }
          : {
              tags: [
                ...css.map((text) => `<style>${text}</style>`),
                appTags({ ...files, styles: [] }),
              ].join('\n'),
              styleSources: css
                .map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`)
                .join(' '),
            };
        inlined.set(app, found);
      }
      return found;
    },
    get: (path) => assets.get(path),
    sources: SELF_ONLY,
  };
}

/**
 * Development only (`npm run dev`, DEV_SERVER_URL): the apps load from Vite's
 * dev server, module by module with its HMR client and React Fast Refresh's
 * preamble first; only embed.js, which runs on host pages, is the built one
 * (from `dir`). The pages' policy then allows the dev server's origin, its
 * HMR websocket, and the <style> elements it injects; never in production.
 * Returns null when embed.js isn't built.
 */
export function devWidgetAssets(devServerUrl: string, dir: string): WidgetAssets | null {
  const loaderPath = join(dir, LOADER_FILE);
  if (!existsSync(loaderPath)) return null;
  const loader = readAsset(loaderPath);
  const diagnosePath = join(dir, DIAGNOSE_FILE);
  const diagnose = existsSync(diagnosePath) ? readAsset(diagnosePath) : undefined;
  const dev = new URL(devServerUrl);
  const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  const script = (path: string) =>
    `<script type="module" src="${escapeHtml(new URL(path, dev).href)}"></script>`;
  return {
    head: (app) =>
      [
        script('/@vite/client'),
        script('/@id/@vitejs/plugin-react/preamble'),
        script(`/${APP_ENTRIES[app]}`),
      ].join('\n'),
    get: (path) => (path === LOADER_FILE ? loader : path === DIAGNOSE_FILE ? diagnose : undefined),
    sources: {
      script: `'self' ${dev.origin}`,
      style: "'self' 'unsafe-inline'",
      connect: `'self' ${dev.origin} ${socket}`,
    },
  };
}

/** Sends an asset with the best encoding the client accepts, honouring If-None-Match. */
export function sendAsset(req: Request, res: Response, asset: Asset, cacheControl: string): void {
  res.setHeader('Content-Type', asset.type);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', asset.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === asset.etag) {
    res.status(304).end();
    return;
  }
  const accepted = req.acceptsEncodings('br', 'gzip', 'identity');
  let body = asset.identity;
  if (accepted === 'br' && asset.br) {
    res.setHeader('Content-Encoding', 'br');
    body = asset.br;
  } else if (accepted === 'gzip' && asset.gzip) {
    res.setHeader('Content-Encoding', 'gzip');
    body = asset.gzip;
  }
  res.setHeader('Content-Length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}
