/**
 * The comment form against the real server, in every engine (issue 11 §1, §2,
 * §5): what the reader is told, where, and that the text is never lost.
 * The widget's words come from its own check and from the server's actual
 * answers, never from a stub.
 */
import { expectAccessible } from '../engines/axe.ts';
import { expect, journey } from '../engines/fixture.ts';
import { click, fill, see, seeValue, waitFor } from '../engines/steps.ts';
import { hostPage } from '../fixtures.ts';
import { openThread } from './reader.ts';

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const error = (field: string, text: string | RegExp) => ({
  testId: `parley-new-${field}-error`,
  hasText: text,
});

journey(
  'an empty submit names the comment, email and name at once; the server’s refusals show beside their fields',
  async ({ open, request }) => {
    const { tab, engine } = await open();
    await openThread(tab, await hostPage(request));
    await see(tab, 'widget', { testId: 'comment-count', hasText: 'No comments yet' });
    await expectAccessible(tab, 'widget', 'empty thread', engine);

    await click(tab, 'widget', { role: 'button', name: 'Post Comment' });
    await see(tab, 'widget', error('body', 'Please write your comment.'));
    await see(tab, 'widget', error('email', /^Please enter your email address/));
    await see(tab, 'widget', error('name', 'Please enter your name.'));
    await see(tab, 'widget', { testId: 'announcer', hasText: '3 fields need your attention.' });
    await expectAccessible(tab, 'widget', 'form with errors', engine);

    // Passes the browser's loose check; the server refuses it (a one-letter
    // top-level domain) and the widget says so in its own words, beside Email.
    const text = `Kept through every refusal ${stamp()}`;
    await fill(tab, 'widget', { label: 'Comment' }, text);
    await fill(tab, 'widget', { label: 'Email' }, 'ada@example.c');
    await fill(tab, 'widget', { label: 'Name' }, 'Ada Reader');
    await click(tab, 'widget', { role: 'button', name: 'Post Comment' });
    await see(
      tab,
      'widget',
      error('email', 'Please enter a valid email address, like name@example.com.'),
    );
    await seeValue(tab, 'widget', { label: 'Comment' }, text);
    const shown = await tab.evaluate<string>(
      'widget',
      '() => document.querySelector("form").innerText',
    );
    // No internal path ("author.email:") anywhere the reader looks.
    expect(shown).not.toMatch(/author\.|body:/);

    await fill(tab, 'widget', { label: 'Email' }, 'ada@example.com');
    await click(tab, 'widget', { role: 'button', name: 'Post Comment' });
    await see(tab, 'widget', { testId: 'comment', hasText: text });
    await see(tab, 'widget', { testId: 'announcer', hasText: 'Your comment was posted.' });
  },
);

journey(
  'a very long comment: the box stops growing, a counter counts, and the text stays',
  async ({ open, request }) => {
    const { tab } = await open();
    await openThread(tab, await hostPage(request));
    const long = 'All work and no play. '.repeat(1_000).trim();
    // Pasted, as such a text arrives (typing 22,000 keys over WebDriver takes minutes).
    await tab.evaluate(
      'widget',
      `(text) => {
        const box = document.querySelector('textarea');
        box.focus();
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, text);
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }`,
      [long],
    );
    await see(tab, 'widget', { testId: 'counter', hasText: /characters over the limit$/ });
    const height = await tab.evaluate<number>(
      'widget',
      '() => document.querySelector("textarea").getBoundingClientRect().height',
    );
    // About twenty lines at most, not thousands of pixels.
    expect(height).toBeLessThan(450);
    await fill(tab, 'widget', { label: 'Email' }, 'ada@example.com');
    await fill(tab, 'widget', { label: 'Name' }, 'Ada Reader');
    await click(tab, 'widget', { role: 'button', name: 'Post Comment' });
    await see(tab, 'widget', error('body', /^Your comment is longer than 10,000 characters/));
    await waitFor(
      'the text is still in the box',
      () => tab.evaluate<number>('widget', '() => document.querySelector("textarea").value.length'),
      (n) => n === long.length,
    );
  },
);
