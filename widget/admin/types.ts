/** Dashboard-only state shapes; what the dashboard API answers lives in contract/. */
import type { QueueStatus } from '../../contract/dashboard.schema.ts';

/** The queue's filter as the dashboard holds it (and the URL shows it). */
export interface QueueFilter {
  status: QueueStatus;
  q: string;
}
