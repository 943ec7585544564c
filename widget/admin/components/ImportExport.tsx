import { type FormEvent, useId, useState } from 'react';
import {
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  type ImportFailure,
  type ImportFormat,
  type ImportProgress,
  type ImportRefusal,
  type ImportSummary,
} from '../../../contract/imports.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { type DashboardKey, t } from '../i18n.ts';
import { errorSaid, sessionEnded } from '../messages.ts';

// Format names, the same in every language.
const EXPORT_LABELS = { json: 'Parley JSON', wxr: 'WordPress (WXR)' } as const;

const FORMAT_NAMES: Record<ImportFormat, DashboardKey> = {
  wxr: 'import.formatWxr',
  disqus: 'import.formatDisqus',
  parley: 'import.formatParley',
  remark42: 'import.formatRemark42',
  isso: 'import.formatIsso',
};

/** What an import's failure means to the owner, by code (the server's detail is shown beside it). */
function importFailure(error: ApiError): DashboardKey | null {
  switch (error.code) {
    case 'malformed_import':
      return 'import.malformed';
    case 'import_too_large':
      return 'import.tooLarge';
    case 'unknown_import_format':
      return 'import.unknownFormat';
    case 'invalid_body':
      return error.field === 'mapUrl' ? 'import.badMapping' : 'import.empty';
    // Past the first batch: what was stored stays, and the same import resumes.
    case 'internal_error':
      return error.status === 0 ? null : 'import.stopped';
    default:
      return null;
  }
}

/** An error the dashboard has no words of its own for: its English message is all there is. */
function unknownCode(error: ApiError): boolean {
  return errorSaid(error).key === 'error.other';
}

/** Why a comment was not imported, in the owner's language. */
function refusalText(refusal: ImportRefusal): string {
  switch (refusal.code) {
    case 'noId':
      return t('import.refusedNoId');
    case 'noPage':
      return refusal.params.thread
        ? t('import.refusedNoThreadLink', { thread: refusal.params.thread })
        : t('import.refusedNoPage');
    case 'unknownStatus':
      return t('import.refusedUnknownStatus', refusal.params);
    case 'noDate':
      return t('import.refusedNoDate');
    case 'notAComment':
      return t('import.refusedNotAComment');
    case 'unknownPage':
      return t('import.refusedUnknownPage', refusal.params);
    case 'emptyText':
      return t('import.refusedEmptyText');
    case 'badPageUrl':
      return t('import.refusedBadPageUrl', refusal.params);
  }
}

// What a file held that is not a comment Parley keeps.
const SKIPPED_NAMES: Readonly<Record<string, DashboardKey>> = {
  pingbacks: 'import.kindPingbacks',
  trackbacks: 'import.kindTrackbacks',
};

/** What was wrong with the file, in the owner's language (a parser's own message stays as it is). */
function fileProblem(failure: ImportFailure): string {
  switch (failure.code) {
    case 'notGzip':
      return t('import.problemNotGzip', failure.params);
    case 'doctype':
      return t('import.problemDoctype', failure.params);
    case 'badXml':
      return t('import.problemBadXml', failure.params);
    case 'notFormat':
      return t('import.problemNotFormat', { format: t(FORMAT_NAMES[failure.params.format]) });
    case 'notJson':
      return t('import.problemNotJson', failure.params);
    case 'badLine':
      return t('import.problemBadLine', failure.params);
    case 'empty':
      return t('import.problemEmpty');
    case 'tooLarge':
      return t('import.problemTooLarge', failure.params);
    case 'badMapping':
      return t('import.problemBadMapping', failure.params);
    case 'stopped':
      return t('import.problemStopped', failure.params);
  }
}

/** The running import as the owner sees it. */
function progressText(p: ImportProgress | null): string {
  if (!p) return t('import.uploading');
  const counts = { read: p.read, imported: p.imported, present: p.alreadyPresent };
  return p.total === null || p.total === undefined
    ? t('import.progressOpen', { ...counts, count: p.read })
    : t('import.progress', { ...counts, count: p.total });
}

