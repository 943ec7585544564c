/**
 * WordPress eXtended RSS 1.2, as WordPress's own exporter writes it
 * (wp-admin/includes/export.php): one `<item>` per page, its comments as
 * `<wp:comment>` with numeric ids. Two things WordPress has no field for ride
 * in meta elements its importer stores and ignores: the page's thread id
 * (`parley_page_key`) and the placeholder of a deleted comment (`parley_deleted`).
 */
import type { CommentStatus } from '../../contract/dashboard.ts';
import type { Site } from '../sites/site.schema.ts';
import type { CommentRow, PageRow } from '../store/database.ts';

const APPROVED: Record<CommentStatus, string> = {
  approved: '1',
  pending: '0',
  spam: 'spam',
  trash: 'trash',
};

/** Text inside CDATA: `]]>` can't appear in one, so it is split across two. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `2019-03-04 05:06:07`, the MySQL DATETIME WordPress writes (in UTC here). */
function wpDate(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

export function wxrHead(site: Site, exportedAt: string): string {
  const base = site.origins[0] ?? '';
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- A WordPress eXtended RSS file written by Parley: the comments of site ${escapeXml(site.id)}. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>${cdata(site.name)}</title>
	<link>${escapeXml(base)}</link>
	<description></description>
	<pubDate>${new Date(exportedAt).toUTCString().replace('GMT', '+0000')}</pubDate>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${escapeXml(base)}</wp:base_site_url>
	<wp:base_blog_url>${escapeXml(base)}</wp:base_blog_url>
	<generator>Parley</generator>
`;
}

export const WXR_TAIL = '</channel>\n</rss>\n';

/**
 * One page with its comments. `ids` numbers comments across the whole file
 * (WordPress wants integers); parents are on the same page, so a map per
 * page is enough.
 */
export function wxrItem(
  page: PageRow,
  postId: number,
  comments: CommentRow[],
  nextCommentId: () => number,
): string {
  const ids = new Map<string, number>();
  for (const c of comments) ids.set(c.id, nextCommentId());
  const slug =
    new URL(page.url, 'https://x.invalid').pathname.split('/').filter(Boolean).at(-1) ?? '';
  const lines = [
    '\t<item>',
    `\t\t<title>${cdata(page.title)}</title>`,
    `\t\t<link>${escapeXml(page.url)}</link>`,
    `\t\t<pubDate>${new Date(page.created_at).toUTCString().replace('GMT', '+0000')}</pubDate>`,
    `\t\t<dc:creator>${cdata('')}</dc:creator>`,
    `\t\t<guid isPermaLink="false">${escapeXml(page.url)}</guid>`,
    '\t\t<description></description>',
    `\t\t<content:encoded>${cdata('')}</content:encoded>`,
    `\t\t<excerpt:encoded>${cdata('')}</excerpt:encoded>`,
    `\t\t<wp:post_id>${postId}</wp:post_id>`,
    `\t\t<wp:post_date>${cdata(wpDate(page.created_at))}</wp:post_date>`,
    `\t\t<wp:post_date_gmt>${cdata(wpDate(page.created_at))}</wp:post_date_gmt>`,
    `\t\t<wp:comment_status>${cdata('open')}</wp:comment_status>`,
    `\t\t<wp:ping_status>${cdata('closed')}</wp:ping_status>`,
    `\t\t<wp:post_name>${cdata(slug)}</wp:post_name>`,
    `\t\t<wp:status>${cdata('publish')}</wp:status>`,
    '\t\t<wp:post_parent>0</wp:post_parent>',
    '\t\t<wp:menu_order>0</wp:menu_order>',
    `\t\t<wp:post_type>${cdata('post')}</wp:post_type>`,
    `\t\t<wp:post_password>${cdata('')}</wp:post_password>`,
    '\t\t<wp:is_sticky>0</wp:is_sticky>',
    `\t\t<wp:postmeta><wp:meta_key>${cdata('parley_page_key')}</wp:meta_key><wp:meta_value>${cdata(page.page_key)}</wp:meta_value></wp:postmeta>`,
  ];
  for (const c of comments) {
    lines.push(
      '\t\t<wp:comment>',
      `\t\t\t<wp:comment_id>${ids.get(c.id)}</wp:comment_id>`,
      `\t\t\t<wp:comment_author>${cdata(wxrAuthor(c))}</wp:comment_author>`,
      `\t\t\t<wp:comment_author_email>${cdata(c.author_email ?? '')}</wp:comment_author_email>`,
      `\t\t\t<wp:comment_author_url>${escapeXml(c.author_url ?? '')}</wp:comment_author_url>`,
      `\t\t\t<wp:comment_author_IP>${cdata(c.ip ?? '')}</wp:comment_author_IP>`,
      `\t\t\t<wp:comment_date>${cdata(wpDate(c.created_at))}</wp:comment_date>`,
      `\t\t\t<wp:comment_date_gmt>${cdata(wpDate(c.created_at))}</wp:comment_date_gmt>`,
      `\t\t\t<wp:comment_content>${cdata(c.body_html)}</wp:comment_content>`,
      `\t\t\t<wp:comment_approved>${cdata(APPROVED[c.status])}</wp:comment_approved>`,
      `\t\t\t<wp:comment_type>${cdata('comment')}</wp:comment_type>`,
      `\t\t\t<wp:comment_parent>${c.parent_id ? (ids.get(c.parent_id) ?? 0) : 0}</wp:comment_parent>`,
      '\t\t\t<wp:comment_user_id>0</wp:comment_user_id>',
    );
    if (c.deleted_at) {
      lines.push(
        `\t\t\t<wp:commentmeta><wp:meta_key>${cdata('parley_deleted')}</wp:meta_key><wp:meta_value>${cdata(c.deleted_at)}</wp:meta_value></wp:commentmeta>`,
      );
    }
    lines.push('\t\t</wp:comment>');
  }
  lines.push('\t</item>', '');
  return lines.join('\n');
}

/**
 * WordPress stores a name, not a mark: a comment with nobody behind it (an
 * empty name, comment.repository.ts NO_AUTHOR) leaves as the stable English
 * "Deleted user", the name Parley stored before issue 11 made it the reader's.
 * A deleted comment's placeholder keeps its empty name, and so does an
 * anonymous author (read back, an empty name is anonymous again).
 */
function wxrAuthor(c: Pick<CommentRow, 'author_name' | 'author_anonymous' | 'deleted_at'>): string {
  return c.author_name === '' && !c.deleted_at && !c.author_anonymous
    ? 'Deleted user'
    : c.author_name;
}
