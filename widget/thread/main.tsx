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
  // The server's comments are on the page: let the browser paint them before
  // the app's first render holds the main thread (the frame is shown at the
  // page's `paint` message). A frame that is not painted (offscreen, hidden)
  // gets no animation frame: it starts after a short wait instead.
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, PAINT_WAIT_MS);
} else {
  start();
}
