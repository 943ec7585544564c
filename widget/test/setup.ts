/**
 * Runs before every widget test file, on both runtimes. React reports misuse
 * (missing keys, updates outside act, bad props, hook order) on console.error
 * and carries on; here that fails the test, so a component that only works by
 * luck on one runtime doesn't pass quietly.
 */
import { format } from 'node:util';
import { afterEach, beforeEach, expect } from 'vitest';

// jsdom (not the browsers we ship to) doesn't know the <search> element yet.
const JSDOM_GAPS = [/^The tag <search> is unrecognized in this browser/];

const original = console.error;
let errors: string[] = [];

beforeEach(() => {
  errors = [];
  // Assigned, not vi.spyOn: tests that restore all mocks must not unhook it.
  console.error = (...args: unknown[]) => {
    const text = format(...args);
    if (!JSDOM_GAPS.some((gap) => gap.test(text))) errors.push(text);
  };
});

afterEach(() => {
  console.error = original;
  expect(errors, 'console.error during the test').toEqual([]);
});
