import type { QueueItem } from '../../../contract/dashboard.ts';
import { t } from '../i18n.ts';
import { checkName } from '../messages.ts';

/** Only web links become links (the page URL was checked against the site's origins, but still). */
function webUrl(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

// Stands in for an element inside a translated sentence, then is cut out.
const SLOT = '\u0000';

/**
 * A held comment in context: the page, the comment it answers, its text and
 * why it was held. Shared by the queue and the one-comment page.
 * `idBase` makes the reasons list's label unique on the page.
 */
export function CommentDetails({ item, idBase }: { item: QueueItem; idBase: string }) {
  const { page, parent, reasons } = item;
  const pageUrl = webUrl(page.url);
  // The link sits where the language puts it ("On {page}", "{page} に").
  const [before = '', after = ''] = t('item.on', { page: SLOT }).split(SLOT);
  return (
    <>
      <p className="page">
        {before}
        {pageUrl ? (
          <a href={pageUrl} target="_blank" rel="noopener noreferrer">
            {page.title || page.url}
          </a>
        ) : (
          page.title || page.url
        )}
        {after}
      </p>
      {parent ? (
        <p className="parent">
          {t('item.inReplyTo', { name: parent.authorName, excerpt: parent.excerpt })}
        </p>
      ) : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised by the server at write time */}
      <div className="body" dangerouslySetInnerHTML={{ __html: item.html }} />
      {reasons.length > 0 ? (
        <div className="reasons">
          <p id={`${idBase}-reasons`}>{t('item.heldBecause')}</p>
          <ul aria-labelledby={`${idBase}-reasons`}>
            {reasons.map((r) => (
              <li key={`${r.check}:${r.reason}`}>
                {/* The check's name is ours to translate; its detail is the server's, stored in English. */}
                <span className="check">{checkName(r.check)}</span>:{' '}
                <span lang="en" dir="ltr">
                  {r.reason}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
