import { useState } from 'react';
import type { CommentAuthor } from '../../../contract/api.ts';
import { useThread } from '../context.ts';
import { authorName, exactTime, loadAllWords, t, timeAgo } from '../i18n.ts';
import { Later } from '../later.ts';
import type { CommentNode } from '../tree.ts';
import { Avatar } from './Avatar.tsx';
import { CommentForm } from './CommentForm.tsx';
import { MoreReplies } from './LoadMore.tsx';
import { ProviderMark } from './ProviderIcon.tsx';

// Only an author inside the edit window opens these: off the first render.
// The edit and delete boxes' words come with the rest of the reader's language.
const own = () => Promise.all([import('./OwnComment.tsx'), loadAllWords()]).then(([m]) => m);
const loadEdit = () => own().then((m) => m.EditComment);
const loadConfirm = () => own().then((m) => m.ConfirmDelete);

function AuthorName({ author }: { author: CommentAuthor }) {
  // The server checks URLs too; this keeps a javascript: link out regardless.
  return author.url && /^https?:\/\//i.test(author.url) ? (
    <a className="author" href={author.url} target="_blank" rel="nofollow ugc noopener noreferrer">
      {authorName(author)}
    </a>
  ) : (
    <span className="author">{authorName(author)}</span>
  );
}

/** The replies under a comment (or under a deleted one's placeholder). */
function Replies({ node }: { node: CommentNode }) {
  return node.children.length > 0 ? (
    <ol className="list children">
      {node.children.map((child) => (
        <CommentItem key={child.comment.id} node={child} />
      ))}
    </ol>
  ) : null;
}

/** One comment, its reply form when open, and its replies. */
export function CommentItem({ node }: { node: CommentNode }) {
  const { bootstrap, state, dispatch, now } = useThread();
  const [own, setOwn] = useState<'editing' | 'confirming' | null>(null);
  const { comment, replyTo } = node;
  if (comment.deleted) {
    return (
      <li className="item">
        <article
          id={`comment-${comment.id}`}
          className="comment deleted"
          data-testid="deleted-comment"
          data-depth={node.depth}
          tabIndex={-1}
        >
          <p className="deleted-note">{t('comment.deleted')}</p>
        </article>
        <Replies node={node} />
        {comment.parentId === null && <MoreReplies parent={comment.id} />}
      </li>
    );
  }
  const name = authorName(comment.author);
  const replying = state.replyingTo === comment.id;
  const editable = !!comment.editableUntil && Date.parse(comment.editableUntil) > now;
  const isNew = state.fresh.includes(comment.id);
  const close = () => setOwn(null);
  const permalink = (id: string) => `${bootstrap.pageUrl}#comment-${id}`;
  return (
    <li className="item">
      <article
        id={`comment-${comment.id}`}
        className="comment"
        data-testid="comment"
        data-depth={node.depth}
        data-highlighted={state.highlighted?.id === comment.id ? 'true' : undefined}
        data-new={isNew ? 'true' : undefined}
        tabIndex={-1}
      >
        <Avatar author={comment.author} />
        <div className="main">
          <header className="meta">
            <AuthorName author={comment.author} />
            {comment.author.provider !== 'guest' && (
              <ProviderMark provider={comment.author.provider} />
            )}
            {replyTo && (
              <a
                className="reply-to"
                href={permalink(replyTo.id)}
                target="_top"
                aria-label={t('comment.inReplyTo', { name: authorName(replyTo.author) })}
                onClick={(event) => {
                  event.preventDefault();
                  dispatch('highlight', replyTo.id);
                }}
              >
                ↪ {authorName(replyTo.author)}
              </a>
            )}
            <a className="permalink" href={permalink(comment.id)} target="_top">
              <time dateTime={comment.createdAt} title={exactTime(comment.createdAt)}>
                {timeAgo(comment.createdAt, now)}
              </time>
            </a>
            {isNew && (
              <span className="new-badge" data-testid="new-badge">
                {t('comment.new')}
              </span>
            )}
            {comment.editedAt && (
              <span className="edited" data-testid="edited" title={exactTime(comment.editedAt)}>
                {t('comment.edited')}
              </span>
            )}
          </header>
          {comment.status === 'pending' && (
            <p className="awaiting" data-testid="awaiting-moderation">
              {t('comment.awaiting')}
            </p>
          )}
          {/* Open until the author closes it: the edit window may end while they
              type (the clock ticks each minute), and then Save must still send
              and show the server's answer, not vanish with the text. */}
          {own === 'editing' ? (
            <Later load={loadEdit} props={{ comment, onClose: close }} />
          ) : (
            <div
              className="body"
              data-testid="comment-body"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised by the server at write time
              dangerouslySetInnerHTML={{ __html: comment.html }}
            />
          )}
          {own === 'confirming' ? (
            <Later load={loadConfirm} props={{ comment, onClose: close }} />
          ) : (
            own !== 'editing' && (
              <div className="actions">
                <button
                  type="button"
                  className="reply"
                  aria-label={t('comment.replyTo', { name })}
                  aria-expanded={replying}
                  onClick={() => dispatch('openReply', comment.id)}
                >
                  {t('comment.reply')}
                </button>
                {editable && (
                  <>
                    <button
                      type="button"
                      className="reply"
                      aria-label={t('comment.editYours')}
                      onClick={() => setOwn('editing')}
                    >
                      {t('comment.edit')}
                    </button>
                    <button
                      type="button"
                      className="reply"
                      aria-label={t('comment.deleteYours')}
                      onClick={() => setOwn('confirming')}
                    >
                      {t('comment.delete')}
                    </button>
                  </>
                )}
              </div>
            )
          )}
        </div>
      </article>
      {replying && <CommentForm parent={comment} />}
      <Replies node={node} />
      {comment.parentId === null && <MoreReplies parent={comment.id} />}
    </li>
  );
}
