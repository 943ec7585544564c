import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { SettingsResponse } from '../../../contract/dashboard.ts';
import { LOCALE_NAMES, LOCALES } from '../../../contract/i18n/locales.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { errorMessage, sessionEnded } from '../messages.ts';
import {
  type DraftField,
  draftFieldOf,
  type SettingsDraft,
  toDraft,
  toUpdate,
} from '../settings-form.ts';
import { EmbedSnippet } from './EmbedSnippet.tsx';
import { useRole } from './Header.tsx';
import { ImportExport } from './ImportExport.tsx';
import { ProviderChecks } from './ProviderChecks.tsx';

type Errors = Partial<Record<DraftField, string>>;

/** The server's message without the `field: ` it starts with (the field is shown by its input). */
function fieldMessage(error: ApiError): string {
  const prefix = `${error.field}: `;
  const text = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  return text || 'This value is not valid.';
}

/**
 * The site's settings as a form. Owners save only what they changed; the
 * server's 400 names the field, and the message appears beside it.
 * Moderators see the same form, disabled, with a note.
 */
export function Settings() {
  const { api, state, dispatch, report } = useDashboard();
  const site = state.site;
  const owner = useRole() === 'owner';
  const [loaded, setLoaded] = useState<SettingsResponse | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);

  function fail(error: unknown) {
    if (sessionEnded(error)) report(error);
    else setAlert(errorMessage(error));
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again only for another site
  useEffect(() => {
    if (!site) return;
    let live = true;
    setLoaded(null);
    setDraft(null);
    setErrors({});
    setAlert(null);
    setStatus(null);
    api.getSettings(site).then(
      (response) => {
        if (!live) return;
        setLoaded(response);
        setDraft(toDraft(response));
      },
      (error: unknown) => {
        if (live) fail(error);
      },
    );
    return () => {
      live = false;
    };
  }, [api, site]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!site || !loaded || !draft) return;
    setErrors({});
    setAlert(null);
    setStatus(null);
    const update = toUpdate(loaded, draft);
    if (Object.keys(update).length === 0) {
      setStatus('No changes to save.');
      return;
    }
    setBusy(true);
    try {
      const saved = await api.saveSettings(site, { ...update, version: loaded.version });
      setLoaded(saved);
      setDraft(toDraft(saved));
      setStatus('Settings saved.');
      if (saved.site.name !== loaded.site.name)
        dispatch('siteRenamed', { id: site, name: saved.site.name });
    } catch (error) {
      const field = error instanceof ApiError ? draftFieldOf(error.field) : null;
      if (error instanceof ApiError && field) {
        setErrors({ [field]: fieldMessage(error) });
        setAlert('Please correct the marked field.');
        form.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
      } else if (error instanceof ApiError && error.code === 'forbidden') {
        setAlert('Only the site’s owners can change its settings.');
      } else fail(error);
    } finally {
      setBusy(false);
    }
  }

  const alertLine = alert ? (
    <p role="alert" className="error">
      {alert}
    </p>
  ) : null;
  if (!loaded || !draft) {
    return (
      <main className="page-body settings" aria-busy={!alert}>
        <h1>Settings</h1>
        {alertLine ?? <p className="empty">Loading…</p>}
      </main>
    );
  }

  const fid = (f: DraftField) => `${id}-${f}`;
  /** The props that tie an input to its label, hint and error. */
  const props = (f: DraftField, hint = false) => {
    const described = [errors[f] ? `${fid(f)}-error` : '', hint ? `${fid(f)}-hint` : '']
      .filter(Boolean)
      .join(' ');
    return {
      id: fid(f),
      name: f,
      'aria-invalid': errors[f] ? true : undefined,
      'aria-describedby': described || undefined,
    };
  };
  const text = (f: DraftField, hint = false) => ({
    ...props(f, hint),
    value: draft[f] as string,
    onInput: (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = event.currentTarget.value;
      setDraft((d) => d && { ...d, [f]: value });
    },
  });
  /** Label, control, hint and error of one field. */
  const field = (f: DraftField, label: string, control: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={fid(f)}>{label}</label>
      {control}
      {hint ? (
        <p id={`${fid(f)}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errors[f] ? (
        <p id={`${fid(f)}-error`} className="error">
          {errors[f]}
        </p>
      ) : null}
    </div>
  );
  const lines = 'One per line.';

  return (
    <main className="page-body settings">
      <h1>Settings</h1>
      {owner ? null : (
        <p className="note">
          Only the site’s owners can change these settings. As a moderator you can read them.
        </p>
      )}
      <form ref={form} onSubmit={save} aria-label="Site settings" noValidate>
        <fieldset disabled={!owner} className="sections-of-form">
          <fieldset>
            <legend>Site</legend>
            {field('name', 'Site name', <input type="text" {...text('name')} />)}
            {field(
              'origins',
              'Allowed origins',
              <textarea rows={3} {...text('origins', true)} />,
              `${lines} Pages the widget may be embedded in, like https://blog.example`,
            )}
          </fieldset>

          <fieldset>
            <legend>Moderation</legend>
            {field(
              'mode',
              'Hold comments for moderation',
              <select
                {...props('mode')}
                value={draft.mode}
                onChange={(event) => {
                  const mode = event.currentTarget.value as SettingsDraft['mode'];
                  setDraft((d) => d && { ...d, mode });
                }}
              >
                <option value="none">None</option>
                <option value="first-time">First-time commenters</option>
                <option value="all">All comments</option>
              </select>,
            )}
            {field(
              'linkLimit',
              'Link limit',
              <input type="number" min={0} step={1} {...text('linkLimit', true)} />,
              'Hold a comment with at least this many links.',
            )}
            {field(
              'minFormSeconds',
              'Minimum seconds before posting',
              <input type="number" min={0} step={1} {...text('minFormSeconds', true)} />,
              'A comment posted faster than this after the form appeared is treated as a bot’s.',
            )}
            {field(
              'akismetKey',
              'Akismet API key',
              <input
                type="text"
                autoComplete="off"
                spellCheck={false}
                {...text('akismetKey', true)}
              />,
              'Leave empty to turn Akismet off.',
            )}
          </fieldset>

          <fieldset>
            <legend>Blocklist</legend>
            {field('words', 'Blocked words', <textarea rows={3} {...text('words', true)} />, lines)}
            {field(
              'emails',
              'Blocked emails',
              <textarea rows={3} {...text('emails', true)} />,
              lines,
            )}
            {field(
              'ips',
              'Blocked IPs',
              <textarea rows={3} {...text('ips', true)} />,
              `${lines} Addresses or CIDR ranges, like 203.0.113.0/24.`,
            )}
            {field(
              'identities',
              'Banned identities',
              <textarea rows={2} {...text('identities', true)} />,
              `${lines} Added by “Ban author”; remove a line to lift a ban.`,
            )}
            {field(
              'blocklistAction',
              'Blocklist matches go to',
              <select
                {...props('blocklistAction')}
                value={draft.blocklistAction}
                onChange={(event) => {
                  const blocklistAction = event.currentTarget
                    .value as SettingsDraft['blocklistAction'];
                  setDraft((d) => d && { ...d, blocklistAction });
                }}
              >
                <option value="hold">Pending</option>
                <option value="spam">Spam</option>
              </select>,
            )}
          </fieldset>

          <fieldset>
            <legend>Comments</legend>
            {field(
              'editWindowMinutes',
              'Edit window (minutes)',
              <input type="number" min={0} step={1} {...text('editWindowMinutes', true)} />,
              'How long authors may edit or delete their own comment.',
            )}
            {field(
              'maxDepth',
              'Reply depth',
              <input type="number" min={1} step={1} {...text('maxDepth', true)} />,
              'How deep replies may nest.',
            )}
            {field(
              'privacyUrl',
              'Privacy policy URL',
              <input type="url" {...text('privacyUrl', true)} />,
              'Linked under the comment form as “Learn how your comment data is processed”.',
            )}
            {field(
              'language',
              'Language',
              <select
                {...props('language', true)}
                value={draft.language}
                onChange={(event) => {
                  const language = event.currentTarget.value as SettingsDraft['language'];
                  setDraft((d) => d && { ...d, language });
                }}
              >
                <option value="">Each reader’s own</option>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale} lang={locale}>
                    {LOCALE_NAMES[locale]}
                  </option>
                ))}
              </select>,
              'The widget’s language for every reader (unless a page’s data-lang says otherwise), and the language of moderation emails.',
            )}
            {field(
              'gravatar',
              'Guests’ pictures from Gravatar',
              <input
                type="checkbox"
                {...props('gravatar', true)}
                checked={draft.gravatar}
                onChange={(event) => {
                  const gravatar = event.currentTarget.checked;
                  setDraft((d) => d && { ...d, gravatar });
                }}
              />,
              'Parley fetches them and serves them itself, so readers’ browsers never contact Gravatar. Off: Parley draws a picture.',
            )}
            {field(
              'requestDataRetentionDays',
              'Keep IP addresses and browsers for (days)',
              <input type="number" min={1} step={1} {...text('requestDataRetentionDays', true)} />,
              'Used against spam; erased from comments older than this.',
            )}
            {field(
              'readerDeletion',
              'When readers delete their data, their comments',
              <select
                {...props('readerDeletion', true)}
                value={draft.readerDeletion}
                onChange={(event) => {
                  const readerDeletion = event.currentTarget
                    .value as SettingsDraft['readerDeletion'];
                  setDraft((d) => d && { ...d, readerDeletion });
                }}
              >
                <option value="choice">Are kept or removed, as they choose</option>
                <option value="anonymise">Are kept, as “Deleted user”</option>
                <option value="remove">Are removed</option>
              </select>,
              'A removed comment with replies stays as a placeholder, so the replies keep their place.',
            )}
          </fieldset>

          <ProviderChecks
            value={draft.providers}
            error={errors.providers}
            errorId={`${fid('providers')}-error`}
            onChange={(next) => setDraft((d) => d && { ...d, providers: next(d.providers) })}
          />
        </fieldset>
        {alertLine}
        {owner ? (
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              Save settings
            </button>
            <p role="status">{status}</p>
          </div>
        ) : null}
      </form>
      <EmbedSnippet snippet={loaded.embedSnippet} />
      {owner && site ? <ImportExport site={site} /> : null}
    </main>
  );
}
