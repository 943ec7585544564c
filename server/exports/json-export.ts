/**
 * Parley's JSON export, written piece by piece: one page or comment per line
 * inside one JSON document, so it streams out and still parses as JSON.
 */
import type { Site } from '../sites/site.schema.ts';
import type { CommentRow, PageRow } from '../store/database.ts';
import { EXPORT_VERSION, type ExportedComment, type ExportedPage } from './parley-export.schema.ts';

/** The site as the export carries it: settings without secrets (the Akismet key). */
export function exportedSite(site: Site) {
  return {
    id: site.id,
    name: site.name,
    origins: site.origins,
    settings: { ...site.settings, moderation: { ...site.settings.moderation, akismetKey: null } },
  };
}

export function jsonHead(site: Site, exportedAt: string): string {
  const header = {
    parley: 'export',
    version: EXPORT_VERSION,
    exportedAt,
    site: exportedSite(site),
  };
  return `${JSON.stringify(header).slice(0, -1)},\n"pages":[`;
}

export function jsonPage(page: PageRow): ExportedPage {
  return { key: page.page_key, url: page.url, title: page.title, createdAt: page.created_at };
}

export function jsonComment(row: CommentRow, pageKey: string): ExportedComment {
  return {
    id: row.id,
    pageKey,
    parentId: row.parent_id,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    author: {
      name: row.author_name,
      email: row.author_email,
      url: row.author_url,
      provider: row.author_provider,
      avatarUrl: row.author_avatar_url,
      ...(row.author_anonymous ? { anonymous: true as const } : {}),
    },
    ip: row.ip,
    userAgent: row.user_agent,
    source: row.body_source,
    html: row.body_html,
  };
}
