/**
 * Readers' data rights from the widget (issue 12): a signed-in reader
 * downloads what Parley holds about them and deletes their account, keeping
 * their comments as "Deleted user".
 */
import { readFile } from 'node:fs/promises';
import type { ReaderDataExport } from '../contract/reader-data.schema.ts';
import { expect, openThread, POSTS, test } from './fixtures.ts';

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
