/**
 * A gzip body assembled from parts, each compressed on its own: the big
 * parts every reader shares (the thread's JSON and first render, a
 * language's words) are deflated once and kept; the small per-request parts
 * (a form token, the live-updates position) go in as stored, uncompressed
 * deflate blocks. Per request that is a copy and a CRC-32, no compressor.
 *
 * It is one valid deflate stream (RFC 1951): each kept part is deflated with
 * a sync flush, so it ends on a byte boundary after an empty stored block,
 * and refers back only within itself; a stored block may follow anywhere;
 * one empty final block closes the stream. The gzip wrapper (RFC 1952) adds
 * the CRC-32 and length of the whole.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A part deflated once: its deflate blocks, and the CRC-32 and length of what they hold. */
export interface DeflatedPart {
  readonly raw: Buffer;
  readonly deflated: Buffer;
}

/** A body part: text made for this request (sent stored), or one deflated once (deflatePart). */
export type BodyPart = string | DeflatedPart;

/** Deflates `text` once, for any number of bodies (see assembleGzip). */
export function deflatePart(text: string | Buffer): DeflatedPart {
  const raw = typeof text === 'string' ? Buffer.from(text) : text;
  return { raw, deflated: deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }) };
}

// ID1 ID2, deflate, no flags, no mtime, no extra flags, OS unknown.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// BFINAL=1, BTYPE=00 (stored), LEN=0, NLEN=0xffff.
const FINAL_EMPTY_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);
const MAX_STORED = 0xffff;

/** `raw` as stored (uncompressed) deflate blocks, not final. */
function stored(raw: Buffer, into: Buffer[]): void {
  for (let at = 0; at < raw.length; at += MAX_STORED) {
    const chunk = raw.subarray(at, at + MAX_STORED);
    const header = Buffer.alloc(5);
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    into.push(header, chunk);
  }
}

/** The body as one gzip member. */
export function assembleGzip(parts: readonly BodyPart[]): Buffer {
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  for (const part of parts) {
    const raw = typeof part === 'string' ? Buffer.from(part) : part.raw;
    crc = crc32(raw, crc);
    length += raw.length;
    if (typeof part === 'string') stored(raw, out);
    else out.push(part.deflated);
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  out.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(out);
}

/** The body uncompressed (a client that takes no gzip). */
export function assembleIdentity(parts: readonly BodyPart[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p.raw)));
}
