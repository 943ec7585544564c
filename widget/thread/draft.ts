import { useCallback, useEffect, useRef, useState } from 'react';
import { loadDraft, saveDraft } from './storage.ts';

const SAVE_DELAY_MS = 300;

/**
 * A form's text, kept as a draft in localStorage under `key`: restored on
 * mount, saved 300 ms after typing stops, on `save()` (blur), on pagehide and
 * on unmount; removed only by `clear()` (after the server stored it).
 */
export function useDraft(key: string) {
  const [text, setState] = useState(() => loadDraft(key));
  // The newest text and the pending save, for saves outside a render.
  const latest = useRef(text);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(() => {
    clearTimeout(timer.current);
    saveDraft(key, latest.current);
  }, [key]);

  const setText = useCallback(
    (value: string) => {
      latest.current = value;
      setState(value);
      clearTimeout(timer.current);
      timer.current = setTimeout(save, SAVE_DELAY_MS);
    },
    [save],
  );

  const clear = useCallback(() => {
    latest.current = '';
    setState('');
    save();
  }, [save]);

  useEffect(() => {
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [save]);

  return { text, setText, save, clear };
}
