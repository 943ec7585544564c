import { useId, useRef, useState } from 'react';
import { type DashboardKey, t } from '../i18n.ts';

/** The embed code to paste into the site, read-only, with a copy button. */
export function EmbedSnippet({ snippet }: { snippet: string }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [said, setSaid] = useState<DashboardKey | null>(null);
  const id = useId();

  async function copy() {
    try {
      // Missing outside secure contexts (plain http other than localhost): select instead.
      await navigator.clipboard.writeText(snippet);
      setSaid('embed.copied');
    } catch {
      box.current?.focus();
      box.current?.select();
      setSaid('embed.selectToCopy');
    }
  }

  return (
    <section className="embed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('embed.heading')}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t('embed.hint')}
      </p>
      <textarea
        ref={box}
        readOnly
        rows={Math.min(8, snippet.split('\n').length + 1)}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-hint`}
        value={snippet}
        spellCheck={false}
      />
      <div className="form-actions">
        <button type="button" onClick={copy}>
          {t('embed.copy')}
        </button>
        <p role="status">{said ? t(said) : null}</p>
      </div>
    </section>
  );
}
