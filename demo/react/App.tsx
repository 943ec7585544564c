/**
 * A single-page blog: the index and the posts are routes of one page, and
 * moving between them is client-side (history.pushState, no reload). Each post
 * shows its comments with `<ParleyComments />`, as a React site would.
 */
import { type MouseEvent, useEffect, useState } from 'react';
import { ParleyComments } from '../../widget/react/ParleyComments.tsx';
import { posts } from '../blog/posts.ts';
import type { ReactDemoConfig } from './config.ts';

/** The app's routes live under this path of the blog. */
export const BASE = '/react/';

const slugOf = (pathname: string) =>
  pathname.startsWith(`${BASE}posts/`) ? pathname.slice(`${BASE}posts/`.length) : null;

/** A link that navigates inside the app; modified clicks open a tab as usual. */
function Link(props: { to: string; onNavigate: (to: string) => void; children: string }) {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    props.onNavigate(props.to);
  };
  return (
    <a href={props.to} onClick={onClick}>
      {props.children}
    </a>
  );
}

export function App({ config }: { config: ReactDemoConfig }) {
  const [pathname, setPathname] = useState(() => location.pathname);
  // A site's language switcher, in short: `?lang=fr` on the first page shows the thread in French.
  const [lang] = useState(() => new URLSearchParams(location.search).get('lang') ?? undefined);
  useEffect(() => {
    const onPopState = () => setPathname(location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const navigate = (to: string) => {
    history.pushState(null, '', to);
    setPathname(to);
    window.scrollTo(0, 0);
  };

  const slug = slugOf(pathname);
  const post = posts.find((p) => p.slug === slug);
  useEffect(() => {
    document.title = post ? `${post.title} (React)` : 'The Parley demo blog, as a React app';
  }, [post]);

  const postLinks = (
    <nav aria-label="Posts">
      <ul>
        {posts.map((p) => (
          <li key={p.slug}>
            <Link to={`${BASE}posts/${p.slug}`} onNavigate={navigate}>
              {p.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );

  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: '1.5rem', font: '18px/1.6 Georgia' }}>
      <header>
        <Link to={BASE} onNavigate={navigate}>
          The Parley demo blog, as a React app
        </Link>
      </header>
      {post ? (
        <>
          <article>
            <h1>{post.title}</h1>
            {post.paragraphs.map((text) => (
              <p key={text}>{text}</p>
            ))}
          </article>
          <h2>Comments</h2>
          <ParleyComments
            server={config.parleyUrl}
            site={config.siteId}
            pageId={new URL(`${BASE}posts/${post.slug}`, location.origin).href}
            pageUrl={location.href}
            pageTitle={post.title}
            lang={lang}
          />
          <h2>More posts</h2>
          {postLinks}
        </>
      ) : (
        <>
          <h1>{slug ? 'No such post' : 'Posts'}</h1>
          <p>
            This page is one React app: moving between posts happens without a page load, and each
            post's comments come from Parley's <code>&lt;ParleyComments /&gt;</code> component.
          </p>
          {postLinks}
        </>
      )}
    </main>
  );
}
