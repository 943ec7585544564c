/**
 * Which UI runtime the current widget test project renders with: real React
 * 19, or Preact behind React's API as shipped (projects in vite.config.ts).
 */
export type Runtime = 'react' | 'preact';

const value = process.env.PARLEY_TEST_RUNTIME;
if (value !== 'react' && value !== 'preact') {
  throw new Error('Widget tests run in a project of vite.config.ts (PARLEY_TEST_RUNTIME unset)');
}

export const RUNTIME: Runtime = value;
