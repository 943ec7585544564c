/**
 * The server's SQLite store checkpoints on a worker thread (sqlite.ts): what
 * is committed reaches the database file without the server's own thread
 * running a checkpoint (its automatic one waits for 20,000 pages of WAL).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
  await server.buildSite();
});
afterAll(() => server.stop());

it('copies committed writes from the WAL into the database file in the background', async () => {
  const { database } = server.parley.config;
  if (database.kind !== 'sqlite') throw new Error('a SQLite test');
  const text = `checkpointed-${Date.now()}`;
  const res = await fetch(`${server.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      site: 'blog',
      page: 'a',
      pageUrl: 'https://blog.example/a',
      body: text,
      author: { name: 'Reader', email: 'r@example.com' },
    }),
  });
  expect(res.status).toBe(201);
  // A few pages of WAL: far below any automatic checkpoint of this thread.
  await expect
    .poll(() => readFileSync(database.path).includes(text), { timeout: 5_000 })
    .toBe(true);
});