function SummaryList({ summary }: { summary: ImportSummary }) {
  return (
    <ul data-testid="import-summary" className="import-summary">
      <li>
        {t(summary.dryRun ? 'import.wouldImport' : 'import.imported', { count: summary.imported })}
      </li>
      <li>{t('import.present', { count: summary.alreadyPresent })}</li>
      {Object.entries(summary.skipped).map(([kind, n]) => {
        const name = SKIPPED_NAMES[kind];
        return (
          <li key={kind}>
            {/* A kind this dashboard does not know yet is shown as the server named it. */}
            {t('import.skipped', { kind: name ? t(name) : kind, count: n ?? 0 })}
          </li>
        );
      })}
      <li>
        {t('import.refused', { count: summary.refused.count })}
        {summary.refused.examples.length > 0 ? (
          <ul>
            {summary.refused.examples.map((r) => (
              <li key={r.sourceId}>
                {r.sourceId}: <span className="detail">{refusalText(r)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </li>
      {summary.offOrigin > 0 ? (
        <li>{t('import.offOrigin', { count: summary.offOrigin })}</li>
      ) : null}
      {summary.dryRun ? <li>{t('import.dryRunDone')}</li> : null}
    </ul>
  );
}

/**
 * Owners' import (upload with progress and a summary) and export downloads,
 * under the site's settings.
 */
export function ImportExport({ site }: { site: string }) {
  const { api, report } = useDashboard();
  const id = useId();
  const [format, setFormat] = useState<ImportFormat>('wxr');
  const [file, setFile] = useState<File | null>(null);
  const [mapUrls, setMapUrls] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [failure, setFailure] = useState<{
    key: DashboardKey;
    detail?: string;
    problem?: ImportFailure;
  } | null>(null);

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFailure({ key: 'import.chooseFile' });
      return;
    }
    setRunning(true);
    setProgress(null);
    setSummary(null);
    setFailure(null);
    try {
      const mappings = mapUrls
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      setSummary(
        await api.importFile(site, { format, file, dryRun, mapUrls: mappings }, setProgress),
      );
    } catch (error) {
      if (sessionEnded(error)) report(error);
      else {
        // Said by code in the owner's language, with what the server sent as
        // data (a line number, the size limit) worded here too. Only an error
        // the dashboard has no words for shows the server's English message.
        const key = error instanceof ApiError ? importFailure(error) : null;
        setFailure(
          key && error instanceof ApiError
            ? { key, problem: error.detail }
            : {
                key: errorSaid(error).key,
                detail:
                  (error instanceof ApiError && unknownCode(error) && error.message) || undefined,
              },
        );
      }
    } finally {
      setRunning(false);
    }
  }

  const base = `/admin/api/sites/${encodeURIComponent(site)}/export?format=`;
  return (
    <section className="import-export" aria-labelledby={`${id}-export`}>
      <h2 id={`${id}-export`}>{t('export.heading')}</h2>
      <p className="hint">{t('export.hint')}</p>
      <p className="downloads">
        {EXPORT_FORMATS.map((f) => (
          <a key={f} href={base + f} download data-testid={`export-${f}`} className="button">
            {t('export.download', { format: EXPORT_LABELS[f] })}
          </a>
        ))}
      </p>

      <h2 id={`${id}-import`}>{t('import.heading')}</h2>
      <form onSubmit={start} aria-labelledby={`${id}-import`} noValidate>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('import.format')}</label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_NAMES[f])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            data-testid="import-file"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-map`}>{t('import.map')}</label>
          <textarea
            id={`${id}-map`}
            rows={2}
            value={mapUrls}
            aria-describedby={`${id}-map-hint`}
            onInput={(e) => setMapUrls(e.currentTarget.value)}
          />
          <p id={`${id}-map-hint`} className="hint">
            {t('import.mapHint')}
          </p>
        </div>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={dryRun}
              onChange={(e) => setDryRun(e.currentTarget.checked)}
            />{' '}
            {t('import.dryRun')}
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={running}>
            {t('import.submit')}
          </button>
        </div>
      </form>
      {running ? (
        <div className="import-progress">
          <progress
            value={progress?.read ?? undefined}
            max={progress?.total ?? undefined}
            aria-label={t('import.progressLabel')}
          />
          <p role="status" data-testid="import-progress">
            {progressText(progress)}
          </p>
        </div>
      ) : null}
      {failure ? (
        <div role="alert" className="error">
          <p>{t(failure.key)}</p>
          {failure.problem ? <p className="detail">{fileProblem(failure.problem)}</p> : null}
          {failure.detail ? (
            <p className="detail">
              {t('import.details')}{' '}
              <span lang="en" dir="ltr">
                {failure.detail}
              </span>
            </p>
          ) : null}
        </div>
      ) : null}
      {summary ? <SummaryList summary={summary} /> : null}
    </section>
  );
}
