/**
 * What the author can do with their own comment while the site's edit
 * window is open: edit it in place, or delete it after an inline
 * confirmation (never `window.confirm`: a dialog blocks the page and its tests).
 */
import { useEffect, useRef, useState } from 'react';
import type { Comment } from '../../../contract/api.ts';
import { ApiError } from '../api.ts';
import { useThread } from '../context.ts';
import { t } from '../i18n.ts';
import { checkForm, fieldText, formMessage, fromServer } from '../problems.ts';

/** What the author is told when a change is refused: about the text by the form's words. */
function errorText(err: unknown, body: string, max: number): string {
  const error = err instanceof ApiError ? err : new ApiError(0, 'bad_response', String(err));
  const problem = fromServer(error, { body })?.body;
  return problem ? fieldText('body', problem, max) : formMessage(error);
}

/** Focuses the comment again once an edit or confirmation closes. */
const refocus = (id: string) => document.getElementById(`comment-${id}`)?.focus();

/** The inline editor: the comment's source, Save and Cancel. */
export function EditComment({ comment, onClose }: { comment: Comment; onClose: () => void }) {
  const { api, auth, dispatch, bootstrap } = useThread();
  const max = bootstrap.maxBodyChars;
  const [text, setText] = useState(comment.source ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = `parley-edit-${comment.id}`;

  useEffect(() => textarea.current?.focus(), []);

  const close = () => {
    onClose();
    refocus(comment.id);
  };

  const save = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (saving) return;
    const problem = checkForm({ body: text }, max).body;
    if (problem) {
      setError(fieldText('body', problem, max));
      textarea.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const { comment: edited } = await auth.authorized(() => api.updateComment(comment.id, text));
      dispatch('replaceComment', edited);
      close();
    } catch (err) {
      setSaving(false);
      setError(errorText(err, text, max));
    }
  };

  return (
    <form
      className="edit-form"
      data-testid="edit-form"
      aria-label={t('comment.editYours')}
      onSubmit={save}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('edit.label')}
      </label>
      <textarea
        ref={textarea}
        id={id}
        rows={3}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.currentTarget.form?.requestSubmit();
          } else if (event.key === 'Escape') close();
        }}
      />
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      <div className="own-actions">
        <button type="submit" className="submit" disabled={saving}>
          {saving ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" className="link-button" onClick={close}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Delete this comment?" with Delete and Keep, in place of the comment's buttons. */
export function ConfirmDelete({ comment, onClose }: { comment: Comment; onClose: () => void }) {
  const { api, auth, dispatch, bootstrap } = useThread();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);

  // The harmless choice gets the focus.
  useEffect(() => keep.current?.focus(), []);

  const remove = async () => {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    try {
      await auth.authorized(() => api.deleteComment(comment.id));
      dispatch('removeComment', comment.id);
    } catch (err) {
      setDeleting(false);
      setError(errorText(err, '', bootstrap.maxBodyChars));
    }
  };

  return (
    <fieldset className="confirm" aria-label={t('delete.confirm')} data-testid="confirm-delete">
      <span>{t('delete.confirm')}</span>
      <button type="button" className="link-button danger" disabled={deleting} onClick={remove}>
        {deleting ? t('delete.deleting') : t('comment.delete')}
      </button>
      <button
        type="button"
        ref={keep}
        className="link-button"
        onClick={() => {
          onClose();
          refocus(comment.id);
        }}
      >
        {t('delete.keep')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
