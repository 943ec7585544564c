/** Entry of the iframe's app: read the inlined bootstrap, theme the page, render. */
import './thread.css';
import { createRoot } from 'react-dom/client';
import { App, Unavailable } from './App.tsx';
import { readBootstrap } from './bootstrap.ts';

const bootstrap = readBootstrap(document);
document.documentElement.dataset.theme = bootstrap?.theme ?? 'auto';
const root = document.getElementById('parley-root');
if (root) createRoot(root).render(bootstrap ? <App bootstrap={bootstrap} /> : <Unavailable />);
