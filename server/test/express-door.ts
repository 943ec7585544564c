import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestServer } from './test-server.ts';

/**
 * For the tests of a path answered before Express: the same app served by
 * Express alone (`expressUrl`, to compare answers with), and a count of the
 * requests to `server` that the fast path passed on to Express.
 */
export interface ExpressDoor {
  expressUrl: string;
  reachedExpress(): number;
  /** Closes the Express-only listener (not `server`). */
  close(): Promise<void>;
}

export async function openExpressDoor(server: TestServer): Promise<ExpressDoor> {
  let reached = 0;
  // Express's app calls its own handle() (untyped in @types/express): count
  // what reaches it through `server`.
  const app = server.parley.app as unknown as RequestListener & {
    handle: (req: IncomingMessage, res: ServerResponse, next?: unknown) => void;
  };
  const handle = app.handle.bind(app);
  const port = Number(new URL(server.url).port);
  app.handle = (req, res, next) => {
    if (req.socket.localPort === port) reached++;
    handle(req, res, next);
  };
  const expressOnly = createServer(app);
  await new Promise<void>((resolve) => expressOnly.listen(0, '127.0.0.1', resolve));
  return {
    expressUrl: `http://127.0.0.1:${(expressOnly.address() as AddressInfo).port}`,
    reachedExpress: () => reached,
    async close() {
      expressOnly.closeAllConnections();
      await new Promise((resolve) => expressOnly.close(resolve));
    },
  };
}
