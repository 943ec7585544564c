import { describe, expect, it } from 'vitest';
import { describeSmtpUrl, loadMailConfig, MailConfigError } from './mail.config.ts';

describe('loadMailConfig', () => {
  it('is disabled without SMTP_URL (also when it is empty) and has a default sender', () => {
    expect(loadMailConfig({})).toEqual({ enabled: false, from: 'Parley <parley@localhost>' });
    expect(loadMailConfig({ SMTP_URL: '', MAIL_FROM: '' }).enabled).toBe(false);
  });

  it('takes smtp:// and smtps:// URLs and MAIL_FROM', () => {
    const config = loadMailConfig({
      SMTP_URL: 'smtps://user:pa%24s@mail.example:465',
      MAIL_FROM: 'Comments <comments@blog.example>',
    });
    expect(config).toEqual({
      enabled: true,
      smtpUrl: 'smtps://user:pa%24s@mail.example:465',
      from: 'Comments <comments@blog.example>',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('fails naming each bad variable', () => {
    const attempt = () => loadMailConfig({ SMTP_URL: 'http://mail.example', MAIL_FROM: 'nobody' });
    expect(attempt).toThrow(MailConfigError);
    expect(attempt).toThrow(/SMTP_URL/);
    expect(attempt).toThrow(/MAIL_FROM/);
  });

  it('describes the server for logs without the password', () => {
    expect(describeSmtpUrl('smtp://user:secret@mail.example:587')).toBe('smtp://mail.example:587');
  });
});
