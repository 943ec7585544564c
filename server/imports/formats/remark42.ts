/**
 * Remark42's backup (`export` or its daily backups, usually gzipped): one
 * JSON document per line; the first holds users and posts metadata, every
 * other line is a comment. `orig` is the Markdown the reader typed (kept by
 * newer versions); `text` is Remark42's rendered HTML. Remark42 only keeps a
 * hash of the IP, so no IP is imported.
 */
import { z } from 'zod';
import type { ReadLimits, SourceItem } from '../import.types.ts';
import { readLines } from '../source.ts';
import { malformed } from '../xml-stream.ts';
import { isoFromUtc } from './dates.ts';

const Remark42Comment = z.object({
  id: z.string().min(1),
  pid: z.string().optional().default(''),
  text: z.string().optional().default(''),
  orig: z.string().optional(),
  user: z
    .object({ name: z.string().optional().default(''), id: z.string().optional() })
    .optional()
    .default({ name: '' }),
  locator: z.object({ url: z.string() }),
  time: z.string(),
  delete: z.boolean().optional().default(false),
  title: z.string().optional().default(''),
});

export async function* readRemark42(path: string, limits: ReadLimits): AsyncGenerator<SourceItem> {
  let sawAny = false;
  for await (const { line, number } of readLines(path, limits)) {
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw malformed(
        { code: 'badLine', params: { line: number } },
        `Line ${number} of the Remark42 backup is not JSON`,
      );
    }
    // The first line is the backup's header (users, posts): not a comment.
    if (number === 1 && json && typeof json === 'object' && 'version' in json) {
      sawAny = true;
      continue;
    }
    const parsed = Remark42Comment.safeParse(json);
    if (!parsed.success) {
      throw malformed(
        { code: 'badLine', params: { line: number } },
        `Line ${number} of the Remark42 backup is not a Remark42 comment`,
      );
    }
    sawAny = true;
    const c = parsed.data;
    const createdAt = isoFromUtc(c.time);
    if (!createdAt) {
      yield { kind: 'refuse', sourceId: c.id, code: 'noDate', params: {} };
      continue;
    }
    yield {
      kind: 'comment',
      comment: {
        sourceId: c.id,
        parentSourceId: c.pid || null,
        page: { url: c.locator.url, title: c.title },
        author: { name: c.user.name, email: null, url: null, ip: null },
        body: c.orig ? { markdown: c.orig } : { html: c.text },
        status: 'approved',
        createdAt,
        deleted: c.delete,
      },
    };
  }
  if (!sawAny) throw malformed({ code: 'empty', params: {} }, 'The Remark42 backup is empty');
}
