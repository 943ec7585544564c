/**
 * `npm run demo`: the Parley server and a demo blog on another origin that
 * embeds it. The blog's site is registered on every start.
 */
import { createApp } from '../server/app.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { saveSite } from '../server/sites/site.service.ts';
import { startBlog } from './blog/blog.server.ts';
import { loadDemoConfig } from './config.ts';

try {
  const config = loadConfig();
  const demo = loadDemoConfig();
  const parley = createApp(config);
  const { port } = await parley.start();
  await saveSite(parley.db, {
    id: demo.siteId,
    name: 'Parley demo blog',
    origins: [new URL(demo.url).origin],
  });
  const blog = await startBlog({
    port: demo.port,
    url: demo.url,
    parleyUrl: config.publicUrl,
    siteId: demo.siteId,
  });
  console.log(`\n  Parley server  ${config.publicUrl}  (port ${port})`);
  console.log(`  Demo blog      ${demo.url}  (port ${blog.port})\n`);
  const shutdown = () => {
    blog.server.close();
    void parley.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
