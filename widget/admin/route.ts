/**
 * The dashboard's views and their URLs (History API). The URL is the truth on
 * load and on Back/Forward; the state's `view` and `site` write it back.
 * The server answers every path under /admin with the dashboard
 * (server/admin/dashboard.routes.ts).
 */

/** The actions an emailed one-click link may pre-select (server/notifications/held-comment.email.ts). */
export type LinkAction = 'approve' | 'spam' | 'trash';
const LINK_ACTIONS: readonly string[] = ['approve', 'spam', 'trash'];

export type View =
  | { name: 'queue' }
  | { name: 'settings' }
  | { name: 'moderators' }
  /** One comment, opened from a moderator's email; `action` is offered, never applied on load. */
  | { name: 'comment'; id: string; action: LinkAction | null };

export interface Route {
  view: View;
  /** The site asked for in `?site=`, if any (checked against the admin's sites on sign-in). */
  site: string | null;
}

/** Reads a dashboard URL. Unknown paths (and the emails' /admin/queue) are the queue. */
export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const site = params.get('site') || null;
  const path = pathname.replace(/\/+$/, '');
  if (path === '/admin/settings') return { view: { name: 'settings' }, site };
  if (path === '/admin/moderators') return { view: { name: 'moderators' }, site };
  const comment = /^\/admin\/comments\/([^/]+)$/.exec(path);
  if (comment?.[1]) {
    const action = params.get('action');
    return {
      view: {
        name: 'comment',
        id: decodeURIComponent(comment[1]),
        action: action && LINK_ACTIONS.includes(action) ? (action as LinkAction) : null,
      },
      site,
    };
  }
  return { view: { name: 'queue' }, site };
}

/** The URL of a view of a site: path, then `?action=` for a comment, then `site=`. */
export function routeUrl(view: View, site: string | null): string {
  const params = new URLSearchParams();
  let path = '/admin';
  if (view.name === 'settings') path = '/admin/settings';
  else if (view.name === 'moderators') path = '/admin/moderators';
  else if (view.name === 'comment') {
    path = `/admin/comments/${encodeURIComponent(view.id)}`;
    if (view.action) params.set('action', view.action);
  }
  if (site) params.set('site', site);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Whether two views are the same page (a change of site alone is not a new history entry). */
export function sameView(a: View, b: View): boolean {
  return routeUrl(a, null) === routeUrl(b, null);
}
