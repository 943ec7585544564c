/**
 * The one place an import tells the rest of Parley that comments appeared.
 * Until the event stream (server/events/) lands this has no listener: the
 * widget reads threads from the store on every load, so nothing is stale.
 * When it lands, this publishes one event per batch so caches drop those
 * pages' threads and open widgets refresh.
 */
export interface ImportedBatch {
  siteId: string;
  /** The pages that got comments in this batch. */
  pageIds: string[];
  comments: number;
}

export function announceImportedBatch(_batch: ImportedBatch): void {}
