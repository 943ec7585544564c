/**
 * Readers' data rights from the widget (issue 12): a signed-in reader
 * downloads what Parley holds about them and deletes their account, keeping
 * their comments as "Deleted user"; a guest does the same through the
 * emailed link (the journey runs that in all three engines; here, in
 * Chromium, the download itself is read).
 */
import { readFile } from 'node:fs/promises';
import { READER_CATALOGUES } from '../contract/i18n/reader/index.ts';
import type { ReaderDataExport } from '../contract/reader-data.schema.ts';
import { expect, hostPage, openThread, POSTS, postAsGuest, test } from './fixtures.ts';
import { MAIL_API_URL, PARLEY_URL } from './urls.ts';

const snippet = (attrs: string) =>
  `<div id="parley-thread"></div><script src="${PARLEY_URL}/embed.js" ${attrs} async></script>`;

const POST = POSTS[0] as string;

test('a signed-in reader downloads their data, then deletes their account keeping their comments anonymous', async ({
  page,
}) => {
  const frame = await openThread(page, `/posts/${POST}`);
  const text = `Mine to take back ${Date.now()}`;
  await frame.getByLabel('Comment', { exact: true }).fill(text);
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Log in with Facebook' }).click();
  const popup = await popupOpened;
  await popup.getByRole('button', { name: /Continue as Rosalind Franklin/ }).click();
  await expect(frame.getByText('You are commenting using your Facebook account')).toBeVisible();
  await expect(frame.getByLabel('Comment', { exact: true })).toHaveValue(text);
  await frame.getByRole('button', { name: 'Post Comment' }).click();
  const mine = frame.getByTestId('comment').filter({ hasText: text });
  await expect(mine.getByText('Rosalind Franklin', { exact: true })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await frame.getByRole('button', { name: 'Download my data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('parley-demo-my-data.json');
  const data = JSON.parse(await readFile(await download.path(), 'utf8')) as ReaderDataExport;
  expect(data.site.id).toBe('demo');
  expect(data.identity).toMatchObject({ provider: 'facebook', name: 'Rosalind Franklin' });
  expect(data.comments).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        text,
        page: expect.objectContaining({ url: expect.stringContaining(POST) }),
      }),
    ]),
  );

  await frame.getByRole('button', { name: 'Delete my account' }).click();
  await frame.getByRole('button', { name: 'Delete, keep my comments as “Deleted user”' }).click();
  await expect(frame.getByText('Your account on this site was deleted.')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Log in with Facebook' })).toBeVisible();
  await expect(mine.getByText('Deleted user', { exact: true })).toBeVisible();
  await expect(mine.getByText('Rosalind Franklin')).toHaveCount(0);
  // For everyone, after a reload too.
  const again = await openThread(page, `/posts/${POST}`);
  await expect(
    again.getByTestId('comment').filter({ hasText: text }).getByText('Deleted user'),
  ).toBeVisible();
});

test('a guest downloads their data through the emailed link, removes it, and the link is spent', async ({
  page,
  request,
}) => {
  const frame = await openThread(page, `/posts/${POST}`);
  const email = `guest-${Date.now()}@reader.example`;
  const text = `A guest’s words to take back ${Date.now()}`;
  await postAsGuest(frame, text, { name: 'Gwen Guest', email });
  const mine = frame.getByTestId('comment').filter({ hasText: text });
  await expect(mine).toBeVisible();

  await frame.getByRole('button', { name: 'Your data on this site' }).click();
  await frame.getByLabel('Your email', { exact: true }).fill(email);
  await frame.getByRole('button', { name: 'Email me a link' }).click();
  await expect(frame.getByText(/a link is on its way to it/)).toBeVisible();

  let link = '';
  await expect(async () => {
    const mails = (await (
      await request.get(`${MAIL_API_URL}/messages?to=${encodeURIComponent(email)}`)
    ).json()) as { subject: string; text: string }[];
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('[Parley demo blog] Your data on Parley demo blog');
    link = /https:\/\/\S+\/data\/demo\?token=[\w-]+/.exec(mails[0]?.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
  }).toPass();

  const mail = await page.context().newPage();
  await mail.goto(link);
  await mail.getByRole('button', { name: 'Continue' }).click();
  await expect(mail.getByTestId('guest-data-summary')).toContainText('1 comment');
  const downloading = mail.waitForEvent('download');
  await mail.getByTestId('guest-data-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('parley-demo-my-data.json');
  const data = JSON.parse(await readFile(await download.path(), 'utf8')) as ReaderDataExport;
  expect(data.identity).toEqual({ email });
  expect(data.comments.map((c) => c.text)).toEqual([text]);
  expect(data.notes.join(' ')).toContain('only');

  await mail.getByRole('button', { name: 'Delete, and remove my comments' }).click();
  await expect(mail.getByTestId('guest-data-done')).toContainText('1 comment removed');
  // The open widget hears of it and drops the comment.
  await expect(mine).toHaveCount(0);

  await mail.goto(link);
  await mail.getByRole('button', { name: 'Continue' }).click();
  await expect(mail.getByTestId('guest-data-error')).toContainText('cannot be used');
});

// Issue 11: the panel's refusals are the widget's own words, chosen by the
// server's code and field, in the reader's language; never the server's
// English message. The real server's answer to an address it refuses.
for (const locale of ['en', 'fr'] as const) {
  test(`a guest asking with an address the server refuses is told so in ${locale}`, async ({
    page,
    request,
  }) => {
    const words = READER_CATALOGUES[locale] as Record<
      'data.open' | 'data.email' | 'data.send' | 'field.email.invalid',
      string
    >;
    const url = await hostPage(request, { body: snippet(`data-site="e2e" data-lang="${locale}"`) });
    const frame = await openThread(page, url);
    await frame.getByRole('button', { name: words['data.open'] }).click();
    // Passes the browser's idea of an address (a one-letter top-level domain); the server refuses it.
    await frame.getByLabel(words['data.email'], { exact: true }).fill('ada@example.c');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/data-requests'));
    await frame.getByRole('button', { name: words['data.send'] }).click();
    const refusal = (await (await answered).json()) as { error: { code: string; field: string } };
    expect(refusal.error).toMatchObject({ code: 'invalid_body', field: 'email' });
    await expect(frame.getByTestId('guest-data').getByRole('status')).toHaveText(
      words['field.email.invalid'],
    );
  });
}
