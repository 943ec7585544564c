import type { QueueItem } from '../../../contract/dashboard.ts';
import { checkName } from '../messages.ts';

/** Only web links become links (the page URL was checked against the site's origins, but still). */
function webUrl(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * A held comment in context: the page, the comment it answers, its text and
 * why it was held. Shared by the queue and the one-comment page.
 * `idBase` makes the reasons list's label unique on the page.
 */
export function CommentDetails({ item, idBase }: { item: QueueItem; idBase: string }) {
  const { page, parent, reasons } = item;
  const pageUrl = webUrl(page.url);
  return (
    <>
      <p className="page">
        On{' '}
        {pageUrl ? (
          <a href={pageUrl} target="_blank" rel="noopener noreferrer">
            {page.title || page.url}
          </a>
        ) : (
          page.title || page.url
        )}
      </p>
      {parent ? (
        <p className="parent">
          In reply to {parent.authorName}: {parent.excerpt}
        </p>
      ) : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised by the server at write time */}
      <div className="body" dangerouslySetInnerHTML={{ __html: item.html }} />
      {reasons.length > 0 ? (
        <div className="reasons">
          <p id={`${idBase}-reasons`}>Held because:</p>
          <ul aria-labelledby={`${idBase}-reasons`}>
            {reasons.map((r) => (
              <li key={`${r.check}:${r.reason}`}>
                <span className="check">{checkName(r.check)}</span>: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
