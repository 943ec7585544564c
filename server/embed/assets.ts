/**
 * The built widget (dist/widget), held in memory with its precompressed
 * variants. The files are small and few, so memory beats a disk read per hit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response } from 'express';

export interface WidgetManifest {
  embed: string;
  threadJs: string;
  threadCss: string;
  /** The site owner's dashboard (/admin). */
  adminJs: string;
  adminCss: string;
}

/** Every file the manifest names, each served from memory (and precompressed by the build). */
export function manifestFiles(manifest: WidgetManifest): string[] {
  return [
    manifest.embed,
    manifest.threadJs,
    manifest.threadCss,
    manifest.adminJs,
    manifest.adminCss,
  ];
}

interface Asset {
  type: string;
  etag: string;
  identity: Buffer;
  gzip: Buffer | undefined;
  br: Buffer | undefined;
}

export interface WidgetAssets {
  manifest: WidgetManifest;
  /** Asset by path relative to the widget dir ("embed.js", "assets/thread-X.js"). */
  get(path: string): Asset | undefined;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function readIfExists(path: string): Buffer | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}

/** Loads the built widget, or returns null when it hasn't been built (npm run build). */
export function loadWidgetAssets(dir: string): WidgetAssets | null {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WidgetManifest;
  const assets = new Map<string, Asset>();
  for (const file of manifestFiles(manifest)) {
    const path = join(dir, file);
    const identity = readFileSync(path);
    assets.set(file, {
      type: TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      identity,
      gzip: readIfExists(`${path}.gz`),
      br: readIfExists(`${path}.br`),
    });
  }
  return { manifest, get: (path) => assets.get(path) };
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
