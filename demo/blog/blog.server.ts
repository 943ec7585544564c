import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { reactPage } from '../react/serve.ts';
import { indexPage, postPage } from './pages.ts';
import { posts } from './posts.ts';

export interface BlogOptions {
  port: number;
  /** The blog's public URL (its canonical links). */
  url: string;
  /** The Parley server's public URL, as the embed snippet names it. */
  parleyUrl: string;
  siteId: string;
  /** Set when sign-in goes to the sandbox providers: the posts say so. */
  sandboxUrl?: string | undefined;
}

/** Starts the demo blog; resolves with the server and its port. */
export async function startBlog(options: BlogOptions): Promise<{ server: Server; port: number }> {
  const app = express();
  app.get('/', (_req, res) => {
    res.type('html').send(indexPage(posts, options));
  });
  // The same posts as a React single-page app (demo/react).
  app.use('/react', reactPage({ parleyUrl: options.parleyUrl, siteId: options.siteId }));
  app.get('/posts/:slug', (req, res) => {
    const post = posts.find((p) => p.slug === req.params.slug);
    if (!post) {
      res.status(404).type('text').send('No such post');
      return;
    }
    res.type('html').send(postPage(post, options));
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  return { server, port: (server.address() as AddressInfo).port };
}
