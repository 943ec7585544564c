/** Entry of the iframe's app: read the inlined bootstrap, theme the page, render. */
import './thread.css';
import { createRoot } from 'react-dom/client';
import { App, Unavailable } from './App.tsx';
import { readBootstrap } from './bootstrap.ts';

/** Longest the app waits for the browser to paint the server's comments first. */
const PAINT_WAIT_MS = 500;

const bootstrap = readBootstrap(document);
document.documentElement.dataset.theme = bootstrap?.theme ?? 'auto';
const root = document.getElementById('parley-root');
// The page holds the server's first render of the same thread
// (server/embed/thread-markup.ts). The app replaces it with the same markup
// in one task (the root is emptied as it renders, as React does): nothing
// is painted in between, the comments keep their places and appear once.
const start = () => {
  if (root) createRoot(root).render(bootstrap ? <App bootstrap={bootstrap} /> : <Unavailable />);
};
if (root?.firstElementChild) {
  // The server's comments are on the page: let the browser paint them (the
  // frame is shown at the page's `paint` message) before the app's first
  // render holds the main thread, which on a busy phone delays that paint by
  // as long as it runs. Started at the first contentful paint where the
  // browser reports it, else after an animation frame; a frame nobody paints
  // (hidden, off screen) starts after PAINT_WAIT_MS anyway.
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  if (PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      setTimeout(once);
    }).observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(once));
  }
  setTimeout(once, PAINT_WAIT_MS);
} else {
  start();
}
