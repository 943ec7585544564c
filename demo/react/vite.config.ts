/**
 * The demo blog's React page: a React site of its own, built on real React
 * (not the widget's Preact aliases) into dist/demo-react. `npm run build`
 * builds it after the widget; the blog serves it at /react/ (serve.ts).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/react/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/demo-react', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
  },
});
