/**
 * @parley/react's entry. `<ParleyComments />`: a Parley thread in a React app. It drives the same
 * loader as embed.js (`mount` from ../embed/loader.ts, bundled in), so the
 * frame, its messages and their origin checks are the loader's own.
 */
import { type CSSProperties, useEffect, useRef } from 'react';
import { mount, type PageOptions, type ParleyEmbed } from '../embed/loader.ts';

/**
 * The thread's colours: contract/api.ts's Theme, written out so the published
 * types stand alone (ParleyComments.test.tsx checks the two stay equal).
 */
export type ParleyTheme = 'light' | 'dark' | 'auto';

export interface ParleyCommentsProps {
  /** Parley's URL, path prefix included: where embed.js is served from. */
  server: string;
  /** The site id registered on that server. */
  site: string;
  /** The thread's key; changing it switches the thread. Default: the canonical link, else the URL without query and hash. */
  pageId?: string | undefined;
  /** The page's URL for links back to it. Default: the current URL without its hash. */
  pageUrl?: string | undefined;
  /** Default: document.title. */
  pageTitle?: string | undefined;
  /** Default: auto (follows the reader's system setting). Changing it restyles without a reload. */
  theme?: ParleyTheme | undefined;
  /** The reader's language (BCP 47), passed to the thread. */
  lang?: string | undefined;
  /** For the element the frame goes in. */
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

const samePage = (a: PageOptions, b: PageOptions) =>
  a.pageId === b.pageId &&
  a.pageUrl === b.pageUrl &&
  a.pageTitle === b.pageTitle &&
  a.lang === b.lang;

/**
 * One comment thread. Renders an empty `<div>` (also on the server: nothing
 * touches `window` until the browser runs the effect), then mounts the frame
 * in it. A new `pageId` (client-side navigation) loads that page's thread in
 * the same frame; unmounting removes the frame and every listener.
 */
export function ParleyComments(props: ParleyCommentsProps) {
  const { server, site, pageId, pageUrl, pageTitle, theme, lang, className, style } = props;
  const element = useRef<HTMLDivElement>(null);
  // The mounted thread and what it shows, so a render that changes nothing
  // (or StrictMode running an effect twice) reloads nothing.
  const thread = useRef<{ embed: ParleyEmbed; page: PageOptions; theme: ParleyTheme }>(null);
  const page: PageOptions = { pageId, pageUrl, pageTitle, lang };
  const latest = useRef({ page, theme: theme ?? 'auto' });
  latest.current = { page, theme: theme ?? 'auto' };

  // Mount per server and site; every other prop is applied to the live frame.
  useEffect(() => {
    if (!element.current) return;
    const { page, theme } = latest.current;
    const embed = mount(element.current, { server, site, ...page, theme });
    thread.current = { embed, page, theme };
    return () => {
      embed.destroy();
      thread.current = null;
    };
  }, [server, site]);

  useEffect(() => {
    const current = thread.current;
    const next = { pageId, pageUrl, pageTitle, lang };
    if (!current || samePage(current.page, next)) return;
    current.page = next;
    current.embed.update(next);
  }, [pageId, pageUrl, pageTitle, lang]);

  useEffect(() => {
    const current = thread.current;
    const next = theme ?? 'auto';
    if (!current || current.theme === next) return;
    current.theme = next;
    current.embed.setTheme(next);
  }, [theme]);

  return <div ref={element} className={className} style={style} data-parley-comments="" />;
}
