import { type InputHTMLAttributes, useEffect, useRef, useState } from 'react';
import type { Comment, SubscriptionOutcome } from '../../../contract/api.ts';
import { ApiError, type ClientErrorCode } from '../api.ts';
import { useThread } from '../context.ts';
import { useDraft } from '../draft.ts';
import { draftKey, saveAuthor } from '../storage.ts';
import { GuestData } from './GuestData.tsx';
import { NO_NOTIFY, NotifyBoxes, type NotifyChoice } from './NotifyBoxes.tsx';
import { SignedIn } from './SignedIn.tsx';
import { SignIn } from './SignIn.tsx';

/** The server's `invalid_body` field names, and the input each one points at. */
const FIELDS = {
  body: 'body',
  'author.name': 'name',
  'author.email': 'email',
  'author.website': 'website',
} as const;
type FieldName = (typeof FIELDS)[keyof typeof FIELDS];

const SIGNED_OUT =
  'Your sign-in has expired. Your comment is kept here; log in again, or fill in your details to post as a guest.';

const SERVER_TROUBLE =
  'The comment server had a problem. Your comment is kept here; please try again.';

/** What the reader is told for errors that are not about one field. */
const MESSAGES: Partial<Record<ClientErrorCode, string>> = {
  network_error: 'Could not reach the comment server. Your comment is kept here; please try again.',
  origin_not_allowed: 'Comments can’t be posted from this page.',
  body_too_large: 'Your comment is too long. Please shorten it and try again.',
  parent_not_found: 'The comment you are replying to is no longer there.',
  unknown_site: 'Comments are unavailable on this site.',
  internal_error: SERVER_TROUBLE,
  invalid_token: SIGNED_OUT,
  unauthorized: SIGNED_OUT,
  token_site_mismatch: SIGNED_OUT,
  bad_response: SERVER_TROUBLE,
  not_author: 'Only its author can change this comment.',
  comment_not_found: 'This comment is no longer there.',
};

/**
 * Codes whose message the server words for this reader (how long to wait, why
 * the comment was refused): shown as sent, with ours only if it sent none.
 */
const SERVER_WORDED: Partial<Record<ClientErrorCode, string>> = {
  rate_limited: 'You are posting too quickly. Please wait a little and try again.',
  duplicate_comment: 'You have already posted this comment.',
  banned: 'You can’t comment on this site.',
  spam_rejected: 'Your comment was rejected as spam.',
  edit_window_closed: 'The time for changing this comment is over.',
};

/** The form's error text for an error that is not about one field (the edit box's too). */
export function formMessage({ code, message }: ApiError): string {
  const fallback = SERVER_WORDED[code];
  if (fallback) return message || fallback;
  return MESSAGES[code] || message || SERVER_TROUBLE;
}

function fieldOf(error: ApiError | null): FieldName | null {
  if (error?.code !== 'invalid_body' || !error.field) return null;
  return FIELDS[error.field as keyof typeof FIELDS] ?? null;
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
}

/** A labelled input with its optional hint and its server error, tied by aria-describedby. */
function Field({ id, label, hint, error, ...input }: FieldProps) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "This site uses Akismet…" and the site's privacy link, per site settings; nothing when neither. */
function PrivacyLine() {
  const { akismet, privacyUrl } = useThread().bootstrap.privacy;
  if (!akismet && !privacyUrl) return null;
  return (
    <p className="privacy" data-testid="privacy">
      {akismet && 'This site uses Akismet to reduce spam. '}
      {privacyUrl && (
        <>
          <a href={privacyUrl} target="_blank" rel="noopener">
            Learn how your comment data is processed
          </a>
          .
        </>
      )}
    </p>
  );
}

/**
 * The form for a new comment (`parent` null) or a reply. The text is a draft
 * (storage.ts) from the first keystroke until the server has stored it.
 */
