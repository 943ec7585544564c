import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

try {
  const parley = createApp(loadConfig());
  await parley.start();
  const shutdown = () => void parley.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
