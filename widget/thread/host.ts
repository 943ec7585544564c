/**
 * Messages with the loader on the host page (types in ../../contract/messages.ts).
 * We post only to our parent, only to the host's origin (never '*'), and
 * accept only messages from that window and that origin.
 */
import {
  envelope,
  type FrameToHost,
  type HostToFrame,
  readHostToFrame,
} from '../../contract/messages.ts';

/** False when the iframe's page is opened on its own (no loader to talk to). */
export const isFramed = (): boolean => window.parent !== window;

/** Posts a message to the loader; a no-op when the app is not framed. */
export function postToHost(hostOrigin: string, message: FrameToHost): void {
  if (!isFramed()) return;
  try {
    window.parent.postMessage(envelope(message), hostOrigin);
  } catch {
    // An unusable hostOrigin throws; there is no one to tell.
  }
}

/** Calls `handler` for each valid message from the host page; returns the unsubscribe. */
export function listenToHost(hostOrigin: string, handler: (m: HostToFrame) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
    const message = readHostToFrame(event.data);
    if (message) handler(message);
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
