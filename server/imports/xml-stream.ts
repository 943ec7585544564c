/**
 * A streaming XML reader on saxes: the file goes through the parser 64 KiB at
 * a time and only the elements a format asks for are kept, so a 200 MB
 * export never sits in memory. A DOCTYPE is refused outright: exports don't
 * need one, and its entity declarations are how an XML bomb expands.
 */
import { SaxesParser } from 'saxes';
import type { ImportFailure } from '../../contract/imports.ts';
import { AppError } from '../errors.ts';
import type { ReadLimits, SourceItem } from './import.types.ts';
import { readTextChunks } from './source.ts';

/** An element as a format sees it: its name without prefix, its attributes as written. */
export interface XmlElement {
  /** Local name: `wp:comment` is `comment`. */
  name: string;
  attributes: Record<string, string>;
}

/**
 * What a format does with the document. Callbacks run as the parser meets
 * each element; `emit` queues items that the reader yields after each chunk.
 */
export interface XmlHandlers {
  open(element: XmlElement, path: readonly string[]): void;
  /** `text` is everything inside the element when `wantsText` asked for it, else ''. */
  close(name: string, text: string, path: readonly string[]): void;
  /** Whether to collect the text of this element (only leaves that matter: it costs memory). */
  wantsText(name: string, path: readonly string[]): boolean;
  /** Called once the whole document was read, to check it was the expected kind. */
  end(): void;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** A `malformed_import` error: `detail` for the dashboard's words, `message` in English (CLI, logs). */
export function malformed(
  detail: ImportFailure,
  message: string,
  where?: { line: number; column: number },
): AppError {
  const at = where ? ` (line ${where.line}, column ${where.column})` : '';
  return new AppError(422, 'malformed_import', `${message}${at}`).withDetail(detail);
}

/**
 * Runs `handlers` over the XML file at `path` and yields what they emit.
 * Throws a `malformed_import` AppError naming the line and column of the
 * first error.
 */
export async function* readXml(
  path: string,
  limits: ReadLimits,
  build: (emit: (item: SourceItem) => void) => XmlHandlers,
): AsyncGenerator<SourceItem> {
  const queue: SourceItem[] = [];
  const handlers = build((item) => queue.push(item));
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  // Text is collected only inside elements the format wants, and bounded by
  // the file size limit the reader already enforces.
  let collecting = -1;
  let text = '';
  let failure: { error: Error; line: number; column: number } | undefined;

  parser.on('doctype', () => {
    const at = { line: parser.line, column: parser.column };
    throw malformed(
      { code: 'doctype', params: at },
      'The file declares a DOCTYPE, which imports refuse (entity expansion)',
      {
        ...at,
      },
    );
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    handlers.open({ name, attributes: tag.attributes as Record<string, string> }, stack);
    stack.push(name);
    if (collecting < 0 && handlers.wantsText(name, stack)) {
      collecting = stack.length;
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (collecting >= 0) text += t;
  });
  parser.on('cdata', (t) => {
    if (collecting >= 0) text += t;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    const inside = collecting === stack.length;
    stack.pop();
    handlers.close(name, inside ? text : '', stack);
    if (inside) {
      collecting = -1;
      text = '';
    }
  });
  parser.on('error', (err) => {
    failure ??= { error: err, line: parser.line, column: parser.column };
  });

  const where = () => ({ line: parser.line, column: parser.column });
  const write = (chunk: string | null) => {
    try {
      if (chunk === null) parser.close();
      else parser.write(chunk);
    } catch (err) {
      if (err instanceof AppError) throw err;
      const error = messageOf(err);
      throw malformed(
        { code: 'badXml', params: { error, ...where() } },
        `The file is not well-formed XML: ${error}`,
        where(),
      );
    }
    if (failure) {
      const error = messageOf(failure.error);
      const at = { line: failure.line, column: failure.column };
      throw malformed(
        { code: 'badXml', params: { error, ...at } },
        `The file is not well-formed XML: ${error}`,
        at,
      );
    }
  };

  for await (const chunk of readTextChunks(path, limits)) {
    write(chunk);
    yield* queue.splice(0);
  }
  write(null);
  handlers.end();
  yield* queue.splice(0);
}

function messageOf(err: unknown): string {
  // saxes prefixes its messages with the position, which we give in our words.
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^[^:]*:\d+:\d+: /, '');
}
