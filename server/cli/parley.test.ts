import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgram } from './program.ts';
import { runParley } from './test/run-parley.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
const ENV = {
  SQLITE_PATH: join(dir, 'cli.sqlite'),
  PUBLIC_URL: 'https://comments.example.com',
};

/** Runs `npm run parley -- ...args` in process, against a real SQLite file. */
function parley(args: string[], env: Record<string, string> = ENV) {
  return runParley(args, env);
}

/** What a user must never see: internal paths, zod's or Node's own wording, a stack. */
function expectUserWords(text: string) {
  expect(text).not.toMatch(/settings\.|origins\.\d|expected \w+, received|TypeError|ERR_|\n\s+at /);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run parley -- sites', () => {
  it('adds a site and prints the snippet to embed it, from PUBLIC_URL', async () => {
    const r = await parley([
      'sites',
      'add',
      'blog',
      '--origin',
      'https://blog.example/some/path',
      '--name',
      'My blog',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'Added site blog (My blog) for https://blog.example.',
        'Embed it with:',
        '  <div id="parley-thread"></div>',
        '  <script src="https://comments.example.com/embed.js" data-site="blog" async></script>',
        '',
      ].join('\n'),
    );
  });

  it('says what it assumed when PUBLIC_URL is not set', async () => {
    const r = await parley(['sites', 'add', 'blog', '--origin', 'https://blog.example'], {
      SQLITE_PATH: ENV.SQLITE_PATH,
      PORT: '9000',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<script src="http://localhost:9000/embed.js" data-site="blog"');
    expect(r.stdout).toContain('PUBLIC_URL is not set');
  });

  it('lists sites with their origins and settings', async () => {
    await parley([
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
      '--link-limit',
      '4',
      '--privacy-url',
      'https://docs.example/privacy',
    ]);
    const r = await parley(['sites', 'list']);
    expect(r.stdout.trim().split('\n')).toEqual([
      'blog\tMy blog\thttps://blog.example\tdepth=5\tmoderation=first-time',
      'docs\tdocs\thttps://docs.example http://localhost:3000\tdepth=3\tmoderation=none',
    ]);
  });

  it('updates a site in place: origins replaced, its name and other settings kept', async () => {
    const r = await parley(['sites', 'add', 'blog', '--origin', 'https://blog2.example']);
    expect(r.stdout).toContain('Updated site blog (My blog) for https://blog2.example.');
    await parley(['sites', 'add', 'docs', '--origin', 'https://docs2.example']);
    expect((await parley(['sites', 'list'])).stdout.trim().split('\n')).toEqual([
      'blog\tMy blog\thttps://blog2.example\tdepth=5\tmoderation=first-time',
      'docs\tdocs\thttps://docs2.example\tdepth=3\tmoderation=none',
    ]);
  });

  it.each([
    [
      ['sites', 'add', 'x', '--origin', 'javascript:alert(1)'],
      '--origin must be an http(s) origin such as https://blog.example, not "javascript:alert(1)"',
    ],
    [
      ['sites', 'add', 'Bad Id', '--origin', 'https://a.example'],
      'The site id must be lower-case letters, digits and dashes',
    ],
    [['sites', 'add', 'y'], 'sites add needs at least one --origin <url>'],
    [
      ['sites', 'add', 'z', '--origin', 'https://z.example', '--depth', '99'],
      '--depth must be at most 10',
    ],
    [
      ['sites', 'add', 'z', '--origin', 'https://z.example', '--depth', 'deep'],
      '--depth must be a number',
    ],
    [
      ['sites', 'add', 'z', '--origin', 'https://z.example', '--depth', '2.5'],
      '--depth must be a whole number',
    ],
    [
      ['sites', 'add', 'z', '--origin', 'https://z.example', '--min-form-seconds', '-1'],
      '--min-form-seconds must be at least 0',
    ],
    [
      ['sites', 'add', 'z', '--origin', 'https://z.example', '--privacy-url', 'javascript:x'],
      '--privacy-url must be a web address',
    ],
    [
      ['sites', 'add', 'z', '--origin', 'https://z.example', '--moderation', 'sometimes'],
      "option '--moderation <mode>' argument 'sometimes' is invalid. Allowed choices are none, first-time, all.",
    ],
    [
      ['sites', 'add', 'z', '--origin', 'https://z.example', '--colour', 'red'],
      "unknown option '--colour'",
    ],
    [['sites', 'add'], "missing required argument 'id'"],
    [['sites', 'frobnicate', 'x'], "unknown command 'frobnicate'"],
    [['nonsense'], "unknown command 'nonsense'"],
  ])('refuses %j in the user’s words, with exit code 2', async (args, message) => {
    const r = await parley(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expectUserWords(r.stderr);
    expect((await parley(['sites', 'list'])).stdout.trim().split('\n')).toHaveLength(2);
  });

  it('answers exit code 1 when there is nothing by that name', async () => {
    const r = await parley(['sites', 'remove', 'nope']);
    expect(r).toMatchObject({ code: 1, stderr: 'No site with id "nope".\n' });
  });

  it('removes a site', async () => {
    expect((await parley(['sites', 'remove', 'docs'])).stdout).toContain('Removed site docs');
    expect((await parley(['sites', 'list'])).stdout).not.toContain('docs');
  });
});

describe('npm run parley -- admins', () => {
  it('gives someone the dashboard of a site, with a generated password shown once', async () => {
    const added = await parley(['admins', 'add', 'Owner@Blog.example', '--site', 'blog']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^Created Owner@Blog\.example as owner of blog\. Password \(shown once\): [A-Za-z0-9_-]{24}\n$/,
    );
    const again = await parley([
      'admins',
      'add',
      'owner@blog.example',
      '--site',
      'blog',
      '--role',
      'moderator',
    ]);
    expect(again.stdout).toBe('owner@blog.example is now moderator of blog.\n');
    expect((await parley(['admins', 'list'])).stdout).toBe('owner@blog.example\tblog\tmoderator\n');
  });

  it('refuses what it cannot do, in the user’s words', async () => {
    const short = await parley([
      'admins',
      'add',
      'new@blog.example',
      '--site',
      'blog',
      '--password',
      'short',
    ]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const noSite = await parley(['admins', 'add', 'x@y.example', '--site', 'nope']);
    expect(noSite.code).toBe(1);
    expect(noSite.stderr).toMatch(/No site with id "nope"/);
    const missing = await parley(['admins', 'add', 'x@y.example']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--site <id>' not specified");
    const role = await parley(['admins', 'add', 'x@y.example', '--site', 'blog', '--role', 'god']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('Allowed choices are owner, moderator.');
    for (const r of [short, noSite, missing, role]) expectUserWords(r.stderr);
  });

  it('removes an admin, and says so when there is none', async () => {
    expect((await parley(['admins', 'remove', 'owner@blog.example'])).stdout).toBe(
      'Removed owner@blog.example.\n',
    );
    expect((await parley(['admins', 'list'])).stdout).toMatch(/No admins yet/);
    expect((await parley(['admins', 'remove', 'owner@blog.example'])).code).toBe(1);
  });
});

describe('npm run parley -- help', () => {
  /** Every command of the program, as the words to type: ['sites'], ['sites', 'add'], … */
  function commandPaths(command: Command, prefix: string[] = []): string[][] {
    return command.commands.flatMap((c) => [
      [...prefix, c.name()],
      ...commandPaths(c, [...prefix, c.name()]),
    ]);
  }
  const paths = commandPaths(createProgram({ env: {}, stdout() {}, stderr() {} }));

  it('knows the commands of today', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        ['sites', 'add'],
        ['sites', 'list'],
        ['sites', 'remove'],
        ['admins', 'add'],
        ['admins', 'list'],
        ['admins', 'remove'],
        ['import'],
        ['export'],
        ['backup'],
      ]),
    );
  });

  it('shows the commands and exit codes with no arguments, help or --help', async () => {
    for (const args of [[], ['help'], ['--help']]) {
      const r = await parley(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: npm run parley -- [options] [command]');
      expect(r.stdout).toMatch(/sites\s+register the sites/);
      expect(r.stdout).toMatch(/admins\s+who may use the dashboard/);
    }
    expect((await parley([])).stdout).toContain('2  wrong usage');
  });

  it('has help for every command, even with a broken environment', async () => {
    for (const path of paths) {
      const r = await parley([...path, '--help'], { PORT: 'not a port' });
      expect(r.code, path.join(' ')).toBe(0);
      expect(r.stdout).toContain(`Usage: npm run parley -- ${path.join(' ')}`);
      expect(r.stderr).toBe('');
    }
    const add = await parley(['sites', 'add', '--help']);
    for (const flag of [
      '--origin <url>',
      '--name',
      '--depth',
      '--moderation',
      '--min-form-seconds',
      '--link-limit',
      '--privacy-url',
    ]) {
      expect(add.stdout).toContain(flag);
    }
  });

  it('names a bad environment variable, with exit code 1', async () => {
    const r = await parley(['sites', 'list'], { SQLITE_PATH: ENV.SQLITE_PATH, PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Invalid configuration:\n\s+PORT/);
  });
});

// Each run starts a Node process (a few seconds each on a loaded machine).
describe('the parley process', { timeout: 60_000 }, () => {
  const run = promisify(execFile);
  /** The real entry point, as `npm run parley --` starts it. */
  async function parleyProcess(...args: string[]) {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--disable-warning=ExperimentalWarning', 'server/cli/parley.ts', ...args],
        { env: { ...process.env, ...ENV } },
      );
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('answers sites add --help (it used to crash) and exits with the codes documented', async () => {
    const [help, wrong, missing, listed] = await Promise.all([
      parleyProcess('sites', 'add', '--help'),
      parleyProcess('sites', 'add', 'x', '--origin', 'ftp://x.example'),
      parleyProcess('sites', 'remove', 'nope'),
      parleyProcess('sites', 'list'),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run parley -- sites add [options] <id>');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--origin must be an http(s) origin');
    expect(missing.code).toBe(1);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('blog\tMy blog');
  });
});
