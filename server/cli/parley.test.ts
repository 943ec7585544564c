import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
const env = {
  ...process.env,
  SQLITE_PATH: join(dir, 'cli.sqlite'),
  PUBLIC_URL: 'https://comments.example.com',
};

/** Runs `npm run parley -- ...args` the way a site owner would (without npm's banner). */
async function parley(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', 'server/cli/parley.ts', ...args],
      { env },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each test starts several Node processes; on a loaded machine (the test run
// shares its two cores) that alone can pass the default 20 s.
describe('npm run parley -- sites', { timeout: 60_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a site and prints the snippet to embed it', async () => {
    const r = await parley(
      'sites',
      'add',
      'blog',
      '--origin',
      'https://blog.example/some/path',
      '--name',
      'My blog',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Saved site blog (My blog) for https://blog.example.');
    expect(r.stdout).toContain(
      '<script src="https://comments.example.com/embed.js" data-site="blog" async></script>',
    );
  });

  it('lists sites with their origins and settings', async () => {
    await parley(
      'sites',
      'add',
      'docs',
      '--origin',
      'https://docs.example',
      '--origin',
      'http://localhost:3000',
      '--depth',
      '3',
      '--moderation',
      'none',
      '--min-form-seconds',
      '0',
    );
    const r = await parley('sites', 'list');
    expect(r.stdout.trim().split('\n')).toEqual([
      'blog\tMy blog\thttps://blog.example\tdepth=5\tmoderation=first-time',
      'docs\tdocs\thttps://docs.example http://localhost:3000\tdepth=3\tmoderation=none',
    ]);
  });

  it('updates a site in place, keeping settings not given', async () => {
    await parley('sites', 'add', 'docs', '--origin', 'https://docs2.example');
    expect((await parley('sites', 'list')).stdout).toContain(
      'docs\tdocs\thttps://docs2.example\tdepth=3\tmoderation=none',
    );
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const cases = [
      [['sites', 'add', 'x', '--origin', 'javascript:alert(1)'], /must be an http\(s\) origin/],
      [['sites', 'add', 'Bad Id', '--origin', 'https://a.example'], /lower-case letters/],
      [['sites', 'add', 'y'], /at least one --origin/],
      [['sites', 'add', 'z', '--origin', 'https://z.example', '--depth', '99'], /maxDepth/],
      [['sites', 'remove', 'nope'], /No site with id "nope"/],
      [['sites', 'frobnicate', 'x'], /Unknown command/],
    ] as const;
    for (const [args, message] of cases) {
      const r = await parley(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect((await parley('sites', 'list')).stdout.trim().split('\n')).toHaveLength(2);
  });

  it('removes a site', async () => {
    expect((await parley('sites', 'remove', 'docs')).stdout).toContain('Removed site docs');
    expect((await parley('sites', 'list')).stdout).not.toContain('docs');
  });

  it('gives someone the dashboard of a site, with a generated password shown once', async () => {
    const added = await parley('admins', 'add', 'Owner@Blog.example', '--site', 'blog');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^Created Owner@Blog\.example as owner of blog\. Password \(shown once\): [A-Za-z0-9_-]{24}\n$/,
    );
    const again = await parley(
      'admins',
      'add',
      'owner@blog.example',
      '--site',
      'blog',
      '--role',
      'moderator',
    );
    expect(again.stdout).toBe('owner@blog.example is now moderator of blog.\n');
    expect((await parley('admins', 'list')).stdout).toBe('owner@blog.example\tblog\tmoderator\n');
    const short = await parley(
      'admins',
      'add',
      'new@blog.example',
      '--site',
      'blog',
      '--password',
      'short',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    expect((await parley('admins', 'add', 'x@y.example', '--site', 'nope')).stderr).toMatch(
      /No site with id "nope"/,
    );
    expect((await parley('admins', 'remove', 'owner@blog.example')).stdout).toContain('Removed');
    expect((await parley('admins', 'list')).stdout).toMatch(/No admins yet/);
  });

  it('prints usage for help and for unknown groups', async () => {
    expect((await parley('help')).stdout).toContain('Usage: npm run parley');
    expect((await parley('nonsense')).code).toBe(2);
  });
});
