import { createApp } from './app.ts';
import { resolveConfig } from './config.resolve.ts';
import { ConfigError, loadConfig } from './config.ts';

try {
  // Without AUTH_SECRET, the store's secret: opened and migrated first to read it.
  const parley = createApp(await resolveConfig(loadConfig()));
  await parley.start();
  const shutdown = () => void parley.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
