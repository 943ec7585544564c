import { readFileSync } from 'node:fs';
import { expect, hostPage, PARLEY_URL, test } from './fixtures.ts';
import { HOST_URL, OWNER } from './urls.ts';

/** A small WordPress export: a comment and a reply on one post, with HTML in the text. */
function wordpressExport(run: string, link: string, firstId: number): string {
  const comment = (id: number, parent: number, author: string, html: string, date: string) => `
    <wp:comment>
      <wp:comment_id>${id}</wp:comment_id>
      <wp:comment_author><![CDATA[${author}]]></wp:comment_author>
      <wp:comment_author_email><![CDATA[${author.toLowerCase()}@example.com]]></wp:comment_author_email>
      <wp:comment_author_IP><![CDATA[203.0.113.7]]></wp:comment_author_IP>
      <wp:comment_date_gmt><![CDATA[${date}]]></wp:comment_date_gmt>
      <wp:comment_content><![CDATA[${html}]]></wp:comment_content>
      <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
      <wp:comment_type><![CDATA[comment]]></wp:comment_type>
      <wp:comment_parent>${parent}</wp:comment_parent>
    </wp:comment>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
  <title>Old blog</title><wp:wxr_version>1.2</wp:wxr_version>
  <item><title>Moved post ${run}</title><link>${link}</link>
    ${comment(firstId, 0, 'Wanda', `<p>Imported <strong>with care</strong> ${run}<script>alert(1)</script></p>`, '2018-05-01 10:00:00')}
    ${comment(firstId + 1, firstId, 'Xavier', `A reply from WordPress ${run}`, '2018-05-02 10:00:00')}
  </item>
</channel></rss>`;
}

test('an owner imports a WordPress export from the dashboard, readers see it, and the export downloads', async ({
  page,
  browser,
  request,
}) => {
  const run = Date.now().toString(36);
  const link = `${HOST_URL}/imported/${run}`;
  const admin = await browser.newPage();
  await admin.goto(`${PARLEY_URL}/admin`);
  await admin.getByLabel('Email').fill(OWNER.email);
  await admin.getByLabel('Password').fill(OWNER.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('link', { name: 'Settings' }).click();

  await admin.getByLabel('Format').selectOption('wxr');
  await admin.getByLabel('File').setInputFiles({
    name: 'wordpress.xml',
    mimeType: 'text/xml',
    buffer: Buffer.from(wordpressExport(run, link, Date.now())),
  });
  await admin.getByRole('button', { name: 'Import' }).click();
  const summary = admin.getByTestId('import-summary');
  await expect(summary).toContainText('Imported: 2');
  await expect(summary).toContainText('Refused: 0');

  // A reader of the post sees both, threaded, with the text Parley rendered.
  const url = await hostPage(request, {
    body: `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" data-site="moderated" data-page-id="${link}" async></script>`,
  });
  await page.goto(url);
  const frame = page.frameLocator('iframe.parley-frame');
  const first = frame
    .getByTestId('comment')
    .filter({ hasText: `Imported with care ${run}` })
    .first();
  await expect(first).toBeVisible();
  await expect(first.locator('strong')).toHaveText('with care');
  await expect(
    frame.getByTestId('comment').filter({ hasText: `A reply from WordPress ${run}` }),
  ).toBeVisible();

  // The export downloads as a file holding what was imported.
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('link', { name: 'Download Parley JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^parley-moderated-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    comments: { source: string; author: { name: string } }[];
  };
  expect(exported.comments.map((c) => c.author.name)).toEqual(
    expect.arrayContaining(['Wanda', 'Xavier']),
  );

  // A malformed file says what is wrong, and adds nothing.
  await admin.getByLabel('File').setInputFiles({
    name: 'broken.xml',
    mimeType: 'text/xml',
    buffer: Buffer.from('<rss><channel><item>'),
  });
  await admin.getByRole('button', { name: 'Import' }).click();
  await expect(admin.getByRole('alert')).toContainText('not well-formed XML');
  await admin.close();
});
