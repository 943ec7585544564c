import { type AddressInfo, createServer, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HeldCommentEmailInput } from './held-comment.email.ts';
import { loadMailConfig } from './mail.config.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { notifyModerators } from './notify-moderators.ts';
import { parseMail, startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.ts';

interface LogLine {
  level: number;
  msg: string;
  recipients?: number;
  err?: { message: string };
}

function recordingLogger() {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const reader = {
  id: 'c0mment1d',
  text: 'First!\n<img src=x onerror=alert(1)>',
  authorName: 'Jane Reader',
  authorEmail: 'jane@reader.example',
  pageUrl: 'https://blog.example/posts/hello',
  pageTitle: 'Post title',
  reasons: [{ check: 'links', reason: '3 links (the limit is 2)' }],
  // A caller passing a whole row must not leak these.
  ip: '203.0.113.7',
};

const heldComment: HeldCommentEmailInput = {
  site: { id: 'blog', name: 'My blog' },
  comment: reader,
  moderatorEmails: ['mod@blog.example', 'owner@blog.example'],
  publicUrl: 'http://localhost:8080',
};

let smtp: TestSmtpServer | undefined;
let mailer: Mailer | undefined;

afterEach(async () => {
  await mailer?.close();
  await smtp?.close();
  mailer = undefined;
  smtp = undefined;
  vi.restoreAllMocks();
});

describe('notifyModerators over SMTP', () => {
  it('sends each moderator the held comment with its dashboard links', async () => {
    smtp = await startTestSmtpServer();
    const { logger, lines } = recordingLogger();
    mailer = createMailer(
      loadMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Parley <parley@comments.example>' }),
      logger,
    );

    await notifyModerators(mailer, heldComment);

    expect(smtp.received.map((m) => m.rcptTo)).toEqual(
      expect.arrayContaining([['mod@blog.example'], ['owner@blog.example']]),
    );
    expect(smtp.received).toHaveLength(2);
    for (const received of smtp.received) {
      expect(received.mailFrom).toBe('parley@comments.example');
      const mail = parseMail(received.raw);
      expect(mail.headers.subject).toBe('[My blog] Comment awaiting moderation on "Post title"');
      expect(mail.headers.to).toBe(received.rcptTo[0]);
      expect(mail.headers['auto-submitted']).toBe('auto-generated');
      expect(mail.headers.bcc).toBeUndefined();

      for (const action of ['approve', 'spam', 'trash']) {
        const url = `http://localhost:8080/admin/comments/c0mment1d?action=${action}`;
        expect(mail.html).toContain(`href="${url}"`);
        expect(mail.text).toContain(url);
      }
      expect(mail.html).toContain('href="http://localhost:8080/admin/queue?site=blog"');
      expect(mail.text).toContain('http://localhost:8080/admin/queue?site=blog');

      expect(mail.html).toContain('<li>links: 3 links (the limit is 2)</li>');
      expect(mail.text).toContain('- links: 3 links (the limit is 2)');

      expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(mail.html).not.toContain('<img');
      expect(mail.text).toContain('> <img src=x onerror=alert(1)>');

      expect(received.raw).not.toContain('203.0.113.7');
    }
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('resolves when the SMTP server is down, and logs the failure without addresses', async () => {
    const down = await startTestSmtpServer();
    await down.close();
    const { logger, lines } = recordingLogger();
    mailer = createMailer(loadMailConfig({ SMTP_URL: down.url }), logger, {
      connectTimeoutMs: 2000,
    });

    await expect(notifyModerators(mailer, heldComment)).resolves.toBeUndefined();

    const failures = lines.filter((l) => l.msg === 'Could not send email');
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({
      level: 40,
      recipients: 1,
      err: { message: expect.any(String) },
    });
    expect(JSON.stringify(lines)).not.toContain('mod@blog.example');
  });

  it('gives up on a server that accepts the connection but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const { logger, lines } = recordingLogger();
    mailer = createMailer(loadMailConfig({ SMTP_URL: `smtp://127.0.0.1:${port}` }), logger, {
      connectTimeoutMs: 200,
      sendTimeoutMs: 500,
    });

    await expect(
      mailer.send({ to: 'mod@blog.example', subject: 's', text: 't', html: 'h' }),
    ).resolves.toBeUndefined();
    expect(lines.some((l) => l.msg === 'Could not send email')).toBe(true);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('lets a message already handed over finish before closing', async () => {
    smtp = await startTestSmtpServer();
    mailer = createMailer(loadMailConfig({ SMTP_URL: smtp.url }), recordingLogger().logger);
    void mailer.send({ to: 'mod@blog.example', subject: 'late', text: 't', html: 'h' });
    await mailer.close();
    expect(smtp.received).toHaveLength(1);
    // After close, sending is a logged no-op.
    await expect(
      mailer.send({ to: 'mod@blog.example', subject: 'after', text: 't', html: 'h' }),
    ).resolves.toBeUndefined();
    expect(smtp.received).toHaveLength(1);
  });
});

describe('without SMTP_URL', () => {
  it('is disabled, says so once, and never opens a connection', async () => {
    smtp = await startTestSmtpServer();
    const createTransport = vi.spyOn(nodemailer, 'createTransport');
    const { logger, lines } = recordingLogger();

    mailer = createMailer(loadMailConfig({}), logger);
    await notifyModerators(mailer, heldComment);
    await mailer.send({ to: 'mod@blog.example', subject: 's', text: 't', html: 'h' });

    expect(mailer.enabled).toBe(false);
    expect(createTransport).not.toHaveBeenCalled();
    expect(smtp.connections()).toBe(0);
    expect(lines.filter((l) => /SMTP_URL is not set/.test(l.msg))).toHaveLength(1);
  });
});
