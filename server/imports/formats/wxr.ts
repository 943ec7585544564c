/**
 * WordPress eXtended RSS (WXR 1.0–1.2, also Jetpack / WordPress.com
 * exports): each `<item>` is a post whose `<link>` and `<title>` become the
 * page, and whose `<wp:comment>` elements are its comments.
 * https://developer.wordpress.org/ (Tools › Export) writes this format.
 */
import type { CommentStatus } from '../../../contract/dashboard.ts';
import type { ReadLimits, SourceItem } from '../import.types.ts';
import { malformed, readXml } from '../xml-stream.ts';
import { isoFromUtc } from './dates.ts';

/** The `wp:comment` children we read, by local name. */
const COMMENT_FIELDS = new Set([
  'comment_id',
  'comment_author',
  'comment_author_email',
  'comment_author_url',
  'comment_author_IP',
  'comment_date',
  'comment_date_gmt',
  'comment_content',
  'comment_approved',
  'comment_type',
  'comment_parent',
]);

/** wp:comment_approved → Parley's status; anything else is refused. */
const STATUS: Record<string, CommentStatus> = {
  '1': 'approved',
  approve: 'approved',
  approved: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
};

export function readWxr(path: string, limits: ReadLimits): AsyncIterable<SourceItem> {
  return readXml(path, limits, (emit) => {
    let sawChannel = false;
    let page = { url: '', title: '', key: '' };
    let fields: Map<string, string> | null = null;
    // The meta Parley's own WXR export adds: the page's thread id, a deleted comment.
    let meta = { key: '', value: '' };
    return {
      open(element, path) {
        if (element.name === 'channel' && path.at(-1) === 'rss') sawChannel = true;
        if (element.name === 'item') page = { url: '', title: '', key: '' };
        if (element.name === 'postmeta' || element.name === 'commentmeta')
          meta = { key: '', value: '' };
        if (element.name === 'comment' && path.at(-1) === 'item') fields = new Map();
      },
      wantsText(name, path) {
        const parent = path.at(-2);
        if (parent === 'item') return name === 'link' || name === 'title';
        if (parent === 'postmeta' || parent === 'commentmeta') {
          return name === 'meta_key' || name === 'meta_value';
        }
        return parent === 'comment' && fields !== null && COMMENT_FIELDS.has(name);
      },
      close(name, text, path) {
        const parent = path.at(-1);
        if (parent === 'item' && name === 'link') page.url = text.trim();
        else if (parent === 'item' && name === 'title') page.title = text.trim();
        else if (parent === 'comment' && fields && COMMENT_FIELDS.has(name)) fields.set(name, text);
        else if (parent === 'postmeta' || parent === 'commentmeta') {
          if (name === 'meta_key') meta.key = text.trim();
          if (name === 'meta_value') meta.value = text;
        } else if (name === 'postmeta' && parent === 'item' && meta.key === 'parley_page_key') {
          page.key = meta.value;
        } else if (name === 'commentmeta' && fields && meta.key === 'parley_deleted') {
          fields.set('parley_deleted', meta.value);
        } else if (name === 'comment' && parent === 'item' && fields) {
          emit(toItem(fields, page));
          fields = null;
        }
      },
      end() {
        if (!sawChannel) {
          throw malformed(
            { code: 'notFormat', params: { format: 'wxr' } },
            'This is not a WordPress export: no <rss><channel> in it',
          );
        }
      },
    };
  });
}

function toItem(
  fields: Map<string, string>,
  page: { url: string; title: string; key: string },
): SourceItem {
  const get = (name: string) => (fields.get(name) ?? '').trim();
  const sourceId = get('comment_id');
  const type = get('comment_type');
  if (type === 'pingback' || type === 'trackback')
    return { kind: 'skip', reason: type === 'pingback' ? 'pingbacks' : 'trackbacks' };
  if (!sourceId) return { kind: 'refuse', sourceId: '?', code: 'noId', params: {} };
  if (!page.url) return { kind: 'refuse', sourceId, code: 'noPage', params: {} };
  const status = STATUS[get('comment_approved')];
  if (!status) {
    return {
      kind: 'refuse',
      sourceId,
      code: 'unknownStatus',
      params: { status: get('comment_approved') ?? '' },
    };
  }
  // The GMT column is 0000-00-00 for drafts and some old rows: the local time is all there is.
  const createdAt = isoFromUtc(get('comment_date_gmt')) ?? isoFromUtc(get('comment_date'));
  if (!createdAt) return { kind: 'refuse', sourceId, code: 'noDate', params: {} };
  const parent = get('comment_parent');
  return {
    kind: 'comment',
    comment: {
      sourceId,
      parentSourceId: parent && parent !== '0' ? parent : null,
      page: page.key ? { ...page } : { url: page.url, title: page.title },
      author: {
        name: get('comment_author'),
        email: get('comment_author_email') || null,
        url: get('comment_author_url') || null,
        ip: get('comment_author_IP') || null,
      },
      body: { html: fields.get('comment_content') ?? '' },
      status,
      createdAt,
      deleted: fields.has('parley_deleted'),
    },
  };
}
