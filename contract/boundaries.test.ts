/**
 * The contract is imported in one direction: server and widget import it, it
 * imports neither, and neither imports the other. And zod stays out of the
 * browser bundles: the widget may only `import type` from a contract module
 * that needs zod at run time (those are named `*.schema.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

interface Import {
  file: string;
  /** Path from the repository root for a relative import, else the bare specifier. */
  target: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const resolveTarget = (spec: string) =>
    spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
  const found: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    found.push({ file, target: resolveTarget(m[3] as string), typeOnly: m[2] !== undefined });
  }
  for (const m of text.matchAll(DYNAMIC)) {
    found.push({ file, target: resolveTarget(m[1] as string), typeOnly: false });
  }
  return found;
}

const inside = (dir: string) => (i: Import) => i.target.startsWith(`${dir}/`);
const describeImport = (i: Import) => `${i.file} -> ${i.target}`;

describe('the contract boundary', () => {
  const contract = sourceFiles('contract').flatMap(importsOf);
  const server = sourceFiles('server').flatMap(importsOf);
  const widget = sourceFiles('widget').flatMap(importsOf);

  it('finds the imports it checks (the scan itself works)', () => {
    expect(server.filter(inside('contract')).length).toBeGreaterThan(10);
    expect(widget.filter(inside('contract')).length).toBeGreaterThan(10);
    expect(contract.some((i) => i.target === 'zod')).toBe(true);
  });

  it('contract imports neither the server nor the widget', () => {
    const outward = contract.filter(
      (i) => i.target.startsWith('.') || /^(server|widget|demo)\//.test(i.target),
    );
    expect(outward.map(describeImport)).toEqual([]);
  });

  it('the server never imports the widget, nor the widget the server', () => {
    expect(server.filter(inside('widget')).map(describeImport)).toEqual([]);
    expect(widget.filter(inside('server')).map(describeImport)).toEqual([]);
  });

  it('only contract modules named *.schema.ts use zod at run time', () => {
    const zodAtRunTime = contract.filter(
      (i) => !i.typeOnly && (i.target === 'zod' || i.target.endsWith('.schema.ts')),
    );
    expect(
      zodAtRunTime
        .filter((i) => !i.file.endsWith('.schema.ts') && !i.file.endsWith('.test.ts'))
        .map(describeImport),
    ).toEqual([]);
  });

  it('the widget takes only types from *.schema.ts modules, and never imports zod', () => {
    // Tests never reach a bundle: one may check the widget against the schemas.
    const offending = widget.filter(
      (i) =>
        !i.typeOnly &&
        !/\.test\.tsx?$/.test(i.file) &&
        (i.target === 'zod' || i.target.endsWith('.schema.ts')),
    );
    expect(offending.map(describeImport)).toEqual([]);
  });
});
