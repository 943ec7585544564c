// On real React 19 only (the React project of vite.config.ts): this is what a
// React site runs.
import { act, cleanup, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Theme } from '../../contract/api.ts';
import { envelope } from '../../contract/messages.ts';
import { ParleyComments, type ParleyCommentsProps, type ParleyTheme } from './ParleyComments.tsx';

const SERVER = 'https://comments.example.com';
const props: ParleyCommentsProps = { server: SERVER, site: 'blog', pageId: 'post-1' };

/** Every listener the component leaves on window, by event type. */
let listeners: Map<EventListenerOrEventListenerObject, string>;

beforeEach(() => {
  listeners = new Map();
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  vi.spyOn(window, 'addEventListener').mockImplementation((type, listener, options) => {
    if (listener) listeners.set(listener, type);
    add(type, listener, options);
  });
  vi.spyOn(window, 'removeEventListener').mockImplementation((type, listener, options) => {
    if (listener) listeners.delete(listener);
    remove(type, listener, options);
  });
  document.title = 'First post';
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const frames = () => [...document.querySelectorAll('iframe')];
const only = () => {
  expect(frames()).toHaveLength(1);
  return frames()[0] as HTMLIFrameElement;
};
const query = (iframe: HTMLIFrameElement) => Object.fromEntries(new URL(iframe.src).searchParams);

/** What the app inside the frame says once it has rendered (with the frame's name in its language). */
const ready = (iframe: HTMLIFrameElement, title?: string) =>
  act(() => {
    window.dispatchEvent(
      new MessageEvent('message', {
        data: envelope({ type: 'ready', height: 321, ...(title ? { title } : {}) }),
        origin: SERVER,
        source: iframe.contentWindow,
      }),
    );
  });

describe('<ParleyComments />', () => {
  it("mounts the loader's frame for the page, shown at once and sized as its app says", () => {
    render(<ParleyComments {...props} pageTitle="Hello" lang="fr" theme="dark" />);
    const iframe = only();
    expect(iframe.src.startsWith(`${SERVER}/embed/thread?`)).toBe(true);
    expect(query(iframe)).toMatchObject({
      site: 'blog',
      page: 'post-1',
      title: 'Hello',
      lang: 'fr',
      theme: 'dark',
    });
    expect(iframe.closest('[data-parley-comments]')).toBeTruthy();
    expect(iframe.style.height).toBe('150px');
    ready(iframe);
    expect(iframe.style.height).toBe('321px');
  });

  it('names the frame in the reader’s language, as the app inside says it (issue 11)', () => {
    render(<ParleyComments {...props} lang="fr" />);
    const iframe = only();
    ready(iframe, 'Commentaires');
    expect(iframe.title).toBe('Commentaires');
  });

  it('switches to another page in the same frame, and back, without remounting', () => {
    const { rerender } = render(<ParleyComments {...props} />);
    const iframe = only();
    rerender(<ParleyComments {...props} pageId="post-2" />);
    expect(only()).toBe(iframe);
    expect(query(iframe).page).toBe('post-2');
    rerender(<ParleyComments {...props} pageId="post-1" />);
    expect(only()).toBe(iframe);
    expect(query(iframe).page).toBe('post-1');
  });

  it('reloads nothing when a render changes no prop', () => {
    const { rerender } = render(<ParleyComments {...props} />);
    const iframe = only();
    const src = iframe.src;
    const before = vi.spyOn(iframe, 'src', 'set');
    rerender(<ParleyComments {...props} />);
    expect(before).not.toHaveBeenCalled();
    expect(iframe.src).toBe(src);
  });

  it('restyles a ready thread without reloading it when the theme changes', () => {
    const { rerender } = render(<ParleyComments {...props} theme="light" />);
    const iframe = only();
    ready(iframe);
    const src = iframe.src;
    const postMessage = vi.spyOn(iframe.contentWindow as Window, 'postMessage');
    rerender(<ParleyComments {...props} theme="dark" />);
    expect(iframe.src).toBe(src);
    expect(iframe.style.colorScheme).toBe('dark');
    expect(postMessage).toHaveBeenCalledWith(envelope({ type: 'theme', theme: 'dark' }), SERVER);
  });

  it('removes the frame and every listener it added when unmounted', () => {
    const { unmount, container } = render(<ParleyComments {...props} />);
    expect(frames()).toHaveLength(1);
    expect([...listeners.values()].sort()).toEqual(['hashchange', 'message']);
    unmount();
    expect(frames()).toHaveLength(0);
    expect(container.innerHTML).toBe('');
    expect(listeners.size).toBe(0);
  });

  it('makes one frame and one set of listeners under StrictMode (effects run twice)', () => {
    const { rerender, unmount } = render(
      <StrictMode>
        <ParleyComments {...props} />
      </StrictMode>,
    );
    const iframe = only();
    expect([...listeners.values()].sort()).toEqual(['hashchange', 'message']);
    rerender(
      <StrictMode>
        <ParleyComments {...props} pageId="post-2" />
      </StrictMode>,
    );
    expect(only()).toBe(iframe);
    expect(query(iframe).page).toBe('post-2');
    unmount();
    expect(frames()).toHaveLength(0);
    expect(listeners.size).toBe(0);
  });

  it('mounts afresh on another server or site', () => {
    const { rerender } = render(<ParleyComments {...props} />);
    const first = only();
    rerender(<ParleyComments {...props} site="docs" />);
    const second = only();
    expect(second).not.toBe(first);
    expect(query(second).site).toBe('docs');
    expect(listeners.size).toBe(2);
  });

  it("publishes the server's theme names", () => {
    expectTypeOf<ParleyTheme>().toEqualTypeOf<Theme>();
  });
});
