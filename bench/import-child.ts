/**
 * The measured side of `npm run bench:import`: imports the file into the
 * store SQLITE_PATH names, as the CLI does, and prints one JSON line with the
 * summary and this process's peak resident memory.
 */
import { loadConfig } from '../server/config.ts';
import { importComments } from '../server/imports/import.service.ts';
import { createDb, migrateToLatest } from '../server/store/db.ts';

const file = process.argv[2] as string;
const config = loadConfig(process.env);
const db = createDb(config.database);
await migrateToLatest(db);
const summary = await importComments(db, { siteId: 'bench', format: 'wxr', path: file });
await db.destroy();
// maxRSS is in kilobytes: the high-water mark over the whole run, not a sample.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ peakRssMb, imported: summary.imported, skipped: summary.skipped }));
