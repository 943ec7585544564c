/**
 * The e2e run's mailbox: a real SMTP server (the one the integration tests
 * use) that Parley delivers to, and a small HTTP API for tests to read what
 * arrived: `GET /messages?to=ADDRESS` answers every message to that address,
 * oldest first, as `{ subject, headers, text, html }` (headers lower-cased).
 * Started by playwright.config.ts; nothing leaves the machine.
 */
import { createServer } from 'node:http';
import { parseMail, startTestSmtpServer } from '../server/notifications/smtp-test-server.ts';
import { MAIL_API_URL, MAIL_SMTP_PORT } from './urls.ts';

const smtp = await startTestSmtpServer(MAIL_SMTP_PORT);
const api = createServer((req, res) => {
  const url = new URL(req.url ?? '/', MAIL_API_URL);
  if (url.pathname === '/healthz') return void res.end('ok');
  if (url.pathname !== '/messages') {
    res.statusCode = 404;
    return void res.end();
  }
  const to = (url.searchParams.get('to') ?? '').toLowerCase();
  const messages = smtp.received
    .filter((m) => m.rcptTo.some((r) => r.toLowerCase() === to))
    .map((m) => {
      const mail = parseMail(m.raw);
      return {
        subject: mail.headers.subject ?? '',
        headers: mail.headers,
        text: mail.text,
        html: mail.html,
      };
    });
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(messages));
});
api.listen(Number(new URL(MAIL_API_URL).port), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    api.close();
    void smtp.close().then(() => process.exit(0));
  });
}
