/**
 * Parley's own export (`export --format json`), written by export.service
 * and read back by the `parley` import format. Version 1. Never carries
 * password hashes, session or sign-in tokens, nor the Akismet key.
 */
import { z } from 'zod';
import { COMMENT_STATUSES } from '../../contract/dashboard.ts';

export const EXPORT_VERSION = 1;

export const ExportedPage = z.object({
  key: z.string().min(1),
  url: z.string(),
  title: z.string(),
  createdAt: z.string(),
});

export const ExportedComment = z.object({
  id: z.string().min(1),
  pageKey: z.string().min(1),
  parentId: z.string().nullable(),
  status: z.enum(COMMENT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  author: z.object({
    name: z.string(),
    email: z.string().nullable(),
    url: z.string().nullable(),
    provider: z.string(),
    avatarUrl: z.string().nullable(),
    /** With an empty name: imported from elsewhere without one (else an empty name is nobody). */
    anonymous: z.literal(true).optional(),
  }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** What the author typed (Parley's Markdown subset). */
  source: z.string(),
  /** Parley's rendering of it, for readers of the file; imports render `source` again. */
  html: z.string(),
});
export type ExportedComment = z.infer<typeof ExportedComment>;
export type ExportedPage = z.infer<typeof ExportedPage>;

export const ExportHeader = z.object({
  parley: z.literal('export'),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  site: z.object({
    id: z.string(),
    name: z.string(),
    origins: z.array(z.string()),
    settings: z.record(z.string(), z.unknown()),
  }),
});

export const ParleyExport = ExportHeader.extend({
  pages: z.array(ExportedPage),
  comments: z.array(z.unknown()),
});
