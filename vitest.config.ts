import { defineConfig } from 'vitest/config';
import { reactToPreact } from './widget/aliases.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['contract/**/*.test.ts', 'server/**/*.test.ts', 'demo/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias: reactToPreact },
        test: {
          name: 'widget',
          environment: 'jsdom',
          include: ['widget/**/*.test.ts', 'widget/**/*.test.tsx'],
        },
      },
    ],
  },
});
