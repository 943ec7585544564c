/**
 * Builds an Isso database the way Isso 0.13 lays it out (isso/db/*.py), so
 * the importer reads a real SQLite file of that shape.
 */
import { DatabaseSync } from 'node:sqlite';

export function writeIssoDatabase(path: string): void {
  const db = new DatabaseSync(path);
  db.exec(`
    CREATE TABLE IF NOT EXISTS preferences (key VARCHAR PRIMARY KEY, value VARCHAR);
    CREATE TABLE IF NOT EXISTS threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
    CREATE TABLE IF NOT EXISTS comments (
      tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
      created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
      text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
      likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
      notification INTEGER DEFAULT 0);
    INSERT INTO preferences VALUES ('session-key', 'c2VjcmV0');
    INSERT INTO threads VALUES (1, '/isso/post/', 'An Isso post');
    INSERT INTO comments VALUES (1, 1, NULL, 1600000000.5, NULL, 1, '203.0.113.0', 'Hello from **Isso**', 'Ivy', 'ivy@example.com', 'https://ivy.example', 0, 0, x'00', 0);
    INSERT INTO comments VALUES (1, 2, 1, 1600000100.0, NULL, 2, '203.0.113.0', 'A reply *waiting*', 'Jon', NULL, NULL, 0, 0, x'00', 0);
    INSERT INTO comments VALUES (1, 3, NULL, 1600000200.0, NULL, 4, '203.0.113.0', '', NULL, NULL, NULL, 0, 0, x'00', 0);
    INSERT INTO comments VALUES (1, 4, 3, 1600000300.0, NULL, 1, '203.0.113.0', 'Under a deleted one', 'Kim', NULL, NULL, 0, 0, x'00', 0);
  `);
  db.close();
}
