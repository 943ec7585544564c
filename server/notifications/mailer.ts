/**
 * One pooled SMTP transport for everything Parley mails. Sending never throws:
 * a notification is a courtesy, and the comment that caused it is already
 * stored, so a mail failure is logged and the caller carries on.
 */
import { createRequire } from 'node:module';
import type nodemailer from 'nodemailer';
import type { Logger } from '../logger.ts';
import { describeSmtpUrl, type MailConfig } from './mail.config.ts';

/** One message to one recipient (or a list, all visible in To). */
export interface OutgoingMail {
  readonly to: string | readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Extra headers, e.g. List-Unsubscribe (values must be one line; callers build them). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Mailer {
  /** False when SMTP_URL is not set: send() then does nothing. */
  readonly enabled: boolean;
  /** Delivers the message to the SMTP server; resolves even when that fails (the failure is logged). */
  send(message: OutgoingMail): Promise<void>;
  /** Lets messages already handed over finish (up to the send timeout), then closes the pool. */
  close(): Promise<void>;
}

export interface MailerOptions {
  /** Give up on one message after this long, whatever the server is doing. Default 60 s. */
  readonly sendTimeoutMs?: number;
  /** TCP connect and SMTP greeting timeout. Default 10 s. */
  readonly connectTimeoutMs?: number;
}

export type MailLogger = Pick<Logger, 'info' | 'warn'>;

// nodemailer (~5 MB of heap) is loaded only when mail is configured
// (docs/performance.md, "Memory").
const require = createRequire(import.meta.url);

// Every message Parley sends is machine-made: RFC 3834 asks autoresponders not
// to answer it, and Exchange honours only its own header for out-of-office replies.
const AUTOMATIC_HEADERS = {
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'All',
};

/** Creates the mailer; with notifications disabled it logs that once and sends nothing. */
export function createMailer(
  config: MailConfig,
  logger: MailLogger,
  options: MailerOptions = {},
): Mailer {
  if (!config.enabled) {
    logger.info('SMTP_URL is not set: no email is sent (held comments, reply notifications)');
    return { enabled: false, send: async () => {}, close: async () => {} };
  }

  const sendTimeoutMs = options.sendTimeoutMs ?? 60_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const server = describeSmtpUrl(config.smtpUrl);
  const transport = (require('nodemailer') as typeof nodemailer).createTransport(
    {
      pool: true,
      url: config.smtpUrl,
      connectionTimeout: connectTimeoutMs,
      greetingTimeout: connectTimeoutMs,
      socketTimeout: sendTimeoutMs,
    },
    { from: config.from, headers: AUTOMATIC_HEADERS },
  );
  // An unhandled 'error' event would take the whole server down.
  transport.on('error', (err) => logger.warn({ err, server }, 'SMTP transport error'));

  const inFlight = new Set<Promise<void>>();
  let closed = false;

  async function deliver(message: OutgoingMail): Promise<void> {
    const recipients = typeof message.to === 'string' ? 1 : message.to.length;
    try {
      await transport.sendMail({
        to: typeof message.to === 'string' ? message.to : [...message.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.headers ? { headers: { ...AUTOMATIC_HEADERS, ...message.headers } } : {}),
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
    } catch (err) {
      // Recipients are moderators' addresses: log how many, not who.
      logger.warn({ err, server, recipients, subject: message.subject }, 'Could not send email');
    }
  }

  return {
    enabled: true,
    send(message) {
      if (closed) {
        logger.warn({ subject: message.subject }, 'Mailer is closed; email not sent');
        return Promise.resolve();
      }
      const delivery = deliver(message).finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
      return delivery;
    },
    async close() {
      closed = true;
      await Promise.all(inFlight);
      transport.close();
    },
  };
}
