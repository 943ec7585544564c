import { type FormEvent, useId, useState } from 'react';
import {
  EXPORT_FORMATS,
  IMPORT_FORMAT_NAMES,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportProgress,
  type ImportSummary,
} from '../../../contract/imports.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { errorMessage, sessionEnded } from '../messages.ts';

const EXPORT_LABELS = { json: 'Parley JSON', wxr: 'WordPress (WXR)' } as const;

/** The running import as the owner sees it. */
function progressText(p: ImportProgress | null): string {
  if (!p) return 'Uploading and checking the file…';
  return `Read ${p.read} of ${p.total ?? '?'} comments: ${p.imported} imported, ${p.alreadyPresent} already here…`;
}

function SummaryList({ summary }: { summary: ImportSummary }) {
  return (
    <ul data-testid="import-summary" className="import-summary">
      <li>
        {summary.dryRun ? 'Would import' : 'Imported'}: {summary.imported}
      </li>
      <li>Already present: {summary.alreadyPresent}</li>
      {Object.entries(summary.skipped).map(([kind, n]) => (
        <li key={kind}>
          Skipped {kind}: {n}
        </li>
      ))}
      <li>
        Refused: {summary.refused.count}
        {summary.refused.examples.length > 0 ? (
          <ul>
            {summary.refused.examples.map((r) => (
              <li key={r.sourceId}>
                {r.sourceId}: {r.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </li>
      {summary.offOrigin > 0 ? (
        <li>
          {summary.offOrigin} comments are on pages outside the site’s origins: import again with an
          address mapping.
        </li>
      ) : null}
      {summary.dryRun ? <li>Dry run: nothing was stored.</li> : null}
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
  const [failure, setFailure] = useState<string | null>(null);

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFailure('Choose the file to import.');
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
      // The server's message says what is wrong with the file, in words for the owner.
      else if (error instanceof ApiError && error.status !== 0 && error.message) {
        setFailure(error.message);
      } else setFailure(errorMessage(error));
    } finally {
      setRunning(false);
    }
  }

  const base = `/admin/api/sites/${encodeURIComponent(site)}/export?format=`;
  return (
    <section className="import-export" aria-labelledby={`${id}-export`}>
      <h2 id={`${id}-export`}>Export</h2>
      <p className="hint">
        Every page and comment with its thread, status and dates. The file holds commenters’ email
        and IP addresses: keep it private.
      </p>
      <p className="downloads">
        {EXPORT_FORMATS.map((f) => (
          <a key={f} href={base + f} download data-testid={`export-${f}`} className="button">
            Download {EXPORT_LABELS[f]}
          </a>
        ))}
      </p>

      <h2 id={`${id}-import`}>Import</h2>
      <form onSubmit={start} aria-labelledby={`${id}-import`} noValidate>
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {IMPORT_FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>File</label>
          <input
            id={`${id}-file`}
            type="file"
            data-testid="import-file"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-map`}>Address changes</label>
          <textarea
            id={`${id}-map`}
            rows={2}
            value={mapUrls}
            aria-describedby={`${id}-map-hint`}
            onInput={(e) => setMapUrls(e.currentTarget.value)}
          />
          <p id={`${id}-map-hint`} className="hint">
            One per line, old=new, like http://old.example=https://blog.example
          </p>
        </div>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={dryRun}
              onChange={(e) => setDryRun(e.currentTarget.checked)}
            />{' '}
            Dry run: check and count, store nothing
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={running}>
            Import
          </button>
        </div>
      </form>
      {running ? (
        <div className="import-progress">
          <progress
            value={progress?.read ?? undefined}
            max={progress?.total ?? undefined}
            aria-label="Import progress"
          />
          <p role="status" data-testid="import-progress">
            {progressText(progress)}
          </p>
        </div>
      ) : null}
      {failure ? (
        <p role="alert" className="error">
          {failure}
        </p>
      ) : null}
      {summary ? <SummaryList summary={summary} /> : null}
    </section>
  );
}
