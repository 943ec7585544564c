import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n.ts';

interface ConfirmButtonProps {
  /** The button's text, e.g. "Ban author". */
  label: string;
  /** Its accessible name when the text alone is ambiguous in a list (must contain `label`). */
  name?: string;
  /** What is asked once it is pressed. */
  question: string;
  /** The confirming button's text, e.g. "Yes, ban". */
  confirm: string;
  busy?: boolean;
  onConfirm(): void;
}

/**
 * A destructive button that asks inline first (no window.confirm: dialogs
 * block the page and fail the e2e suite). Cancel or Escape takes it back.
 */
export function ConfirmButton({
  label,
  name,
  question,
  confirm,
  busy,
  onConfirm,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (asked.current) opener.current?.focus();
    asked.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        aria-label={name}
        disabled={busy}
        onClick={(event) => {
          event.stopPropagation();
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    // Escape cancels, as in a dialog; the buttons do the rest.
    <fieldset
      className="confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setAsking(false);
      }}
    >
      <legend>{question}</legend>
      <button
        ref={yes}
        type="button"
        className="danger"
        onClick={(event) => {
          event.stopPropagation();
          setAsking(false);
          onConfirm();
        }}
      >
        {confirm}
      </button>{' '}
      <button
        type="button"
        onClick={(event) => {
          event.stopPropagation();
          setAsking(false);
        }}
      >
        {t('cancel')}
      </button>
    </fieldset>
  );
}
