/**
 * The bench's store: one page of 1,000 comments, one of 10,000, and a site of
 * 100,000 comments over 1,000 other pages, written straight into a fresh
 * SQLite file in large transactions (through the pipeline it would take
 * minutes and measure the pipeline, which the POST scenario does anyway).
 * A third of the comments are replies, up to four levels deep.
 */
import type { Insertable } from 'kysely';
import { ensureAvatar } from '../server/avatars/avatar.repository.ts';
import { guestAvatar } from '../server/avatars/avatar-source.ts';
import { saveSite } from '../server/sites/site.service.ts';
import type { CommentsTable } from '../server/store/database.ts';
import { createDb, migrateToLatest } from '../server/store/db.ts';
import { newId } from '../server/store/ids.ts';

export const SITE = 'bench';
export const BIG = 'https://bench.example/big'; // 1,000 comments
export const HUGE = 'https://bench.example/huge'; // 10,000 comments
export const otherPage = (i: number) => `https://bench.example/other/${i}`;
export const OTHER_PAGES = 1_000;
/** The server's secret in the bench (avatar keys are keyed with it). */
export const BENCH_AUTH_SECRET = 'bench-secret-bench-secret-bench-secret';
/** The bench's 17 guest readers, their pictures' keys stored as the app stores them when they post. */
const READERS = 17;

const BODY = (i: number) =>
  `Comment ${i}: some **Markdown**, a link https://example.com/${i} and \`code\`.\n\nSecond paragraph.`;
const HTML = (i: number) =>
  `<p>Comment ${i}: some <strong>Markdown</strong>, a link <a href="https://example.com/${i}" rel="nofollow ugc noopener" target="_blank">https://example.com/${i}</a> and <code>code</code>.</p>\n<p>Second paragraph.</p>\n`;

export async function seed(path: string, hostOrigin: string): Promise<void> {
  const db = createDb({ kind: 'sqlite', path });
  await migrateToLatest(db);
  await saveSite(db, {
    id: SITE,
    name: 'Bench',
    origins: [hostOrigin],
    // Publish at once; every check of the pipeline still runs on a POST.
    settings: { moderation: { mode: 'none', minFormSeconds: 0, linkLimit: 10 } },
  });
  const start = Date.parse('2026-01-01T00:00:00Z');
  let n = 0;
  // Without keys the server would compute every row's at start-up (avatar-backfill.ts).
  const avatarKeys: string[] = [];
  for (let reader = 0; reader < READERS; reader++) {
    const source = guestAvatar(
      BENCH_AUTH_SECRET,
      SITE,
      `r${reader}@example.com`,
      `Reader ${reader}`,
    );
    await ensureAvatar(db, source, new Date(start).toISOString());
    avatarKeys.push(source.key);
  }

  async function page(url: string, count: number) {
    const pageId = newId();
    const now = new Date(start).toISOString();
    await db
      .insertInto('pages')
      .values({
        id: pageId,
        site_id: SITE,
        page_key: url,
        url,
        title: 'Bench post',
        created_at: now,
      })
      .execute();
    const recent: { id: string; depth: number; root: string }[] = [];
    const rows: Insertable<CommentsTable>[] = [];
    for (let i = 0; i < count; i++) {
      n++;
      const parent = i % 3 === 2 && recent.length > 0 ? recent[(i * 7) % recent.length] : undefined;
      const depth = parent ? Math.min(parent.depth + 1, 4) : 1;
      const id = newId();
      const attached = parent && parent.depth < 4 ? parent : undefined;
      const root = attached ? attached.root : id;
      const at = new Date(start + n * 1000).toISOString();
      const reader = i % READERS;
      rows.push({
        id,
        site_id: SITE,
        page_id: pageId,
        parent_id: attached ? attached.id : null,
        root_id: root,
        depth: parent && parent.depth < 4 ? depth : 1,
        body_source: BODY(i),
        body_html: HTML(i),
        author_name: `Reader ${reader}`,
        author_email: `r${reader}@example.com`,
        author_url: 'https://reader.example',
        author_provider: 'guest',
        status: 'approved' as const,
        ip: '198.51.100.7',
        user_agent: 'Bench/1',
        created_at: at,
        updated_at: at,
        identity_id: null,
        author_avatar_url: null,
        avatar_key: avatarKeys[reader] ?? null,
        moderation_reasons: null,
      });
      recent.push({ id, depth, root });
      if (recent.length > 50) recent.shift();
    }
    for (let i = 0; i < rows.length; i += 2_000) {
      await db.transaction().execute(async (tx) => {
        for (let j = i; j < Math.min(i + 2_000, rows.length); j += 100) {
          await tx
            .insertInto('comments')
            .values(rows.slice(j, j + 100))
            .execute();
        }
      });
    }
  }

  await page(BIG, 1_000);
  await page(HUGE, 10_000);
  for (let p = 0; p < OTHER_PAGES; p++) await page(otherPage(p), 100);
  await db.destroy();
}
