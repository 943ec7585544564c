import type { MouseEvent, ReactNode } from 'react';
import { useDashboard } from '../context.ts';
import { routeUrl, type View } from '../route.ts';

/**
 * A link to another dashboard page: a real href (open in a new tab works),
 * followed in place with the History API on a plain click.
 */
export function ViewLink({
  view,
  current,
  children,
}: {
  view: View;
  current?: boolean;
  children: ReactNode;
}) {
  const { state, dispatch } = useDashboard();
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    dispatch('navigate', { view });
  }
  return (
    <a
      href={routeUrl(view, state.site)}
      aria-current={current ? 'page' : undefined}
      onClick={follow}
    >
      {children}
    </a>
  );
}
