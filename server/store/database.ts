/**
 * Row types of every table, as Kysely sees them. Timestamps are ISO 8601 UTC
 * strings (they sort correctly as text on every dialect); JSON is stored as text.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface SitesTable {
  id: string;
  name: string;
  /** JSON array of origins, e.g. ["https://blog.example"]. */
  origins: string;
  /** JSON object; see sites/site.schema.ts. */
  settings: string;
  created_at: string;
}

export interface PagesTable {
  id: string;
  site_id: string;
  /** The embed's page id (data-page-id, default the canonical URL). */
  page_key: string;
  url: string;
  title: string;
  created_at: string;
}

export type CommentStatus = 'approved' | 'pending' | 'spam' | 'trash';

export interface CommentsTable {
  id: string;
  site_id: string;
  page_id: string;
  parent_id: string | null;
  /** 1 for a top-level comment. */
  depth: number;
  /** What the reader typed, kept for editing. */
  body_source: string;
  /** Rendered and sanitised once, at write time. */
  body_html: string;
  author_name: string;
  author_email: string | null;
  author_url: string | null;
  author_provider: string;
  status: Generated<CommentStatus>;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  sites: SitesTable;
  pages: PagesTable;
  comments: CommentsTable;
}

export type SiteRow = Selectable<SitesTable>;
export type PageRow = Selectable<PagesTable>;
export type CommentRow = Selectable<CommentsTable>;
export type NewComment = Insertable<CommentsTable>;
