/** The React page of the demo blog (served at /react/ by demo/blog/blog.server.ts). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { CONFIG_ID, type ReactDemoConfig } from './config.ts';

const config = JSON.parse(
  document.getElementById(CONFIG_ID)?.textContent ?? 'null',
) as ReactDemoConfig | null;
const root = document.getElementById('root');
if (root && config) {
  createRoot(root).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}