export function CommentForm({ parent }: { parent: Comment | null }) {
  const { bootstrap, api, auth, state, dispatch, storage } = useThread();
  const { author, remember, session } = state;
  const prefix = `parley-${parent ? parent.id : 'new'}`;
  const draft = useDraft(storage, draftKey(bootstrap.site, bootstrap.page, parent?.id ?? null));
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const [notify, setNotify] = useState<NotifyChoice>(NO_NOTIFY);
  const [subscription, setSubscription] = useState<SubscriptionOutcome | null>(null);

  // A reply form opens where the reader clicked; put the caret there.
  useEffect(() => {
    if (parent) textarea.current?.focus();
  }, [parent]);

  const onRememberChange = (checked: boolean) => {
    dispatch('setRemember', checked);
    // Unticking means "forget me" now, not at the next post.
    if (!checked) saveAuthor(storage, bootstrap.site, null);
  };

  const submit = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (posting) return;
    draft.save();
    setPosting(true);
    setError(null);
    try {
      const post = {
        site: bootstrap.site,
        page: bootstrap.page,
        pageUrl: bootstrap.pageUrl,
        pageTitle: bootstrap.pageTitle,
        parentId: parent?.id ?? null,
        body: draft.text,
        // Spam defence: when the form was rendered, and the field only bots fill in.
        formToken: bootstrap.formToken,
        hp: honeypot.current?.value ?? '',
        // The boxes, only when one is ticked; emails are written in the widget's language.
        ...((notify.replies || notify.page) && { notify: { ...notify, lang: bootstrap.locale } }),
      };
      // Signed in, the server takes the author from the token.
      const guest = {
        name: author.name.trim(),
        email: author.email.trim(),
        ...(author.website.trim() && { website: author.website.trim() }),
      };
      const { comment, subscription: outcome } = await auth.authorized(() =>
        api.createComment(session ? post : { ...post, author: guest }),
      );
      draft.clear();
      setSubscription(outcome ?? null);
      setNotify(NO_NOTIFY);
      if (!session) saveAuthor(storage, bootstrap.site, remember ? author : null);
      setPosting(false);
      dispatch('addComment', comment);
    } catch (err) {
      setPosting(false);
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'bad_response', String(err));
      setError(apiError);
      const invalid = fieldOf(apiError);
      if (invalid) document.getElementById(`${prefix}-${invalid}`)?.focus();
    }
  };

  const field = fieldOf(error);
  const fieldError = (name: FieldName) =>
    field === name ? error?.message || 'Please check this field.' : null;
  const formError = error && !field ? formMessage(error) : null;
  const heading = parent ? `Reply to ${parent.author.name}` : 'Leave a comment';

  return (
    <form
      className={parent ? 'form reply-form' : 'form'}
      data-testid="comment-form"
      data-parent-id={parent?.id}
      aria-labelledby={`${prefix}-title`}
      // Like WordPress's form: the server validates (and reports per field),
      // and a website typed without https:// is accepted and normalised there.
      noValidate
      onSubmit={submit}
    >
      <div className="form-head">
        <h3 id={`${prefix}-title`}>{heading}</h3>
        {parent && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              draft.save();
              dispatch('closeReply', null);
              document
                .querySelector<HTMLElement>(`#comment-${CSS.escape(parent.id)} .reply`)
                ?.focus();
            }}
          >
            Cancel reply
          </button>
        )}
      </div>
      <label htmlFor={`${prefix}-body`} className="visually-hidden">
        Comment
      </label>
      <textarea
        ref={textarea}
        id={`${prefix}-body`}
        name="comment"
        rows={3}
        required
        placeholder="Write a comment…"
        value={draft.text}
        aria-invalid={fieldError('body') ? true : undefined}
        aria-describedby={fieldError('body') ? `${prefix}-body-error` : undefined}
        onInput={(event) => draft.setText(event.currentTarget.value)}
        onBlur={draft.save}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.currentTarget.form?.requestSubmit();
          }
        }}
      />
      {fieldError('body') && (
        <p id={`${prefix}-body-error`} className="error" role="alert">
          {fieldError('body')}
        </p>
      )}
      {/* Only what follows the textarea changes, so the text typed stays put. */}
      {session ? (
        <div className="details" data-testid="sign-in-slot">
          <SignedIn session={session} />
        </div>
      ) : (
        <>
          <fieldset className="details">
            <legend>
              {bootstrap.providers.length > 0
                ? 'Fill in your details below or click an icon to log in:'
                : 'Fill in your details below'}
            </legend>
            <div data-testid="sign-in-slot">
              <SignIn beforeSignIn={draft.save} />
            </div>
            <div className="fields">
              <Field
                id={`${prefix}-email`}
                label="Email"
                hint="Address never made public"
                error={fieldError('email')}
                type="email"
                name="email"
                autoComplete="email"
                required
                value={author.email}
                onInput={(event) => dispatch('setAuthor', { email: event.currentTarget.value })}
              />
              <Field
                id={`${prefix}-name`}
                label="Name"
                error={fieldError('name')}
                name="name"
                autoComplete="name"
                required
                value={author.name}
                onInput={(event) => dispatch('setAuthor', { name: event.currentTarget.value })}
              />
              <Field
                id={`${prefix}-website`}
                label="Website"
                error={fieldError('website')}
                type="url"
                name="url"
                autoComplete="url"
                value={author.website}
                onInput={(event) => dispatch('setAuthor', { website: event.currentTarget.value })}
              />
            </div>
          </fieldset>
          <label className="remember">
            <input
              type="checkbox"
              checked={remember}
              onChange={(event) => onRememberChange(event.currentTarget.checked)}
            />
            Save my name, email, and website in this browser for the next time I comment.
          </label>
          {!parent && <GuestData />}
        </>
      )}
      {/* Only where an email can go: a guest types one; a provider must have given one. */}
      {(!session || session.identity.emailable) && (
        <NotifyBoxes choice={notify} onChange={setNotify} outcome={subscription} />
      )}
      {/* The honeypot: hidden from people (off-screen, out of the tab order and
          the accessibility tree), so only a bot filling every field types here. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={`${prefix}-url2`}>Leave this field empty</label>
        <input
          ref={honeypot}
          id={`${prefix}-url2`}
          name="url2"
          type="text"
          tabIndex={-1}
          autoComplete="off"
        />
      </div>
      {formError && (
        <p className="error form-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" className="submit" disabled={posting}>
        {posting ? 'Posting…' : 'Post Comment'}
      </button>
      <PrivacyLine />
    </form>
  );
}
