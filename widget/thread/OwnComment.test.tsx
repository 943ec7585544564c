import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { App } from './App.tsx';
import { buildBootstrap, buildComment, jsonResponse } from './test-fixtures.ts';
import { setupAppTests } from './test-host.ts';

setupAppTests();

const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

/** The reader's own comment, still in its edit window. */
const mine = (overrides: Partial<Comment> = {}) =>
  buildComment({
    id: 'mine',
    html: '<p>My <em>words</em></p>',
    source: 'My *words*',
    editableUntil: inAMinute(),
    ...overrides,
  });

function renderApp(comments: Comment[]) {
  render(<App bootstrap={buildBootstrap(comments)} />);
}

const item = (id: string) => document.getElementById(`comment-${id}`) as HTMLElement;

/** Stubs fetch to answer the next call with `response`. */
function respondOnce(response: Response) {
  const fetch = vi.fn().mockResolvedValueOnce(response);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const sent = (fetch: ReturnType<typeof vi.fn>) => fetch.mock.calls[0] as [string, RequestInit];

describe('the author’s own comments', () => {
  it('offer Edit and Delete only on the reader’s own comments while the window is open', () => {
    renderApp([
      mine(),
      buildComment({ id: 'theirs' }),
      buildComment({ id: 'closed', editableUntil: new Date(Date.now() - 1000).toISOString() }),
    ]);
    expect(within(item('mine')).getByRole('button', { name: 'Edit your comment' })).toBeTruthy();
    expect(within(item('mine')).getByRole('button', { name: 'Delete your comment' })).toBeTruthy();
    for (const id of ['theirs', 'closed']) {
      expect(within(item(id)).queryByRole('button', { name: 'Edit your comment' })).toBeNull();
      expect(within(item(id)).queryByRole('button', { name: 'Delete your comment' })).toBeNull();
    }
  });

  it('edits inline from the source and shows the result, marked (edited)', async () => {
    renderApp([mine()]);
    fireEvent.click(screen.getByRole('button', { name: 'Edit your comment' }));
    const editor = await screen.findByRole('form', { name: 'Edit your comment' });
    const box = within(editor).getByLabelText('Your comment') as HTMLTextAreaElement;
    expect(box.value).toBe('My *words*');
    // The editor's code loads on first use; the focus follows once it has rendered.
    await waitFor(() => expect(document.activeElement).toBe(box));
    fireEvent.input(box, { target: { value: 'My *better* words' } });
    const edited = mine({
      html: '<p>My <em>better</em> words</p>',
      source: 'My *better* words',
      editedAt: new Date().toISOString(),
    });
    const fetch = respondOnce(jsonResponse(200, { comment: edited }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Edit your comment' })).toBeNull(),
    );
    const [url, init] = sent(fetch);
    expect(url).toBe('/api/v1/comments/mine');
    expect(init).toMatchObject({ method: 'PATCH', credentials: 'include' });
    expect(JSON.parse(String(init.body))).toEqual({ body: 'My *better* words' });
    expect(within(item('mine')).getByTestId('comment-body').innerHTML).toBe(
      '<p>My <em>better</em> words</p>',
    );
    expect(within(item('mine')).getByTestId('edited').textContent).toBe('(edited)');
  });

  it('shows an edit held again as awaiting moderation, and uncounts it', async () => {
    renderApp([mine()]);
    expect(screen.getByTestId('comment-count').textContent).toBe('1 comment');
    fireEvent.click(screen.getByRole('button', { name: 'Edit your comment' }));
    respondOnce(jsonResponse(200, { comment: mine({ status: 'pending', editedAt: inAMinute() }) }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(within(item('mine')).getByTestId('awaiting-moderation')).toBeTruthy(),
    );
    // Not "No comments yet" above the reader's own held comment.
    expect(screen.getByTestId('comment-count').textContent).toBe('Comments');
  });

  it('keeps the text and says why when an edit is refused', async () => {
    renderApp([mine()]);
    fireEvent.click(screen.getByRole('button', { name: 'Edit your comment' }));
    const editor = await screen.findByRole('form', { name: 'Edit your comment' });
    fireEvent.input(within(editor).getByLabelText('Your comment'), { target: { value: 'Late' } });
    respondOnce(
      jsonResponse(403, {
        error: {
          code: 'edit_window_closed', // The real server's message (server/comments/comment.edit.ts); the
          // widget words it from its catalogue by `code`, never shows it.
          message: 'A comment can be edited or deleted only within 15 minutes of posting',
        },
      }),
    );
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    expect((await within(editor).findByRole('alert')).textContent).toBe(
      'The time for changing this comment is over.',
    );
    expect((within(editor).getByLabelText('Your comment') as HTMLTextAreaElement).value).toBe(
      'Late',
    );
    expect(within(editor).getByRole('button', { name: 'Save' })).toHaveProperty('disabled', false);
  });

  it('says what is wrong with an empty edit before asking the server', async () => {
    renderApp([mine()]);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    fireEvent.click(screen.getByRole('button', { name: 'Edit your comment' }));
    const editor = await screen.findByRole('form', { name: 'Edit your comment' });
    fireEvent.input(within(editor).getByLabelText('Your comment'), { target: { value: '  ' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    expect(within(editor).getByRole('alert').textContent).toBe('Please write your comment.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps the editor, the text and Save working when the edit window ends while typing', async () => {
    // The race behind "a Save that sent nothing": the minute tick closed the
    // window under the reader and the editor vanished with their text.
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'] });
    try {
      renderApp([mine({ editableUntil: new Date(Date.now() + 30_000).toISOString() })]);
      fireEvent.click(screen.getByRole('button', { name: 'Edit your comment' }));
      const editor = await screen.findByRole('form', { name: 'Edit your comment' });
      fireEvent.input(within(editor).getByLabelText('Your comment'), {
        target: { value: 'Typed as the window closed' },
      });
      act(() => {
        vi.advanceTimersByTime(61_000);
      });
      expect(screen.getByRole('form', { name: 'Edit your comment' })).toBe(editor);
      const fetch = respondOnce(
        jsonResponse(403, {
          error: {
            code: 'edit_window_closed', // The real server's message (server/comments/comment.edit.ts); the
            // widget words it from its catalogue by `code`, never shows it.
            message: 'A comment can be edited or deleted only within 15 minutes of posting',
          },
        }),
      );
      fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
      expect(fetch).toHaveBeenCalledTimes(1);
      expect((await within(editor).findByRole('alert')).textContent).toBe(
        'The time for changing this comment is over.',
      );
      expect((within(editor).getByLabelText('Your comment') as HTMLTextAreaElement).value).toBe(
        'Typed as the window closed',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('Cancel closes the editor without a request', async () => {
    renderApp([mine()]);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    fireEvent.click(screen.getByRole('button', { name: 'Edit your comment' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Edit your comment' })).toBeNull();
    expect(within(item('mine')).getByTestId('comment-body').innerHTML).toBe(
      '<p>My <em>words</em></p>',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks inline before deleting (never a dialog); Keep keeps it', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    renderApp([mine()]);
    // After the first render's session check.
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    fireEvent.click(screen.getByRole('button', { name: 'Delete your comment' }));
    const ask = await screen.findByRole('group', { name: 'Delete this comment?' });
    expect(ask.textContent).toContain('Delete this comment?');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Keep' })),
    );
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('group', { name: 'Delete this comment?' })).toBeNull();
    expect(item('mine')).toBeTruthy();
    expect(confirm).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('removes a deleted comment without replies, and uncounts it', async () => {
    renderApp([mine(), buildComment({ id: 'other' })]);
    expect(screen.getByTestId('comment-count').textContent).toBe('2 comments');
    const fetch = respondOnce(new Response(null, { status: 204 }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete your comment' }));
    const ask = await screen.findByRole('group', { name: 'Delete this comment?' });
    fireEvent.click(within(ask).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(document.getElementById('comment-mine')).toBeNull());
    const [url, init] = sent(fetch);
    expect(url).toBe('/api/v1/comments/mine');
    expect(init).toMatchObject({ method: 'DELETE', credentials: 'include' });
    expect(screen.getByTestId('comment-count').textContent).toBe('1 comment');
    expect(screen.queryByTestId('deleted-comment')).toBeNull();
  });

  it('leaves a placeholder for a deleted comment with replies; the replies stay', async () => {
    renderApp([mine(), buildComment({ id: 'reply', parentId: 'mine', html: '<p>Answer</p>' })]);
    respondOnce(new Response(null, { status: 204 }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete your comment' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const placeholder = await screen.findByTestId('deleted-comment');
    expect(placeholder.textContent).toBe('This comment was deleted.');
    expect(placeholder.id).toBe('comment-mine');
    expect(within(placeholder).queryByRole('button')).toBeNull();
    const reply = item('reply');
    expect(within(reply).getByTestId('comment-body').textContent).toBe('Answer');
    expect(placeholder.closest('li')?.contains(reply)).toBe(true);
    expect(screen.getByTestId('comment-count').textContent).toBe('1 comment');
  });

  it('shows a failed delete and keeps the comment', async () => {
    renderApp([mine()]);
    respondOnce(
      jsonResponse(403, {
        error: { code: 'not_author', message: 'Only its author can change this comment' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete your comment' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Only its author can change this comment.',
    );
    expect(item('mine')).toBeTruthy();
  });
});

describe('edited and deleted comments for every reader', () => {
  it('marks an edited comment and renders the server’s placeholders', () => {
    renderApp([
      buildComment({
        id: 'gone',
        html: '',
        deleted: true,
        author: { name: '', url: null, avatarUrl: '', provider: 'guest' },
      }),
      buildComment({ id: 'r', parentId: 'gone', editedAt: new Date().toISOString() }),
    ]);
    expect(screen.getByTestId('deleted-comment').textContent).toBe('This comment was deleted.');
    expect(within(item('r')).getByTestId('edited').textContent).toBe('(edited)');
    expect(within(item('r')).queryByRole('button', { name: 'Edit your comment' })).toBeNull();
    expect(screen.getAllByTestId('comment')).toHaveLength(1);
  });
});
