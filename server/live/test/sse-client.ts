/**
 * Test helper: a Server-Sent Events reader over fetch, keeping every message
 * (and the raw text, heartbeats included) as it arrives.
 */
import type { LiveMessage } from '../../../contract/live.ts';

export interface SseMessage {
  id: string | undefined;
  data: LiveMessage;
}

export interface SseStream {
  response: Response;
  messages: SseMessage[];
  /** Everything received so far. */
  raw(): string;
  /** The id a browser would send back as Last-Event-ID. */
  lastId(): string | undefined;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const messages: SseMessage[] = [];
  let raw = '';
  let lastId: string | undefined;
  let buffer = '';
  const ended = (async () => {
    if (!response.ok || !response.body) return;
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        raw += text;
        buffer += text;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          let id: string | undefined;
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (id !== undefined) lastId = id;
          if (data) messages.push({ id, data: JSON.parse(data) as LiveMessage });
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    response,
    messages,
    raw: () => raw,
    lastId: () => lastId,
    ended,
    close: () => abort.abort(),
  };
}
