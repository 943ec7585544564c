// @vitest-environment node
// `npm pack` here makes a package a React site can install: the files it
// ships, its code run from the tarball, its types checked by a consumer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'parley-react-pack-'));
const installed = join(tmp, 'node_modules/@parley/react');

interface PackResult {
  filename: string;
  files: { path: string }[];
}
let packed: PackResult;

beforeAll(() => {
  // Lifecycle output (prepack's build) goes to stderr; stdout is npm's JSON.
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], {
    cwd: here,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  packed = (JSON.parse(out.slice(out.indexOf('['))) as PackResult[])[0] as PackResult;
  // Installed as a site would have it: the tarball, beside the site's own React.
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', [
    '-xzf',
    join(tmp, packed.filename),
    '-C',
    installed,
    '--strip-components=1',
  ]);
  for (const dep of ['react', 'react-dom', '@types/react']) {
    mkdirSync(dirname(join(tmp, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), join(tmp, 'node_modules', dep));
  }
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }');
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('@parley/react as packed', () => {
  it('ships the built code, its types, the README and package.json only', () => {
    expect(packed.files.map((file) => file.path).sort()).toEqual([
      'README.md',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ]);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(pkg.peerDependencies).toEqual({ react: '>=18' });
    expect(pkg.dependencies).toBeUndefined();
  });

  it('is a client module that imports nothing but React (the loader is bundled in)', () => {
    const code = readFileSync(join(installed, 'dist/index.js'), 'utf8');
    expect(code.startsWith("'use client';") || code.startsWith('"use client";')).toBe(true);
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['react', 'react/jsx-runtime']);
    expect(code).toContain('embed/thread');
  });

  it('renders from the tarball on the server, without a window', { timeout: 30_000 }, () => {
    writeFileSync(
      join(tmp, 'render.js'),
      `import { createElement } from 'react';
       import { renderToString } from 'react-dom/server';
       import { ParleyComments } from '@parley/react';
       process.stdout.write(renderToString(createElement(ParleyComments, { server: 'https://c.example', site: 'blog' })));`,
    );
    const html = execFileSync(process.execPath, [join(tmp, 'render.js')], {
      cwd: tmp,
      encoding: 'utf8',
    });
    expect(html).toBe('<div data-parley-comments=""></div>');
  });

  it("gives a TypeScript consumer the props' types", () => {
    writeFileSync(
      join(tmp, 'consumer.tsx'),
      `import { ParleyComments, type ParleyCommentsProps } from '@parley/react';
       const props: ParleyCommentsProps = { server: 'https://c.example', site: 'blog', theme: 'dark' };
       export const ok = <ParleyComments {...props} pageId="a" pageUrl="/a" pageTitle="A" lang="en" />;
       // @ts-expect-error: server is required
       export const missing = <ParleyComments site="blog" />;
       // @ts-expect-error: not a theme
       export const wrong = <ParleyComments server="s" site="blog" theme="blue" />;`,
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--jsx', 'react-jsx', '--module', 'nodenext'];
    execFileSync(process.execPath, [tsc, ...args, 'consumer.tsx'], { cwd: tmp, encoding: 'utf8' });
  }, 60_000);
});
