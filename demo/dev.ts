/**
 * `npm run dev`: the demo as `npm run demo` starts it (Parley, the demo blog,
 * the sandbox sign-in providers), except that the thread app and the
 * dashboard come from Vite's dev server instead of the build: edit a
 * component or a stylesheet under widget/ and the open thread or dashboard
 * changes in place (hot module replacement, React Fast Refresh), no reload.
 *
 * The dev server runs the widget on React itself (vite.config.ts): its
 * warnings and Fast Refresh are React's, and the tests prove every component
 * on both runtimes. embed.js runs on the host page, outside the dev server's
 * reach, so it is built once at the start as usual.
 */
import { createBuilder, createServer } from 'vite';
import { loadConfig } from '../server/config.ts';
import { loadDemoConfig } from './config.ts';

const demo = loadDemoConfig();
const parleyOrigin = new URL(loadConfig().publicUrl).origin;
const devUrl = `http://127.0.0.1:${demo.devServerPort}`;

// embed.js goes to a directory of its own, not the build's dist/widget: a
// server started from the build at the same moment (npm run demo, a test's
// own Parley) would otherwise read the loader while this rewrites it.
const loaderDir = 'dist/dev-widget';
const nodeEnv = process.env.NODE_ENV;
const builder = await createBuilder({
  logLevel: 'warn',
  environments: {
    embed: { build: { outDir: loaderDir } },
    diagnose: { build: { outDir: loaderDir } },
  },
});
// embed.js and the diagnostics it imports for a frame that shows no thread.
for (const name of ['embed', 'diagnose']) {
  const environment = builder.environments[name];
  if (!environment) throw new Error(`vite.config.ts defines no ${name} environment`);
  await builder.build(environment);
}
// A build sets NODE_ENV=production for the process, which would turn the dev
// server into a production one (no Fast Refresh, production JSX).
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;

const vite = await createServer({
  server: {
    host: '127.0.0.1',
    port: demo.devServerPort,
    strictPort: true,
    // Modules are requested by pages on Parley's origin (the frame, /admin).
    origin: devUrl,
    cors: { origin: parleyOrigin },
  },
  // Scan both apps up front: discovering a dependency on first load would
  // make Vite reload the page once it has optimised it.
  optimizeDeps: { entries: ['widget/thread/main.tsx', 'widget/admin/main.tsx'] },
});
await vite.listen();
console.log(`\n  Vite dev server ${devUrl}  (the thread app and the dashboard, with HMR)`);

// Parley reads it like any setting (server/config.ts): its pages load the apps from there.
process.env.DEV_SERVER_URL = devUrl;
process.env.WIDGET_DIR = loaderDir;
await import('./main.ts');
