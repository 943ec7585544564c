/**
 * Disqus's XML export (Admin › Moderation › Export): `<thread>` elements
 * (the pages) first, then `<post>` elements pointing at their thread and
 * parent with `dsq:id` attributes. The threads are kept in a map while the
 * file is read: a few hundred bytes each, and posts need them.
 */
import type { ReadLimits, SourceItem } from '../import.types.ts';
import { malformed, readXml } from '../xml-stream.ts';
import { isoFromUtc } from './dates.ts';

const THREAD_FIELDS = new Set(['link', 'title']);
const POST_FIELDS = new Set(['message', 'createdAt', 'isDeleted', 'isSpam', 'ipAddress']);
const AUTHOR_FIELDS = new Set(['name', 'email', 'username', 'link']);

interface Post {
  id: string;
  threadId: string;
  parentId: string | null;
  fields: Map<string, string>;
  author: Map<string, string>;
}

const dsqId = (attributes: Record<string, string>) => attributes['dsq:id'] ?? '';

export function readDisqus(path: string, limits: ReadLimits): AsyncIterable<SourceItem> {
  return readXml(path, limits, (emit) => {
    let sawRoot = false;
    const threads = new Map<string, { url: string; title: string }>();
    let thread: { id: string; url: string; title: string } | null = null;
    let post: Post | null = null;
    return {
      open(element, path) {
        const parent = path.at(-1);
        if (element.name === 'disqus' && path.length === 0) sawRoot = true;
        if (parent !== 'disqus' && !(post && parent === 'post')) return;
        if (element.name === 'thread' && parent === 'disqus') {
          thread = { id: dsqId(element.attributes), url: '', title: '' };
        } else if (element.name === 'post' && parent === 'disqus') {
          post = {
            id: dsqId(element.attributes),
            threadId: '',
            parentId: null,
            fields: new Map(),
            author: new Map(),
          };
        } else if (post && element.name === 'thread') {
          post.threadId = dsqId(element.attributes);
        } else if (post && element.name === 'parent') {
          post.parentId = dsqId(element.attributes) || null;
        }
      },
      wantsText(name, path) {
        const parent = path.at(-2);
        if (thread && parent === 'thread' && path.at(-3) === 'disqus')
          return THREAD_FIELDS.has(name);
        if (post && parent === 'post') return POST_FIELDS.has(name);
        if (post && parent === 'author' && path.at(-3) === 'post') return AUTHOR_FIELDS.has(name);
        return false;
      },
      close(name, text, path) {
        const parent = path.at(-1);
        if (thread && parent === 'thread' && THREAD_FIELDS.has(name)) {
          if (name === 'link') thread.url = text.trim();
          else thread.title = text.trim();
        } else if (thread && name === 'thread' && parent === 'disqus') {
          threads.set(thread.id, { url: thread.url, title: thread.title });
          thread = null;
        } else if (post && parent === 'post' && POST_FIELDS.has(name)) {
          post.fields.set(name, text);
        } else if (post && parent === 'author' && AUTHOR_FIELDS.has(name)) {
          post.author.set(name, text.trim());
        } else if (post && name === 'post' && parent === 'disqus') {
          emit(toItem(post, threads.get(post.threadId)));
          post = null;
        }
      },
      end() {
        if (!sawRoot)
          throw malformed(
            { code: 'notFormat', params: { format: 'disqus' } },
            'This is not a Disqus export: no <disqus> element in it',
          );
      },
    };
  });
}

function toItem(post: Post, thread: { url: string; title: string } | undefined): SourceItem {
  const get = (name: string) => (post.fields.get(name) ?? '').trim();
  if (!post.id) return { kind: 'refuse', sourceId: '?', code: 'noId', params: {} };
  if (!thread?.url) {
    return {
      kind: 'refuse',
      sourceId: post.id,
      code: 'noPage',
      params: { thread: post.threadId },
    };
  }
  const createdAt = isoFromUtc(get('createdAt'));
  if (!createdAt) return { kind: 'refuse', sourceId: post.id, code: 'noDate', params: {} };
  const author = post.author;
  return {
    kind: 'comment',
    comment: {
      sourceId: post.id,
      parentSourceId: post.parentId,
      page: { url: thread.url, title: thread.title },
      author: {
        name: author.get('name') || author.get('username') || '',
        email: author.get('email') || null,
        url: author.get('link') || null,
        ip: get('ipAddress') || null,
      },
      body: { html: post.fields.get('message') ?? '' },
      status: get('isSpam') === 'true' ? 'spam' : 'approved',
      createdAt,
      deleted: get('isDeleted') === 'true',
    },
  };
}
