import { describe, expect, it } from 'vitest';
import { type HeldCommentEmailInput, heldCommentEmail, htmlToText } from './held-comment.email.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

function buildInput(
  overrides: Partial<HeldCommentEmailInput['comment']> = {},
): HeldCommentEmailInput {
  return {
    site: { id: 'blog', name: 'My blog' },
    comment: {
      id: 'c0mment1d',
      text: `Nice post!\n${HOSTILE}`,
      authorName: 'Jane Reader',
      authorEmail: 'jane@reader.example',
      pageUrl: 'https://blog.example/posts/hello',
      pageTitle: 'Post title',
      reasons: [
        { check: 'links', reason: '3 links (the limit is 2)' },
        { check: 'moderation', reason: 'first comment by this author' },
      ],
      ...overrides,
    } as HeldCommentEmailInput['comment'],
    moderatorEmails: ['mod@blog.example', 'owner@blog.example'],
    publicUrl: 'https://comments.example/',
  };
}

describe('heldCommentEmail', () => {
  it('names the site and the page in the subject', () => {
    expect(heldCommentEmail(buildInput()).subject).toBe(
      '[My blog] Comment awaiting moderation on "Post title"',
    );
  });

  it('links approve, spam, trash and the queue on the dashboard, in both parts', () => {
    const email = heldCommentEmail(buildInput());
    const links = [
      'https://comments.example/admin/comments/c0mment1d?action=approve',
      'https://comments.example/admin/comments/c0mment1d?action=spam',
      'https://comments.example/admin/comments/c0mment1d?action=trash',
      'https://comments.example/admin/queue?site=blog',
    ];
    for (const link of links) {
      expect(email.text).toContain(link);
      expect(email.html).toContain(`href="${link}"`);
    }
    expect(email.html).toContain('href="https://blog.example/posts/hello"');
  });

  it('shows the comment as text: markup in it is escaped, never live', () => {
    const email = heldCommentEmail(buildInput());
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).not.toContain('<img');
    expect(email.text).toContain(`> ${HOSTILE}`);
  });

  it('takes the stored HTML body as text too', () => {
    // What comments/render.ts stores for "Nice post!\n<img …>" plus a link.
    const stored =
      '<p>Nice post!<br />&lt;img src=x onerror=alert(1)&gt;</p>\n<p><a href="https://x.example/?a=1&amp;b=2" rel="nofollow ugc noopener noreferrer" target="_blank">see this</a></p>';
    const { site, publicUrl, moderatorEmails, comment } = buildInput();
    const { id, authorName, authorEmail, pageUrl, pageTitle, reasons } = comment;
    const email = heldCommentEmail({
      site,
      publicUrl,
      moderatorEmails,
      comment: { id, authorName, authorEmail, pageUrl, pageTitle, reasons, html: stored },
    });
    expect(email.text).toContain(
      `> Nice post!\n> ${HOSTILE}\n>\n> see this (https://x.example/?a=1&b=2)`,
    );
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<a href="https://x.example');
  });

  it('lists every reason the pipeline gave', () => {
    const email = heldCommentEmail(buildInput());
    for (const line of [
      'links: 3 links (the limit is 2)',
      'moderation: first comment by this author',
    ]) {
      expect(email.text).toContain(`- ${line}`);
      expect(email.html).toContain(`<li>${line}</li>`);
    }
  });

  it('shows the author, and never the IP or user agent even when a whole row is passed', () => {
    const row = { ...buildInput().comment, ip: '203.0.113.7', userAgent: 'EvilBot/1.0' };
    const email = heldCommentEmail({ ...buildInput(), comment: row });
    expect(email.text).toContain('Jane Reader <jane@reader.example>');
    expect(email.html).toContain('<strong>Jane Reader</strong> &lt;jane@reader.example&gt;');
    const all = JSON.stringify(email);
    expect(all).not.toContain('203.0.113.7');
    expect(all).not.toContain('EvilBot');
  });

  it('keeps names and titles on one line (no header injection) and escapes them', () => {
    const email = heldCommentEmail({
      ...buildInput({ pageTitle: 'Evil\r\nBcc: victim@example.com', authorName: '<b>Bob</b>' }),
      site: { id: 'a&b', name: 'Tom & Jerry' },
    });
    expect(email.subject).toBe(
      '[Tom & Jerry] Comment awaiting moderation on "Evil Bcc: victim@example.com"',
    );
    expect(email.html).toContain('&lt;b&gt;Bob&lt;/b&gt;');
    expect(email.html).toContain('Tom &amp; Jerry');
    expect(email.html).toContain('href="https://comments.example/admin/queue?site=a%26b"');
  });

  it('addresses each moderator once', () => {
    const email = heldCommentEmail({
      ...buildInput(),
      moderatorEmails: ['a@x.example', ' A@x.example', 'b@x.example', ''],
    });
    expect(email.to).toEqual(['a@x.example', 'b@x.example']);
  });

  it('does not link a page URL that is not http(s)', () => {
    const email = heldCommentEmail(buildInput({ pageUrl: 'javascript:alert(1)' }));
    expect(email.html).not.toContain('href="javascript:');
  });
});

