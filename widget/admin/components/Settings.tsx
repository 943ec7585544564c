import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { SettingsResponse } from '../../../contract/dashboard.ts';
import { LOCALE_NAMES, LOCALES } from '../../../contract/i18n/locales.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { type DashboardKey, type Said, say, t } from '../i18n.ts';
import { errorSaid, sessionEnded } from '../messages.ts';
import {
  type DraftField,
  draftFieldOf,
  NUMBER_RANGES,
  type SettingsDraft,
  toDraft,
  toUpdate,
} from '../settings-form.ts';
import { EmbedSnippet } from './EmbedSnippet.tsx';
import { useRole } from './Header.tsx';
import { ImportExport } from './ImportExport.tsx';
import { ProviderChecks } from './ProviderChecks.tsx';

type Errors = Partial<Record<DraftField, Said>>;

/**
 * What is wrong with a field the server refused, by the field (the server's
 * message is English and names zod's rule, not the owner's fix).
 */
const FIELD_PROBLEM: Partial<Record<DraftField, DashboardKey>> = {
  name: 'settings.invalidName',
  origins: 'settings.invalidOrigins',
  privacyUrl: 'settings.invalidUrl',
  ips: 'settings.invalidIps',
};

function fieldProblem(field: DraftField): Said {
  const range = NUMBER_RANGES[field];
  if (range) {
    const { min, max, whole } = range;
    return { key: whole ? 'settings.invalidWhole' : 'settings.invalidRange', params: { min, max } };
  }
  return { key: FIELD_PROBLEM[field] ?? 'settings.invalid' };
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
  const [alert, setAlert] = useState<Said | null>(null);
  const [status, setStatus] = useState<DashboardKey | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);

  function fail(error: unknown) {
    if (sessionEnded(error)) report(error);
    else setAlert(errorSaid(error));
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
      setStatus('settings.noChanges');
      return;
    }
    setBusy(true);
    try {
      const saved = await api.saveSettings(site, { ...update, version: loaded.version });
      setLoaded(saved);
      setDraft(toDraft(saved));
      setStatus('settings.saved');
      if (saved.site.name !== loaded.site.name)
        dispatch('siteRenamed', { id: site, name: saved.site.name });
    } catch (error) {
      const field = error instanceof ApiError ? draftFieldOf(error.field) : null;
      if (error instanceof ApiError && field) {
        setErrors({ [field]: fieldProblem(field) });
        setAlert({ key: 'settings.correct' });
        form.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
      } else if (error instanceof ApiError && error.code === 'forbidden') {
        setAlert({ key: 'settings.ownersOnly' });
      } else fail(error);
    } finally {
      setBusy(false);
    }
  }

  const alertLine = alert ? (
    <p role="alert" className="error">
      {say(alert)}
    </p>
  ) : null;
  if (!loaded || !draft) {
    return (
      <main className="page-body settings" aria-busy={!alert}>
        <h1>{t('settings.heading')}</h1>
        {alertLine ?? <p className="empty">{t('loading')}</p>}
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
  const field = (f: DraftField, label: DashboardKey, control: ReactNode, hint?: DashboardKey) => (
    <div className="field">
      <label htmlFor={fid(f)}>{t(label)}</label>
      {control}
      {hint ? (
        <p id={`${fid(f)}-hint`} className="hint">
          {t(hint)}
        </p>
      ) : null}
      {errors[f] ? (
        <p id={`${fid(f)}-error`} className="error">
          {say(errors[f])}
        </p>
      ) : null}
    </div>
  );

  return (
    <main className="page-body settings">
      <h1>{t('settings.heading')}</h1>
      {owner ? null : <p className="note">{t('settings.readOnly')}</p>}
      <form ref={form} onSubmit={save} aria-label={t('settings.form')} noValidate>
        <fieldset disabled={!owner} className="sections-of-form">
          <fieldset>
            <legend>{t('settings.site')}</legend>
            {field('name', 'settings.name', <input type="text" {...text('name')} />)}
            {field(
              'origins',
              'settings.origins',
              <textarea rows={3} {...text('origins', true)} />,
              'settings.originsHint',
            )}
          </fieldset>

          <fieldset>
            <legend>{t('settings.moderation')}</legend>
            {field(
              'mode',
              'settings.mode',
              <select
                {...props('mode')}
                value={draft.mode}
                onChange={(event) => {
                  const mode = event.currentTarget.value as SettingsDraft['mode'];
                  setDraft((d) => d && { ...d, mode });
                }}
              >
                <option value="none">{t('settings.modeNone')}</option>
                <option value="first-time">{t('settings.modeFirstTime')}</option>
                <option value="all">{t('settings.modeAll')}</option>
              </select>,
            )}
            {field(
              'linkLimit',
              'settings.linkLimit',
              <input type="number" min={0} step={1} {...text('linkLimit', true)} />,
              'settings.linkLimitHint',
            )}
            {field(
              'minFormSeconds',
              'settings.minFormSeconds',
              <input type="number" min={0} step={1} {...text('minFormSeconds', true)} />,
              'settings.minFormSecondsHint',
            )}
            {field(
              'akismetKey',
              'settings.akismetKey',
              <input
                type="text"
                autoComplete="off"
                spellCheck={false}
                {...text('akismetKey', true)}
              />,
              'settings.akismetKeyHint',
            )}
          </fieldset>

          <fieldset>
            <legend>{t('settings.blocklist')}</legend>
            {field(
              'words',
              'settings.words',
              <textarea rows={3} {...text('words', true)} />,
              'settings.perLine',
            )}
            {field(
              'emails',
              'settings.emails',
              <textarea rows={3} {...text('emails', true)} />,
              'settings.perLine',
            )}
            {field(
              'ips',
              'settings.ips',
              <textarea rows={3} {...text('ips', true)} />,
              'settings.ipsHint',
            )}
            {field(
              'identities',
              'settings.identities',
              <textarea rows={2} {...text('identities', true)} />,
              'settings.identitiesHint',
            )}
            {field(
              'blocklistAction',
              'settings.blocklistAction',
              <select
                {...props('blocklistAction')}
                value={draft.blocklistAction}
                onChange={(event) => {
                  const blocklistAction = event.currentTarget
                    .value as SettingsDraft['blocklistAction'];
                  setDraft((d) => d && { ...d, blocklistAction });
                }}
              >
                <option value="hold">{t('status.pending')}</option>
                <option value="spam">{t('status.spam')}</option>
              </select>,
            )}
          </fieldset>

          <fieldset>
            <legend>{t('settings.comments')}</legend>
            {field(
              'editWindowMinutes',
              'settings.editWindow',
              <input type="number" min={0} step={1} {...text('editWindowMinutes', true)} />,
              'settings.editWindowHint',
            )}
            {field(
              'maxDepth',
              'settings.maxDepth',
              <input type="number" min={1} step={1} {...text('maxDepth', true)} />,
              'settings.maxDepthHint',
            )}
            {field(
              'privacyUrl',
              'settings.privacyUrl',
              <input type="url" {...text('privacyUrl', true)} />,
              'settings.privacyUrlHint',
            )}
            {field(
              'language',
              'settings.language',
              <select
                {...props('language', true)}
                value={draft.language}
                onChange={(event) => {
                  const language = event.currentTarget.value as SettingsDraft['language'];
                  setDraft((d) => d && { ...d, language });
                }}
              >
                <option value="">{t('settings.languageEach')}</option>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale} lang={locale}>
                    {LOCALE_NAMES[locale]}
                  </option>
                ))}
              </select>,
              'settings.languageHint',
            )}
            {field(
              'gravatar',
              'settings.gravatar',
              <input
                type="checkbox"
                {...props('gravatar', true)}
                checked={draft.gravatar}
                onChange={(event) => {
                  const gravatar = event.currentTarget.checked;
                  setDraft((d) => d && { ...d, gravatar });
                }}
              />,
              'settings.gravatarHint',
            )}
            {field(
              'requestDataRetentionDays',
              'settings.retention',
              <input type="number" min={1} step={1} {...text('requestDataRetentionDays', true)} />,
              'settings.retentionHint',
            )}
            {field(
              'readerDeletion',
              'settings.readerDeletion',
              <select
                {...props('readerDeletion', true)}
                value={draft.readerDeletion}
                onChange={(event) => {
                  const readerDeletion = event.currentTarget
                    .value as SettingsDraft['readerDeletion'];
                  setDraft((d) => d && { ...d, readerDeletion });
                }}
              >
                <option value="choice">{t('settings.readerDeletionChoice')}</option>
                <option value="anonymise">{t('settings.readerDeletionAnonymise')}</option>
                <option value="remove">{t('settings.readerDeletionRemove')}</option>
              </select>,
              'settings.readerDeletionHint',
            )}
          </fieldset>

          <ProviderChecks
            value={draft.providers}
            error={errors.providers ? say(errors.providers) : undefined}
            errorId={`${fid('providers')}-error`}
            onChange={(next) => setDraft((d) => d && { ...d, providers: next(d.providers) })}
          />
        </fieldset>
        {alertLine}
        {owner ? (
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('settings.save')}
            </button>
            <p role="status">{status ? t(status) : null}</p>
          </div>
        ) : null}
      </form>
      <EmbedSnippet snippet={loaded.embedSnippet} />
      {owner && site ? <ImportExport site={site} /> : null}
    </main>
  );
}
