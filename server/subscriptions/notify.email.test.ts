import { describe, expect, it } from 'vitest';
import { commentLink, confirmEmail, replyEmail } from './notify.email.ts';

const reply = {
  to: 'asker@example.com',
  locale: 'en' as const,
  kind: 'replies' as const,
  siteName: 'My blog',
  page: { url: 'https://blog.example/post?x=1#old', title: 'Hello' },
  comment: {
    id: 'c1',
    authorName: 'Ada',
    html: '<p>Yes <strong>really</strong> &lt;img src=x onerror=alert(1)&gt;</p>',
  },
  unsubscribeUrl: 'https://comments.example/notify/blog/unsubscribe?token=a.b',
};

describe('replyEmail', () => {
  it('carries the reply, a link to it and the RFC 8058 headers', () => {
    const mail = replyEmail(reply);
    expect(mail.subject).toBe('[My blog] Ada replied to your comment on "Hello"');
    expect(mail.text).toContain('> Yes really <img src=x onerror=alert(1)>');
    expect(mail.html).toContain('<strong>really</strong> &lt;img src=x onerror=alert(1)&gt;');
    expect(mail.text).toContain('View it on the page: https://blog.example/post?x=1#comment-c1');
    expect(mail.headers).toEqual({
      'List-Unsubscribe': '<https://comments.example/notify/blog/unsubscribe?token=a.b>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('keeps names and titles on one line (no header injection) and escapes them', () => {
    const mail = replyEmail({
      ...reply,
      kind: 'page',
      siteName: 'Tom & Jerry',
      page: { url: 'javascript:alert(1)', title: 'Evil\r\nBcc: victim@example.com' },
      comment: { ...reply.comment, authorName: '<b>Bob</b>\u202e' },
    });
    expect(mail.subject).toBe(
      '[Tom & Jerry] New comment by <b>Bob</b> on "Evil Bcc: victim@example.com"',
    );
    expect(mail.html).toContain('&lt;b&gt;Bob&lt;/b&gt;');
    expect(mail.html).not.toContain('javascript:');
    expect(mail.text).not.toContain('View it on the page');
  });

  it('speaks the subscriber’s language, Arabic right to left', () => {
    const de = replyEmail({ ...reply, locale: 'de' });
    expect(de.subject).toBe('[My blog] Ada hat auf deinen Kommentar zu „Hello“ geantwortet');
    expect(de.text).toContain('Abbestellen: https://comments.example/');
    const ar = replyEmail({ ...reply, locale: 'ar' });
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
  });
});

describe('confirmEmail', () => {
  it('lists what was asked for and links the confirmation', () => {
    const mail = confirmEmail({
      to: 'a@example.com',
      locale: 'fr',
      siteName: 'Mon blog',
      pageTitle: 'Bonjour',
      kinds: ['replies', 'page'],
      confirmUrl: 'https://comments.example/notify/blog/confirm?token=x.y',
      validDays: 7,
    });
    expect(mail.subject).toBe('[Mon blog] Confirmez vos notifications par e-mail');
    expect(mail.text).toContain(
      '- les nouvelles réponses à votre commentaire sur «\u00a0Bonjour\u00a0»',
    );
    expect(mail.text).toContain(
      'Confirmer: https://comments.example/notify/blog/confirm?token=x.y',
    );
    expect(mail.text).toContain('Le lien est valable 7\u00a0jours.');
    expect(mail.html).toContain('href="https://comments.example/notify/blog/confirm?token=x.y"');
    expect(mail.headers).toBeUndefined();
  });
});

describe('commentLink', () => {
  it('is the page with the anchor the widget scrolls to', () => {
    expect(commentLink('https://b.example/p#x', 'abc')).toBe('https://b.example/p#comment-abc');
    expect(commentLink('ftp://b.example/p', 'abc')).toBeNull();
  });
});