describe('heldCommentEmail in the site’s language', () => {
  it('writes every line in it, the page link inside the sentence where the language puts it', () => {
    const email = heldCommentEmail({ ...buildInput(), locale: 'de' });
    expect(email.subject).toBe('[My blog] Kommentar zu „Post title“ wartet auf Freischaltung');
    expect(email.text).toContain(
      'Jane Reader <jane@reader.example> hat einen Kommentar zu „Post title“ geschrieben, der auf Freischaltung wartet.',
    );
    expect(email.text).toContain('Genehmigen: https://comments.example/admin/comments/c0mment1d');
    expect(email.text).toContain('Du erhältst diese E-Mail, weil du My blog moderierst.');
    expect(email.html).toContain('<html lang="de" dir="ltr">');
    expect(email.html).toContain(
      '<strong>Jane Reader</strong> &lt;jane@reader.example&gt; hat einen Kommentar zu „<a href="https://blog.example/posts/hello">Post title</a>“ geschrieben',
    );
    for (const english of ['awaiting', 'Approve', 'Why it was held', 'You get this email']) {
      expect(email.text).not.toContain(english);
      expect(email.html).not.toContain(english);
    }
  });

  it('words the reasons in it from their codes, the checks by their names', () => {
    const email = heldCommentEmail({
      ...buildInput({
        reasons: [
          {
            check: 'links',
            reason: '3 links (this site holds comments with 2 or more)',
            detail: { code: 'links.tooMany', params: { count: 3, limit: 2 } },
          },
          {
            check: 'moderationMode',
            reason: 'first comment from this email: held until a moderator approves one',
            detail: { code: 'moderationMode.firstComment', params: { author: 'guest' } },
          },
          {
            check: 'blocklist',
            reason: 'blocked word "<casino>" in the name',
            detail: { code: 'blocklist.word', params: { word: '<casino>', place: 'name' } },
          },
          // An old prose reason no pattern read: as it was stored.
          {
            check: 'akismet',
            reason: 'an older wording',
            detail: { code: 'legacy', params: { text: 'an older wording' } },
          },
        ],
      }),
      locale: 'fr',
    });
    const french = [
      '- Nombreux liens: 3 liens (ce site retient les commentaires qui en ont 2 ou plus)',
      '- Réglage de modération du site: premier commentaire de cette adresse e-mail : retenu jusqu’à ce qu’un modérateur en approuve un',
      '- Liste de blocage: mot bloqué « <casino> » dans le nom',
      '- akismet: an older wording',
    ];
    for (const line of french) expect(email.text).toContain(line);
    expect(email.html).toContain('<li>Nombreux liens: 3 liens (ce site retient');
    expect(email.html).toContain('« &lt;casino&gt; »');
    for (const english of ['links (this site holds', 'first comment from', 'blocked word']) {
      expect(email.text).not.toContain(english);
      expect(email.html).not.toContain(english);
    }
  });

  it('lays Arabic out right to left and still escapes what the reader wrote', () => {
    const email = heldCommentEmail({
      ...buildInput({ authorName: '<b>{page}</b>' }),
      locale: 'ar',
    });
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.html).toContain('border-inline-start');
    expect(email.html).toContain('كتب <strong>&lt;b&gt;{page}&lt;/b&gt;</strong>');
    expect(email.subject).toBe('[My blog] تعليق بانتظار المراجعة على «Post title»');
  });
});

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks and decodes entities', () => {
    expect(htmlToText('<p>a &amp; b<br>c</p><p>&#39;d&#x27;</p>')).toBe("a & b\nc\n\n'd'");
  });
});
