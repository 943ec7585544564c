/**
 * takeSocket() (live.socket.ts) on a bare node:http server: what it takes
 * keeps working as the same chunked response, node:http lets go of it, the
 * client's leaving is seen, and what it must not take it leaves alone.
 */
import {
  createServer,
  get,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, LAST_CHUNK, takeSocket } from './live.socket.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server answering each request with `handler`; resolves to its port. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Opens a stream: the head and 'retry' written as Parley writes them. */
function openStream(res: ServerResponse) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  res.write('retry: 2000\n\n');
}

describe('takeSocket', () => {
  it('takes a stream from node:http: chunks written to the socket read as the same response', async () => {
    const taken: Array<{ socket: Socket | null; res: ServerResponse }> = [];
    const port = await serve((_req, res) => {
      openStream(res);
      setImmediate(() => {
        const socket = takeSocket(res);
        taken.push({ socket, res });
        socket?.write(chunk('data: é\n\n'));
        socket?.end(chunk('retry: 3000\n\n') + LAST_CHUNK);
      });
    });
    const body = await new Promise<{ headers: object; text: string }>((resolve, reject) => {
      get({ port, host: '127.0.0.1', path: '/', agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (t: string) => {
          text += t;
        });
        // Ends only on the last chunk: a framing error would fail the parse instead.
        res.on('end', () => resolve({ headers: res.headers, text }));
        res.on('error', reject);
      }).on('error', reject);
    });
    expect(body.text).toBe('retry: 2000\n\ndata: é\n\nretry: 3000\n\n');
    expect(body.headers).toMatchObject({ 'transfer-encoding': 'chunked' });
    const [{ socket, res } = { socket: null, res: undefined }] = taken;
    expect(socket).not.toBeNull();
    // node:http no longer holds it: no response on the socket, no parser, no listeners of its own.
    expect(res?.socket).toBeNull();
    expect((socket as unknown as { parser: unknown }).parser).toBeNull();
    expect(socket?.listeners('data').map((fn) => fn.name)).not.toContain('bound socketOnData');
  });

  it('sees the client leave', async () => {
    let closed!: () => void;
    const gone = new Promise<void>((resolve) => {
      closed = resolve;
    });
    let took = false;
    const port = await serve((_req, res) => {
      openStream(res);
      setImmediate(() => {
        const socket = takeSocket(res);
        took = socket !== null;
        socket?.once('close', closed);
        socket?.write(chunk('data: ready\n\n'));
      });
    });
    await new Promise<void>((resolve) => {
      const req = get({ port, host: '127.0.0.1', path: '/', agent: false }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
    });
    await gone;
    expect(took).toBe(true);
  });

  it('leaves alone a response whose head is not out, or that is not chunked', async () => {
    const results: Array<Socket | null> = [];
    const port = await serve((req, res) => {
      if (req.url === '/unsent') {
        res.setHeader('Content-Type', 'text/event-stream');
        results.push(takeSocket(res));
      } else {
        res.writeHead(200, { 'Content-Length': '10' });
        res.write('retry: 1\n\n'.slice(0, 5));
        results.push(takeSocket(res));
      }
      res.end();
    });
    for (const path of ['/unsent', '/sized']) {
      await new Promise<void>((resolve) => {
        get({ port, host: '127.0.0.1', path, agent: false }, (res) => {
          res.resume().on('end', resolve).on('error', resolve);
        }).on('error', () => resolve());
      });
    }
    expect(results).toEqual([null, null]);
  });

  it('leaves alone a connection with a request read behind the stream (pipelined)', async () => {
    const results: Array<Socket | null> = [];
    const port = await serve((req, res) => {
      if (req.url === '/second') return void res.end('second');
      openStream(res);
      // Both requests arrive in one packet: the second is parsed before this runs.
      setImmediate(() => {
        results.push(takeSocket(res));
        res.end();
      });
    });
    const client = connect(port, '127.0.0.1');
    let received = '';
    client.setEncoding('utf8');
    client.on('data', (text: string) => {
      received += text;
    });
    client.write(
      'GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    await new Promise((resolve) => client.on('close', resolve));
    expect(results).toEqual([null]);
    expect(received).toContain('second');
  });
});
