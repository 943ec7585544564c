import { useState } from 'react';
import { loadAllWords, t } from '../i18n.ts';
import { Later } from '../later.ts';

// Opened by few readers: off the first render.
// Its words come with the rest of the reader's language.
const loadPanel = () =>
  Promise.all([import('./GuestDataPanel.tsx'), loadAllWords()]).then(([m]) => m.GuestDataPanel);

/**
 * A guest's data rights on this site (issue 12): a button in the comment
 * form that opens GuestDataPanel.tsx (loaded then): they give their email and
 * Parley mails a link that proves they own it.
 */
export function GuestData() {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="link-button your-data" onClick={() => setOpen(true)}>
        {t('data.open')}
      </button>
    );
  }
  return <Later load={loadPanel} props={{}} />;
}
