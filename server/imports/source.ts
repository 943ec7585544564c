/**
 * Reads an import file as text, chunk by chunk (never whole), gunzipping it
 * when it starts with gzip's magic bytes (Remark42 backups are .gz), and
 * refusing it once it passes the size limit, compressed or not.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors.ts';
import type { ReadLimits } from './import.types.ts';

/** 64 KiB: a few comments per chunk, so the items of one chunk stay few. */
const CHUNK_BYTES = 64 * 1024;

export function tooLarge(limit: number): AppError {
  const mb = Math.round(limit / (1024 * 1024));
  return new AppError(
    413,
    'import_too_large',
    `The import file is larger than the ${mb} MB limit`,
  ).withDetail({ code: 'tooLarge', params: { limitMb: Math.round(limit / 104857.6) / 10 } });
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The file's text in chunks of at most ~64 KiB, UTF-8 decoded across chunk edges. */
export async function* readTextChunks(path: string, limits: ReadLimits): AsyncGenerator<string> {
  const info = await stat(path);
  if (info.size > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const stream = (await isGzip(path)) ? file.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : file;
  const decoder = new StringDecoder('utf8');
  let total = 0;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      // A small gzip can expand to gigabytes: count what comes out.
      if (total > limits.maxBytes) throw tooLarge(limits.maxBytes);
      let text = decoder.write(chunk);
      // A byte-order mark is not part of the content.
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('Z_')) {
      throw new AppError(
        422,
        'malformed_import',
        `The file is not valid gzip: ${err.message}`,
      ).withDetail({ code: 'notGzip', params: { error: err.message } });
    }
    throw err;
  } finally {
    file.destroy();
  }
}

/** The file's lines, one at a time (Remark42 backups are one JSON document per line). */
export async function* readLines(
  path: string,
  limits: ReadLimits,
): AsyncGenerator<{ line: string; number: number }> {
  let pending = '';
  let number = 0;
  for await (const chunk of readTextChunks(path, limits)) {
    pending += chunk;
    let at = pending.indexOf('\n');
    while (at >= 0) {
      number++;
      yield { line: pending.slice(0, at).replace(/\r$/, ''), number };
      pending = pending.slice(at + 1);
      at = pending.indexOf('\n');
    }
  }
  if (pending.trim()) yield { line: pending, number: number + 1 };
}
