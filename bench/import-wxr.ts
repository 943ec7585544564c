/**
 * `npm run bench:import [-- <MB>]`: generates a WordPress export of the given
 * size (default 200 MB: posts with long bodies, threaded comments with HTML,
 * some pingbacks), imports it into a fresh SQLite store with the real CLI in a
 * child process, and reports the child's peak resident memory (its `maxRSS`)
 * and throughput. Exits non-zero when the peak passes the 200 MB budget of
 * issue 12. Not a test: a figure to read, on a machine as quiet as you can.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

const BUDGET_MB = 200;
const targetMb = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-import-'));
const file = join(dir, 'wordpress.xml');
const store = join(dir, 'bench.sqlite');

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ';

function comment(id: number, parent: number, postId: number, kind: string): string {
  const minute = String(id % 60).padStart(2, '0');
  return `
		<wp:comment>
			<wp:comment_id>${id}</wp:comment_id>
			<wp:comment_author><![CDATA[Reader ${id % 97}]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[reader${id % 97}@example.com]]></wp:comment_author_email>
			<wp:comment_author_url>https://reader${id % 97}.example/</wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[203.0.113.${id % 250}]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[2019-03-04 05:${minute}:00]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[2019-03-04 05:${minute}:00]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[<p>Comment ${id} on post ${postId}: <strong>${LOREM}</strong></p>
<p>${LOREM.repeat(3)} <a href="https://example.com/${id}">a link</a> &amp; <em>more</em>.</p>]]></wp:comment_content>
			<wp:comment_approved><![CDATA[${id % 11 === 0 ? '0' : '1'}]]></wp:comment_approved>
			<wp:comment_type><![CDATA[${kind}]]></wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>`;
}

/** Writes posts until the file reaches `targetMb`; returns how many comments it holds. */
async function generate(): Promise<{ comments: number; pingbacks: number }> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
	<title>Bench blog</title>
	<link>https://bench.example</link>
	<wp:wxr_version>1.2</wp:wxr_version>
`);
  const target = targetMb * 1024 * 1024;
  let written = 0;
  let id = 0;
  let comments = 0;
  let pingbacks = 0;
  for (let post = 1; written < target; post++) {
    const parts = [
      `	<item>
		<title><![CDATA[Post ${post}]]></title>
		<link>https://bench.example/${post}/</link>
		<content:encoded><![CDATA[${`<p>${LOREM.repeat(8)}</p>\n`.repeat(10)}]]></content:encoded>
		<wp:post_id>${post}</wp:post_id>
		<wp:post_type><![CDATA[post]]></wp:post_type>`,
    ];
    // 40 comments a post: every third replies to the one before (threads 3 deep).
    const first = id + 1;
    for (let i = 0; i < 40; i++) {
      id++;
      const kind = i === 39 ? 'pingback' : 'comment';
      const parent = i % 3 === 0 || kind !== 'comment' ? 0 : id - 1;
      parts.push(comment(id, parent > first - 1 ? parent : 0, post, kind));
      if (kind === 'comment') comments++;
      else pingbacks++;
    }
    parts.push('\n\t</item>\n');
    const text = parts.join('');
    written += Buffer.byteLength(text);
    await write(text);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return { comments, pingbacks };
}

const run = promisify(execFile);
// The child runs with the Node flags `npm run parley` uses, so the figure is the CLI's.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { parley: string } };
const CLI_FLAGS = pkg.scripts.parley.split(' ').filter((word) => word.startsWith('--'));
const node = (args: string[]) =>
  run(process.execPath, [...CLI_FLAGS, ...args], {
    env: { ...process.env, SQLITE_PATH: store, LOG_LEVEL: 'silent' },
    maxBuffer: 64 * 1024 * 1024,
  });

try {
  const made = await generate();
  const mb = statSync(file).size / 1024 / 1024;
  console.log(
    `Generated ${mb.toFixed(0)} MB of WXR: ${made.comments} comments, ${made.pingbacks} pingbacks.`,
  );
  await node([
    'server/cli/parley.ts',
    'sites',
    'add',
    'bench',
    '--origin',
    'https://bench.example',
  ]);
  const started = performance.now();
  const { stdout } = await node(['bench/import-child.ts', file]);
  const seconds = (performance.now() - started) / 1000;
  const result = JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
    peakRssMb: number;
    imported: number;
    skipped: Record<string, number>;
  };
  console.log(
    `Imported ${result.imported} comments in ${seconds.toFixed(0)} s (${Math.round(result.imported / seconds)}/s), skipped ${JSON.stringify(result.skipped)}.`,
  );
  console.log(
    `Peak RSS of the import: ${result.peakRssMb.toFixed(0)} MB (budget ${BUDGET_MB} MB).`,
  );
  if (result.imported !== made.comments) {
    console.error(`Expected ${made.comments} comments imported.`);
    process.exitCode = 1;
  }
  if (result.peakRssMb > BUDGET_MB) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
