import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { errorHandler } from './errors.ts';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function serve(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => {
    server.closeAllConnections();
    server.close();
  };
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

it('cuts a response off when it fails after its head was sent, rather than leaving it open', async () => {
  const app = express();
  app.get('/stream', (_req, res, next) => {
    // What a live stream does: the head and a first message, then the
    // replay's read fails (Redis gone).
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': ok\n\n');
    setTimeout(() => next(new Error('the log could not be read')), 10);
  });
  app.use(errorHandler(pino({ level: 'silent' })));
  const url = await serve(app);
  const res = await fetch(`${url}/stream`);
  expect(res.status).toBe(200);
  // Before, the body never ended: the read waited until the test timed out.
  await expect(res.text()).rejects.toThrow();
});

it('answers a failure before the head as the API’s error', async () => {
  const app = express();
  app.get('/fail', (_req, _res, next) => next(new AppError(404, 'not_found', 'No such page')));
  app.use(errorHandler(pino({ level: 'silent' })));
  const res = await fetch(`${await serve(app)}/fail`);
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such page' } });
});
