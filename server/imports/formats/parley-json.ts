/**
 * Parley's own JSON export (server/exports/parley-export.schema.ts), so a
 * site can move between Parley installations. A JSON document is parsed
 * whole, so this reader holds the file in memory (the size limit applies);
 * comments are checked one by one, so one bad comment is refused, not the file.
 */
import { ExportedComment, ParleyExport } from '../../exports/parley-export.schema.ts';
import type { ReadLimits, SourceItem } from '../import.types.ts';
import { readTextChunks } from '../source.ts';
import { malformed } from '../xml-stream.ts';

export async function* readParleyJson(
  path: string,
  limits: ReadLimits,
): AsyncGenerator<SourceItem> {
  const chunks: string[] = [];
  for await (const chunk of readTextChunks(path, limits)) chunks.push(chunk);
  let json: unknown;
  try {
    json = JSON.parse(chunks.join(''));
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    throw malformed({ code: 'notJson', params: { error } }, `The file is not JSON: ${error}`);
  }
  chunks.length = 0;
  const parsed = ParleyExport.safeParse(json);
  if (!parsed.success) {
    throw malformed(
      { code: 'notFormat', params: { format: 'parley' } },
      'This is not a Parley export (version 1): its header, pages or comments are missing',
    );
  }
  const pages = new Map(parsed.data.pages.map((p) => [p.key, p]));
  for (const [index, raw] of parsed.data.comments.entries()) {
    const c = ExportedComment.safeParse(raw);
    if (!c.success) {
      yield { kind: 'refuse', sourceId: `#${index + 1}`, code: 'notAComment', params: {} };
      continue;
    }
    const comment = c.data;
    const page = pages.get(comment.pageKey);
    if (!page) {
      yield {
        kind: 'refuse',
        sourceId: comment.id,
        code: 'unknownPage',
        params: { page: comment.pageKey },
      };
      continue;
    }
    yield {
      kind: 'comment',
      comment: {
        sourceId: comment.id,
        parentSourceId: comment.parentId,
        page: { url: page.url, title: page.title, key: page.key },
        author: {
          name: comment.author.name,
          email: comment.author.email,
          url: comment.author.url,
          ip: comment.ip,
        },
        body: { markdown: comment.source },
        status: comment.status,
        createdAt: comment.createdAt,
        deleted: comment.deletedAt !== null,
        parley: {
          updatedAt: comment.updatedAt,
          editedAt: comment.editedAt,
          deletedAt: comment.deletedAt,
          userAgent: comment.userAgent,
          provider: comment.author.provider,
          avatarUrl: comment.author.avatarUrl,
          anonymous: comment.author.anonymous === true,
        },
      },
    };
  }
}
