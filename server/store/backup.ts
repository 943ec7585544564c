/**
 * A consistent copy of a live SQLite store through SQLite's online backup
 * API (node:sqlite's `backup()`), not a file copy: a copy of the file while
 * the server writes could catch half a transaction, or miss what is still
 * in the write-ahead log.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { AppError } from '../errors.ts';

export interface BackupResult {
  path: string;
  pages: number;
}

/**
 * Copies the store at `sourcePath` to `targetPath` (which must not exist).
 * All pages are copied in one step, under one read snapshot: in WAL mode
 * that doesn't block the server's writers, and a write from another
 * connection can't make the copy start over, as it would page by page.
 */
export async function backupSqlite(sourcePath: string, targetPath: string): Promise<BackupResult> {
  const target = resolve(targetPath);
  if (target === resolve(sourcePath)) {
    throw new AppError(400, 'invalid_body', 'The backup file must not be the store itself');
  }
  if (existsSync(target)) {
    throw new AppError(400, 'invalid_body', `${targetPath} exists already: name a new file`);
  }
  if (!existsSync(sourcePath)) {
    throw new AppError(404, 'not_found', `There is no store at ${sourcePath} (SQLITE_PATH)`);
  }
  // Written under another name first, so a file with the backup's name is always a whole backup.
  const partial = `${target}.partial`;
  const source = new DatabaseSync(sourcePath, { readOnly: true });
  try {
    const pages = await backup(source, partial, { rate: -1 });
    const copy = new DatabaseSync(partial, { readOnly: true });
    try {
      const check = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
      if (check.integrity_check !== 'ok')
        throw new Error(`the copy is damaged: ${check.integrity_check}`);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { path: target, pages };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
}
