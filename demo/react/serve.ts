/**
 * Serves the built React page (dist/demo-react) at /react/: its assets as
 * files, every other path under it as the page itself, so a reload on
 * /react/posts/x lands in the app, which routes on the client.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { CONFIG_ID, CONFIG_MARKER, type ReactDemoConfig } from './config.ts';

export const REACT_DEMO_DIR = 'dist/demo-react';

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function reactPage(config: ReactDemoConfig, dir = REACT_DEMO_DIR): Router {
  const router = express.Router();
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    router.use((_req, res) => {
      res.status(404).type('text').send('The React page is not built: npm run build');
    });
    return router;
  }
  const html = readFileSync(indexFile, 'utf8').replace(
    CONFIG_MARKER,
    `<script type="application/json" id="${CONFIG_ID}">${scriptJson(config)}</script>`,
  );
  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y' }));
  router.get(/.*/, (_req, res) => {
    res.type('html').send(html);
  });
  return router;
}
