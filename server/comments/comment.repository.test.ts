import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFewRows } from '../events/transaction.ts';
import { ensurePage } from '../pages/page.repository.ts';
import type { NewComment } from '../store/database.ts';
import { newId } from '../store/ids.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { findComment, insertComment } from './comment.repository.ts';

describe.each(DIALECTS)('storing a comment on %s', (dialect) => {
  let server: TestServer;
  let pageId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
    const page = await ensurePage(server.parley.db, {
      siteId: 'blog',
      pageKey: 'stored-rows',
      url: 'https://blog.example/p',
      title: 'P',
    });
    pageId = page.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const now = new Date().toISOString();
  /** What a guest's post stores: only the columns the insert must be given. */
  const bare = (): NewComment => {
    const id = newId();
    return {
      id,
      site_id: 'blog',
      page_id: pageId,
      root_id: id,
      depth: 1,
      body_source: 'Hello',
      body_html: '<p>Hello</p>',
      author_name: 'Guest',
      author_provider: 'guest',
      created_at: now,
      updated_at: now,
    };
  };

  it('returns the row exactly as stored, every column given or left to its default', async () => {
    const parent = bare();
    const full: NewComment = {
      ...bare(),
      parent_id: parent.id,
      root_id: parent.id,
      depth: 2,
      author_email: 'guest@example.com',
      author_url: 'https://guest.example',
      author_anonymous: 1,
      status: 'pending',
      ip: '203.0.113.9',
      user_agent: 'Browser/1.0',
      author_avatar_url: 'https://avatars.example/g.png',
      moderation_reasons: '[{"check":"links"}]',
      author_key_hash: 'k'.repeat(43),
      edited_at: now,
      deleted_at: now,
      avatar_key: 'a'.repeat(12),
    };
    // A lone surrogate (valid in JSON) is stored as U+FFFD by both dialects;
    // U+0000 is refused by PostgreSQL and cuts node:sqlite's read short.
    const oddText: NewComment = {
      ...bare(),
      body_source: 'half \ud800 and a \u0000 nul',
      author_name: 'R\udc00',
      user_agent: 'UA\u0000',
    };
    for (const comment of [parent, full, oddText]) {
      const returned = await writeFewRows(server.parley.db, (tx) => insertComment(tx, comment));
      const stored = await findComment(server.parley.db, comment.id);
      expect(Object.keys(returned).sort()).toEqual(Object.keys(stored ?? {}).sort());
      expect(returned).toEqual({ ...stored });
    }
  });
});
