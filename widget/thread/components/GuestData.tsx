import { useState } from 'react';
import { Later } from '../later.ts';

// Opened by few readers: off the first render.
const loadPanel = () => import('./GuestDataPanel.tsx').then((m) => m.GuestDataPanel);

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
        Your data on this site
      </button>
    );
  }
  return <Later load={loadPanel} props={{}} />;
}
