/**
 * The dashboard's import (owners only): the file arrives as the raw request
 * body (`application/octet-stream`), is written to a private temporary file
 * under a name of our own (the client's file name is never used), and
 * imported. The file is checked whole before the answer starts, so a
 * malformed or hostile one gets an ordinary 4xx; then the answer streams as
 * NDJSON, one progress line per batch and a summary (or error) line last.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Request, type Response, Router } from 'express';
import { ImportQuery } from '../../contract/dashboard.schema.ts';
import type { ImportProgress, ImportStreamLine } from '../../contract/imports.ts';
import type { AdminGuards } from '../admin/admin.middleware.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { validate } from '../http/validate.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../store/db.ts';
import type { UrlMapping } from './import.service.ts';
import { tooLarge } from './source.ts';

/** Writes the request body to `path`, refusing it once it passes `limit` bytes. */
async function receiveUpload(req: Request, path: string, limit: number): Promise<void> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > limit ? tooLarge(limit) : null, chunk);
    },
  });
  await pipeline(req, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  if (received === 0) throw new AppError(400, 'invalid_body', 'The upload is empty: choose a file');
}

function parseMappings(raw: string[]): UrlMapping[] {
  return raw.map((text) => {
    const at = text.indexOf('=');
    const from = text.slice(0, at).trim();
    const to = text.slice(at + 1).trim();
    if (at < 0 || !URL.canParse(from) || !URL.canParse(to)) {
      throw new AppError(
        400,
        'invalid_body',
        `An address mapping is old=new, two URLs such as https://old.example=https://new.example; not "${text}"`,
        'mapUrl',
      ).withDetail({ code: 'badMapping', params: { mapping: text } });
    }
    return { from, to };
  });
}

/** NDJSON out, unbuffered (no-transform keeps compression from holding lines back). */
function startStream(res: Response): (line: ImportStreamLine) => void {
  res.status(200);
  res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store, no-transform');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return (line) => {
    res.write(`${JSON.stringify(line)}\n`);
  };
}

export function importRoutes(db: Db, config: Config, logger: Logger, guards: AdminGuards): Router {
  const router = Router();
  // Bigger exports go through the CLI.
  const UPLOAD_MAX_BYTES = config.importUploadMaxBytes;
  const { signedIn, ownerOf } = guards;

  router.post(
    '/admin/api/sites/:site/import',
    signedIn,
    ownerOf,
    validate({ query: ImportQuery }, async ({ query, req, res }) => {
      if (!req.is('application/octet-stream')) {
        throw new AppError(
          415,
          'unsupported_media_type',
          'Send the file itself as the body, as application/octet-stream',
        );
      }
      const declared = Number(req.get('content-length') ?? 0);
      if (declared > UPLOAD_MAX_BYTES) throw tooLarge(UPLOAD_MAX_BYTES);
      const mapUrls = parseMappings(query.mapUrl);
      const dir = await mkdtemp(join(tmpdir(), 'parley-upload-'));
      try {
        await receiveUpload(req, join(dir, 'upload'), UPLOAD_MAX_BYTES);
        let send: ((line: ImportStreamLine) => void) | null = null;
        // Until the file has been read through once, an error is an ordinary 4xx.
        const onProgress = (progress: ImportProgress) => {
          if (progress.phase !== 'importing') return;
          send ??= startStream(res);
          send({ type: 'progress', progress });
        };
        try {
          // Loaded on the first import, not at start: the parsers (saxes,
          // xmldom, the formats) are memory that serving comments never needs.
          const { importComments } = await import('./import.service.ts');
          const summary = await importComments(db, {
            siteId: String(req.params.site),
            format: query.format,
            path: join(dir, 'upload'),
            dryRun: query.dryRun,
            mapUrls,
            maxBytes: UPLOAD_MAX_BYTES,
            avatarSecret: config.authSecret,
            onProgress,
          });
          send ??= startStream(res);
          send({ type: 'summary', summary });
        } catch (err) {
          if (!send) throw err;
          if (!(err instanceof AppError)) logger.error({ err }, 'import failed');
          const error =
            err instanceof AppError
              ? {
                  code: err.code,
                  message: err.message,
                  ...(err.detail ? { detail: err.detail } : {}),
                }
              : { code: 'internal_error', message: 'The import stopped on a fault on our side' };
          send({ type: 'error', error });
        }
        res.end();
      } catch (err) {
        // A refused upload: the rest of the body is not read, so close the connection after answering.
        if (!req.complete) res.setHeader('Connection', 'close');
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
  );

  return router;
}
