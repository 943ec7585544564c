/**
 * `npm run demo`: the Parley server and a demo blog on another origin that
 * embeds it. The blog's site is created on the first start (demo/site.ts).
 */
import { createApp } from '../server/app.ts';
import { resolveConfig } from '../server/config.resolve.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { startBlog } from './blog/blog.server.ts';
import { loadDemoConfig } from './config.ts';
import { readableLog } from './log.ts';
import { startSandboxes } from './sandbox/server.ts';
import { ensureDemoSite } from './site.ts';

const REAL_CREDENTIALS = [
  'WORDPRESS_CLIENT_ID',
  'TWITTER_CONSUMER_KEY',
  'FACEBOOK_APP_ID',
] as const;

try {
  const demo = loadDemoConfig();
  // With no real provider credentials, sign-in goes to the sandbox providers,
  // which speak each provider's protocol with sample users.
  const useSandboxes = REAL_CREDENTIALS.every((name) => !process.env[name]);
  const sandboxes = useSandboxes
    ? await startSandboxes({
        port: demo.sandboxPort,
        parleyUrl: loadConfig().publicUrl,
        tls: demo.sandboxTls,
      })
    : undefined;
  const config = await resolveConfig(loadConfig({ ...process.env, ...sandboxes?.env }));
  const parley = createApp(config, { logDestination: readableLog() });
  const { port } = await parley.start();
  // Created on the first start; afterwards the owner's changes are kept.
  await ensureDemoSite(parley.db, demo);
  const blog = await startBlog({
    port: demo.port,
    url: demo.url,
    parleyUrl: config.publicUrl,
    siteId: demo.siteId,
    sandboxUrl: sandboxes?.url,
  });
  console.log(`\n  Parley server  ${config.publicUrl}  (port ${port})`);
  console.log(`  Demo blog      ${demo.url}  (port ${blog.port})`);
  console.log(
    sandboxes
      ? `  Sign-in        sandbox providers at ${sandboxes.url} (no real accounts)\n`
      : '  Sign-in        the providers configured in the environment\n',
  );
  const shutdown = () => {
    blog.server.close();
    sandboxes?.server.close();
    void parley.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
