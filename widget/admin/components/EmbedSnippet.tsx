import { useId, useRef, useState } from 'react';

/** The embed code to paste into the site, read-only, with a copy button. */
export function EmbedSnippet({ snippet }: { snippet: string }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [said, setSaid] = useState<string | null>(null);
  const id = useId();

  async function copy() {
    try {
      // Missing outside secure contexts (plain http other than localhost): select instead.
      await navigator.clipboard.writeText(snippet);
      setSaid('Copied.');
    } catch {
      box.current?.focus();
      box.current?.select();
      setSaid('Press Ctrl+C (⌘C on a Mac) to copy the selected code.');
    }
  }

  return (
    <section className="embed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Embed code</h2>
      <p className="hint" id={`${id}-hint`}>
        Paste this where the comments should appear on your pages.
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
          Copy embed code
        </button>
        <p role="status">{said}</p>
      </div>
    </section>
  );
}
