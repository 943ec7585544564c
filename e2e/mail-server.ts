/**
 * The e2e suite's mail catcher: an SMTP server the demo sends to
 * (SMTP_URL), and `GET /messages?to=ADDRESS` answering what that address
 * received, decoded ({ subject, text, html }[], oldest first). Nothing leaves
 * the machine.
 */
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { type ParsedMail, parseMail } from '../server/notifications/smtp-test-server.ts';
import { MAIL_API_URL, MAIL_SMTP_PORT } from './urls.ts';

const received: { to: string[]; mail: ParsedMail }[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        mail: parseMail(Buffer.concat(chunks).toString('utf8')),
      });
      callback();
    });
  },
});
smtp.listen(MAIL_SMTP_PORT, '127.0.0.1');

const api = new URL(MAIL_API_URL);
createServer((req, res) => {
  const url = new URL(req.url ?? '/', MAIL_API_URL);
  if (url.pathname === '/healthz') {
    res.end('ok');
    return;
  }
  if (url.pathname !== '/messages') {
    res.writeHead(404).end();
    return;
  }
  const to = (url.searchParams.get('to') ?? '').toLowerCase();
  const mails = received
    .filter((m) => m.to.includes(to))
    .map(({ mail }) => ({
      subject: mail.headers.subject ?? '',
      headers: mail.headers,
      text: mail.text,
      html: mail.html,
    }));
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(mails));
}).listen(Number(api.port), api.hostname);
