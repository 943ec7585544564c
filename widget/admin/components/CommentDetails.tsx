import type { AuthorName } from '../../../contract/api.ts';
import type { QueueItem } from '../../../contract/dashboard.ts';
import { authorName, t } from '../i18n.ts';
import { checkName, reasonSaid } from '../messages.ts';

/** Only web links become links (the page URL was checked against the site's origins, but still). */
function webUrl(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Who wrote a comment; nobody (a deleted author) is worded by the dashboard and looks like no one's name. */
export function Author({ author }: { author: AuthorName }) {
  return <span className={author.deleted ? 'author nobody' : 'author'}>{authorName(author)}</span>;
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
          {t('item.inReplyTo', { name: authorName(parent.author), excerpt: parent.excerpt })}
        </p>
      ) : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised by the server at write time */}
      <div className="body" dangerouslySetInnerHTML={{ __html: item.html }} />
      {reasons.length > 0 ? (
        <div className="reasons">
          <p id={`${idBase}-reasons`}>{t('item.heldBecause')}</p>
          <ul aria-labelledby={`${idBase}-reasons`}>
            {reasons.map((r, i) => {
              const said = reasonSaid(r);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: reasons never reorder; two may read alike
                <li key={i}>
                  <span className="check">{checkName(r.check)}</span>:{' '}
                  {said ? (
                    <span className="detail">{t(said.key, said.params)}</span>
                  ) : (
                    // An old reason the server stored as English prose, before codes.
                    <span lang="en" dir="ltr">
                      {r.code === 'legacy' ? r.params.text : r.code}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </>
  );
}
