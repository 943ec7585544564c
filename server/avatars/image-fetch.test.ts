/**
 * The avatar proxy against an attacker who controls the picture URL (a
 * provider profile, or a crafted sign-in): real HTTP servers on loopback
 * addresses play the internal services it must never reach.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.ts';
import { fetchImage } from './image-fetch.ts';

// 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

interface Upstream {
  url: string;
  hits: string[];
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function upstream(host: string, handler: RequestListener): Promise<Upstream> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, hits };
}

const png: RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
};

const limits = (allow: string[] = []) => ({
  policy: createAddressPolicy(allow),
  maxBytes: 1024,
  timeoutMs: 2_000,
});

describe('the image proxy', () => {
  it('fetches a picture from an allowed address, typed by its bytes', async () => {
    const site = await upstream('127.0.0.1', png);
    const result = await fetchImage(`${site.url}/a.png`, limits(['127.0.0.1']));
    expect(result).toMatchObject({ ok: true, type: 'image/png' });
  });

  describe('refuses internal addresses without connecting', () => {
    it('a loopback IP literal', async () => {
      const internal = await upstream('127.0.0.1', png);
      expect(await fetchImage(`${internal.url}/admin`, limits())).toEqual({
        ok: false,
        reason: 'refused_address',
      });
      expect(internal.hits).toEqual([]);
    });

    it('a name that resolves to loopback (localhost)', async () => {
      const internal = await upstream('127.0.0.1', png);
      const url = internal.url.replace('127.0.0.1', 'localhost');
      expect(await fetchImage(`${url}/admin`, limits())).toMatchObject({
        reason: 'refused_address',
      });
      expect(internal.hits).toEqual([]);
    });

    it('IPv6 loopback and IPv4-mapped IPv6', async () => {
      const internal = await upstream('127.0.0.1', png);
      const port = new URL(internal.url).port;
      for (const host of ['[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]']) {
        expect(await fetchImage(`http://${host}:${port}/x`, limits())).toMatchObject({
          reason: 'refused_address',
        });
      }
      expect(internal.hits).toEqual([]);
    });

    it('other spellings of 127.0.0.1 (decimal, hex, short)', async () => {
      const internal = await upstream('127.0.0.1', png);
      const port = new URL(internal.url).port;
      for (const host of ['2130706433', '0x7f000001', '127.1', '0177.0.0.1']) {
        expect(await fetchImage(`http://${host}:${port}/x`, limits())).toMatchObject({
          reason: 'refused_address',
        });
      }
      expect(internal.hits).toEqual([]);
    });

    it('the cloud metadata address', async () => {
      expect(await fetchImage('http://169.254.169.254/latest/meta-data/', limits())).toMatchObject({
        reason: 'refused_address',
      });
    });
  });

  it('re-checks every redirect: an allowed host cannot bounce it into a private one', async () => {
    const internal = await upstream('127.0.0.2', png);
    const open = await upstream('127.0.0.1', (_req, res) => {
      res.writeHead(302, { location: `${internal.url}/secret.png` }).end();
    });
    expect(await fetchImage(`${open.url}/me.png`, limits(['127.0.0.1']))).toEqual({
      ok: false,
      reason: 'refused_address',
    });
    expect(open.hits).toEqual(['/me.png']);
    expect(internal.hits).toEqual([]);
  });

  it('follows a redirect to another allowed address, a few times at most', async () => {
    const final = await upstream('127.0.0.1', png);
    const hop = await upstream('127.0.0.1', (_req, res) => {
      res.writeHead(301, { location: `${final.url}/p.png` }).end();
    });
    expect(await fetchImage(`${hop.url}/`, limits(['127.0.0.1']))).toMatchObject({ ok: true });
    const loop = await upstream('127.0.0.1', (req, res) => {
      res.writeHead(302, { location: `${req.url}x` }).end();
    });
    expect(await fetchImage(`${loop.url}/`, limits(['127.0.0.1']))).toMatchObject({
      reason: 'too_many_redirects',
    });
    expect(loop.hits.length).toBe(4);
  });

  it('takes only images, whatever the Content-Type says', async () => {
    const liar = await upstream('127.0.0.1', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' }).end('<script>alert(1)</script>');
    });
    const svg = await upstream('127.0.0.1', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'image/svg+xml' })
        .end('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    });
    for (const site of [liar, svg]) {
      expect(await fetchImage(`${site.url}/a.png`, limits(['127.0.0.1']))).toMatchObject({
        reason: 'not_an_image',
      });
    }
  });

  it('gives up on a picture larger than the cap, declared or not', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(4096)]);
    const declared = await upstream('127.0.0.1', (_req, res) => {
      res.writeHead(200, { 'content-length': big.length }).end(big);
    });
    const chunked = await upstream('127.0.0.1', (_req, res) => {
      res.writeHead(200);
      res.write(big.subarray(0, 800));
      res.end(big.subarray(800));
    });
    for (const site of [declared, chunked]) {
      expect(await fetchImage(`${site.url}/a.png`, limits(['127.0.0.1']))).toMatchObject({
        reason: 'too_large',
      });
    }
  });

  it('gives up on a server that never finishes (time limit)', async () => {
    const slow = await upstream('127.0.0.1', (_req, res) => {
      res.writeHead(200);
      res.write(PNG.subarray(0, 10));
    });
    const result = await fetchImage(`${slow.url}/a.png`, {
      ...limits(['127.0.0.1']),
      timeoutMs: 300,
    });
    expect(result).toEqual({ ok: false, reason: 'timeout' });
  });

  it('refuses other schemes and URLs with credentials', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/a.png',
      'http://u:p@1.1.1.1/a',
      'nonsense',
    ]) {
      expect(await fetchImage(url, limits())).toMatchObject({ reason: 'bad_url' });
    }
  });
});
