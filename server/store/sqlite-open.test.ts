/**
 * Opening the store while another process holds its lock (the server and the
 * CLI starting at once, or several processes on a first start): the opener
 * waits for the busy timeout instead of failing with "database is locked".
 * The busy timeout must be in force before the first statement that takes a
 * lock (the switch to WAL), or that statement fails at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { afterAll, expect, it } from 'vitest';
import { openSqlite } from './sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-sqlite-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Another connection (as another process would) holds an exclusive lock for 300 ms.
const HOLDER = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
db.exec('BEGIN EXCLUSIVE');
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
db.exec('COMMIT');
db.close();
`;

it('waits for a lock another process holds while it opens the store, instead of failing', async () => {
  const path = join(dir, 'parley.sqlite');
  // A store not yet in WAL mode (as a new file is): the switch needs the lock.
  const plain = new DatabaseSync(path);
  plain.exec('CREATE TABLE t (x)');
  plain.close();
  const holder = new Worker(HOLDER, { eval: true, workerData: { path } });
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  await new Promise((resolve) => holder.once('message', resolve));
  const db = openSqlite(path);
  try {
    const [mode] = db.prepare('PRAGMA journal_mode').all([]) as { journal_mode: string }[];
    expect(mode?.journal_mode).toBe('wal');
  } finally {
    db.close();
    await exited;
  }
});
