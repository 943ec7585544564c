import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostStorageKey, ReaderStorage } from './storage.ts';

const SAVE_DELAY_MS = 300;

/**
 * A form's text, kept as a draft in `storage` under `key`: restored on mount
 * (or, when the host page keeps it, once the host's data arrives, if the
 * reader has not typed anything meanwhile), saved 300 ms after typing stops,
 * on `save()` (blur), on pagehide and on unmount; removed only by `clear()`
 * (after the server stored it).
 */
export function useDraft(storage: ReaderStorage, key: HostStorageKey) {
  const [text, setState] = useState(() => storage.get(key) ?? '');
  // The newest text and the pending save, for saves outside a render.
  const latest = useRef(text);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(() => {
    clearTimeout(timer.current);
    // Only a change is written: an untouched empty form (unmounted, or the
    // page hidden) must not erase a draft the host page hasn't sent yet.
    if (latest.current !== (storage.get(key) ?? '')) storage.set(key, latest.current);
  }, [storage, key]);

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

  useEffect(
    () =>
      storage.subscribe(() => {
        // Never over what the reader has typed since the frame loaded.
        const restored = storage.get(key);
        if (latest.current || !restored) return;
        latest.current = restored;
        setState(restored);
      }),
    [storage, key],
  );

  useEffect(() => {
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [save]);

  return { text, setText, save, clear };
}
