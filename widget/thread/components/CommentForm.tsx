import { type InputHTMLAttributes, useEffect, useRef, useState } from 'react';
import type { Comment, SubscriptionOutcome } from '../../../contract/api.ts';
import { ApiError } from '../api.ts';
import { useThread } from '../context.ts';
import { useDraft } from '../draft.ts';
import { type FieldProblems, type FormField, type FormInput, storedLength } from '../form-check.ts';
import { authorName, loadAllWords, t } from '../i18n.ts';
import { draftKey, saveAuthor } from '../storage.ts';
import { counterText, networkTrouble } from '../text.ts';
import { GuestData } from './GuestData.tsx';
import { NO_NOTIFY, NotifyBoxes, type NotifyChoice } from './NotifyBoxes.tsx';
import { SignedIn } from './SignedIn.tsx';
import { SignIn } from './SignIn.tsx';

type Problems = typeof import('../problems.ts');
let problemsModule: Promise<Problems> | undefined;

/**
 * The form's check and its words for problems (problems.ts), loaded once:
 * when the reader starts writing, at the latest on submit. Tried again after
 * a failed load (the network came back).
 */
export function loadProblems(): Promise<Problems> {
  // The words for problems come with the rest of the reader's language.
  problemsModule ??= Promise.all([import('../problems.ts'), loadAllWords()]).then(
    ([module]) => module,
    (error: unknown) => {
      problemsModule = undefined;
      throw error;
    },
  );
  return problemsModule;
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
}

/** A labelled input with its optional hint and its problem, tied by aria-describedby. */
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
        <p id={`${id}-error`} className="error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Shown from 90 % of the limit: how much is left, or how far over. */
function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  if (length < max * 0.9) return null;
  return (
    <p id={id} className={length > max ? 'counter over' : 'counter'} data-testid="counter">
      {counterText(length, max)}
    </p>
  );
}

/** "This site uses Akismet…" and the site's privacy link, per site settings; nothing when neither. */
function PrivacyLine() {
  const { akismet, privacyUrl } = useThread().bootstrap.privacy;
  if (!akismet && !privacyUrl) return null;
  return (
    <p className="privacy" data-testid="privacy">
      {akismet && `${t('form.akismet')} `}
      {privacyUrl && (
        <>
          <a href={privacyUrl} target="_blank" rel="noopener">
            {t('form.privacy')}
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
  const [problems, setProblems] = useState<FieldProblems>({});
  // Set before any problem is: the words for them.
  const [words, setWords] = useState<Problems | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
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

  const max = bootstrap.maxBodyChars;
  const input = (): FormInput => ({
    body: draft.text,
    ...(!session && { guest: author }),
  });

  /** Shows every problem beside its field and puts the caret in the first. */
  const showProblems = (found: FieldProblems, { firstProblem }: Problems) => {
    setProblems(found);
    const first = firstProblem(found);
    if (first) document.getElementById(`${prefix}-${first}`)?.focus();
  };

  /** Typing in a field with a problem takes its line away. */
  const touched = (field: FormField) => {
    if (problems[field]) setProblems(({ [field]: _, ...rest }) => rest);
  };

  const submit = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (posting) return;
    draft.save();
    setFormError(null);
    let check: Problems;
    try {
      check = await loadProblems();
    } catch {
      // Its code could not load: neither would the comment.
      setFormError(networkTrouble());
      return;
    }
    setWords(check);
    const found = check.checkForm(input(), max);
    if (check.firstProblem(found)) {
      showProblems(found, check);
      dispatch('announce', check.problemsAnnouncement(Object.keys(found).length));
      return;
    }
    setProblems({});
    setPosting(true);
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
      // The server stays the authority: what it refuses shows beside its field too.
      const fromTheServer = check.fromServer(apiError, input());
      if (fromTheServer) showProblems(fromTheServer, check);
      else setFormError(check.formMessage(apiError));
    }
  };

  const fieldError = (name: FormField) => {
    const problem = problems[name];
    return problem && words ? words.fieldText(name, problem, max) : null;
  };
  const length = storedLength(draft.text);
  const bodyDescribed = [
    fieldError('body') && `${prefix}-body-error`,
    length >= max * 0.9 && `${prefix}-body-count`,
  ]
    .filter(Boolean)
    .join(' ');
  const heading = parent ? t('form.replyTo', { name: authorName(parent.author) }) : t('form.leave');

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
      // Typing anywhere in the form: its check is wanted soon.
      onInput={() => void loadProblems().catch(() => {})}
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
            {t('form.cancelReply')}
          </button>
        )}
      </div>
      <label htmlFor={`${prefix}-body`} className="visually-hidden">
        {t('form.comment')}
      </label>
      <textarea
        ref={textarea}
        id={`${prefix}-body`}
        name="comment"
        rows={3}
        required
        placeholder={t('form.placeholder')}
        value={draft.text}
        aria-invalid={fieldError('body') ? true : undefined}
        aria-describedby={bodyDescribed || undefined}
        onInput={(event) => {
          draft.setText(event.currentTarget.value);
          touched('body');
        }}
        onBlur={draft.save}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <Counter id={`${prefix}-body-count`} length={length} max={max} />
      {fieldError('body') && (
        <p id={`${prefix}-body-error`} className="error" data-testid={`${prefix}-body-error`}>
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
              {bootstrap.providers.length > 0 ? t('form.detailsOrLogIn') : t('form.details')}
            </legend>
            <div data-testid="sign-in-slot">
              <SignIn beforeSignIn={draft.save} />
            </div>
            <div className="fields">
              <Field
                id={`${prefix}-email`}
                label={t('form.email')}
                hint={t('form.emailHint')}
                error={fieldError('email')}
                type="email"
                name="email"
                autoComplete="email"
                required
                value={author.email}
                onInput={(event) => {
                  dispatch('setAuthor', { email: event.currentTarget.value });
                  touched('email');
                }}
              />
              <Field
                id={`${prefix}-name`}
                label={t('form.name')}
                error={fieldError('name')}
                name="name"
                autoComplete="name"
                required
                value={author.name}
                onInput={(event) => {
                  dispatch('setAuthor', { name: event.currentTarget.value });
                  touched('name');
                }}
              />
              <Field
                id={`${prefix}-website`}
                label={t('form.website')}
                error={fieldError('website')}
                type="url"
                name="url"
                autoComplete="url"
                value={author.website}
                onInput={(event) => {
                  dispatch('setAuthor', { website: event.currentTarget.value });
                  touched('website');
                }}
              />
            </div>
          </fieldset>
          <label className="remember">
            <input
              type="checkbox"
              checked={remember}
              onChange={(event) => onRememberChange(event.currentTarget.checked)}
            />
            {t('form.remember')}
          </label>
        </>
      )}
      {/* Only where an email can go: a guest types one; a provider must have given one. */}
      {(!session || session.identity.emailable) && (
        <NotifyBoxes choice={notify} onChange={setNotify} outcome={subscription} />
      )}
      {!session && !parent && <GuestData />}
      {/* The honeypot: hidden from people (off-screen, out of the tab order and
          the accessibility tree), so only a bot filling every field types here. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={`${prefix}-url2`}>{t('form.honeypot')}</label>
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
        {t(posting ? 'form.posting' : 'form.post')}
      </button>
      <PrivacyLine />
    </form>
  );
}
