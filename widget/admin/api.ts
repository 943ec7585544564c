/**
 * The dashboard's one API client. `request` owns the base URL, JSON and error
 * mapping; the session is the dashboard's own HttpOnly cookie, which the
 * browser sends by itself (same origin). Each endpoint is one line.
 */

import type { SettingsUpdate } from '../../contract/dashboard.schema.ts';
import type {
  AddedMember,
  BanResult,
  Me,
  Member,
  ModerationAction,
  QueueItem,
  QueueList,
  SettingsResponse,
  SiteRole,
} from '../../contract/dashboard.ts';
import type {
  ImportFormat,
  ImportProgress,
  ImportStreamLine,
  ImportSummary,
} from '../../contract/imports.ts';
import type { DeleteAccountResult, EraseAuthorRequest } from '../../contract/reader-data.schema.ts';
import { ApiError, type ClientErrorCode, readError } from '../shared/api-error.ts';
import type { QueueFilter } from './types.ts';

export { ApiError, type ClientErrorCode };

export type AdminApi = ReturnType<typeof createAdminApi>;

/** Binds the endpoints to `base` ('' means this origin, where the dashboard is served). */
export function createAdminApi(base: string) {
  async function request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'network_error', 'Network request failed');
    }
    if (response.status === 204) return undefined as T;
    const parsed: unknown = await response.json().catch(() => null);
    if (!response.ok) throw readError(response.status, parsed);
    // A removal may answer 200 with nothing in it; anything else must carry JSON.
    if (parsed === null && method === 'DELETE') return undefined as T;
    if (parsed === null) throw new ApiError(response.status, 'bad_response', 'Unreadable response');
    return parsed as T;
  }

  /**
   * Uploads a file to import and follows the answer: NDJSON progress lines
   * (passed to `onProgress`) and a summary or error line last.
   */
  async function importFile(
    site: string,
    options: { format: ImportFormat; file: Blob; dryRun: boolean; mapUrls: string[] },
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportSummary> {
    const params = new URLSearchParams({ format: options.format, dryRun: String(options.dryRun) });
    for (const mapping of options.mapUrls) params.append('mapUrl', mapping);
    let response: Response;
    try {
      response = await fetch(`${base}${siteApi(site)}/import?${params}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', accept: 'application/x-ndjson' },
        body: options.file,
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'network_error', 'Network request failed');
    }
    if (!response.ok || !response.body) {
      throw readError(response.status, await response.json().catch(() => null));
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    for (;;) {
      const { value, done } = await reader.read();
      pending += value ?? '';
      const lines = pending.split('\n');
      pending = done ? '' : (lines.pop() ?? '');
      for (const text of lines) {
        if (!text.trim()) continue;
        const line = JSON.parse(text) as ImportStreamLine;
        if (line.type === 'progress') onProgress(line.progress);
        else if (line.type === 'summary') return line.summary;
        else throw readError(response.status, { error: line.error });
      }
      if (done) throw new ApiError(0, 'network_error', 'The import’s answer was cut off');
    }
  }

  const q = encodeURIComponent;
  const siteApi = (site: string) => `/admin/api/sites/${q(site)}`;
  return {
    login: (email: string, password: string) =>
      request<void>('POST', '/admin/api/login', { email, password }),
    logout: () => request<void>('POST', '/admin/api/logout', {}),
    me: () => request<Me>('GET', '/admin/api/me'),
    listComments: (site: string, { status, q: text }: QueueFilter) =>
      request<QueueList>(
        'GET',
        `${siteApi(site)}/comments?status=${status}${text ? `&q=${q(text)}` : ''}`,
      ),
    getComment: (site: string, id: string) =>
      request<QueueItem>('GET', `${siteApi(site)}/comments/${q(id)}`),
    moderate: (site: string, ids: string[], action: ModerationAction) =>
      request<{ updated: number }>('POST', `${siteApi(site)}/comments/actions`, { ids, action }),
    /** Bans the comment's author (identity, else email) and moves the comment to spam. */
    ban: (site: string, id: string) =>
      request<BanResult>('POST', `${siteApi(site)}/comments/${q(id)}/ban`, {}),
    getSettings: (site: string) => request<SettingsResponse>('GET', `${siteApi(site)}/settings`),
    saveSettings: (site: string, update: SettingsUpdate) =>
      request<SettingsResponse>('PUT', `${siteApi(site)}/settings`, update),
    listMembers: (site: string) => request<Member[]>('GET', `${siteApi(site)}/members`),
    addMember: (site: string, email: string, role: SiteRole) =>
      request<AddedMember>('POST', `${siteApi(site)}/members`, { email, role }),
    eraseAuthor: (site: string, body: EraseAuthorRequest) =>
      request<DeleteAccountResult>('POST', `${siteApi(site)}/erase`, body),
    removeMember: (site: string, email: string) =>
      request<void>('DELETE', `${siteApi(site)}/members/${q(email)}`),
    importFile,
  };
}
