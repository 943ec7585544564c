/**
 * The demo's terminal: Parley's log as short readable lines
 * (`[14:02:11] INFO: GET /embed/thread 200 12 ms`) instead of JSON, through
 * pino-pretty. Production keeps JSON for its log pipeline.
 */
import PinoPretty from 'pino-pretty';

/** A pino destination that prints each entry as one readable line. */
export function readableLog(destination: NodeJS.WritableStream = process.stdout) {
  return PinoPretty({
    destination,
    colorize: 'isTTY' in destination && destination.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    // The message already reads "GET /path 200 3 ms"; the fields behind it would repeat it.
    ignore: 'pid,hostname,req,res,responseTime',
    sync: true,
  });
}
