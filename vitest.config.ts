import { defineConfig } from 'vitest/config';
import { reactToPreact } from './widget/aliases.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: [
            'contract/**/*.test.ts',
            'server/**/*.test.ts',
            'demo/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 20_000,
          // node:sqlite is "experimental" on Node 24 and says so in every
          // worker; npm start and the demo silence it the same way.
          execArgv: ['--disable-warning=ExperimentalWarning'],
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
