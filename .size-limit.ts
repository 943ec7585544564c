/**
 * Bundle budgets (`npm run size`), gzipped, over exactly the files the server
 * links for each page: read from Vite's manifest the way server/embed/assets.ts
 * reads it, so a chunk split off an app can't slip out of its budget.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { LOCALES } from './contract/i18n/locales.ts';
import { firstRenderMessages } from './contract/i18n/reader/first-render.ts';
import { readerMessages } from './contract/i18n/reader/index.ts';
import { loadWidgetAssets, MANIFEST_FILE } from './server/embed/assets.ts';

const DIR = 'dist/widget';
const assets = loadWidgetAssets(DIR);
if (!assets) throw new Error('Build the widget first: npm run build');

const files = (app: 'thread' | 'admin') => {
  const { script, preload, styles } = assets.apps[app];
  return [script, ...preload, ...styles].map((file) => `${DIR}/${file}`);
};

// The iframe page inlines the first render's words in the reader's language
// (server/embed/embed.routes.ts): each language's first render is the app
// plus those words, gzipped here on their own (never less than they cost
// inside the gzipped page).
const WORDS = `${DIR}/.size/words`;
mkdirSync(WORDS, { recursive: true });
const perLanguage = LOCALES.map((locale) => {
  const path = `${WORDS}/${locale}.json`;
  writeFileSync(path, JSON.stringify(firstRenderMessages(readerMessages(locale))));
  return {
    name: `iframe first render in ${locale} (the app and its ${locale} words)`,
    path: [...files('thread'), path],
    limit: '25000 B',
    gzip: true,
  };
});

// The dashboard imports its owner's language's words before its first render
// (widget/admin/i18n.ts): each language's dashboard is the app plus that one
// chunk, found in Vite's manifest by its source file.
const manifest = JSON.parse(readFileSync(`${DIR}/${MANIFEST_FILE}`, 'utf8')) as Record<
  string,
  { file: string }
>;
const dashboardPerLanguage = LOCALES.map((locale) => {
  const chunk = manifest[`contract/i18n/dashboard/${locale}.ts`];
  if (!chunk) throw new Error(`No dashboard chunk for ${locale}: is it still imported lazily?`);
  return {
    name: `dashboard in ${locale} (the app and its ${locale} words)`,
    path: [...files('admin'), `${DIR}/${chunk.file}`],
    limit: '40000 B',
    gzip: true,
  };
});

export default [
  {
    // Room for the programmatic API, diagnostics, host theme and language
    // detection; what the common path does not need loads lazily.
    name: 'embed.js (loader on the host page)',
    path: `${DIR}/embed.js`,
    limit: '2560 B',
    gzip: true,
  },
  {
    // Imported by embed.js only when its frame shows no thread.
    name: 'embed-diagnose.js (wrong-embed diagnostics)',
    path: `${DIR}/embed-diagnose.js`,
    limit: '600 B',
    gzip: true,
  },
  {
    // A listing page loads it beside every post link: it must stay tiny.
    name: 'count.js (comment counts on a listing page)',
    path: `${DIR}/count.js`,
    limit: '1024 B',
    gzip: true,
  },
  {
    name: 'iframe first render (thread JS, its chunks and CSS)',
    path: files('thread'),
    limit: '25000 B',
    gzip: true,
  },
  ...perLanguage,
  {
    name: 'dashboard (admin JS, its chunks and CSS)',
    path: files('admin'),
    limit: '40000 B',
    gzip: true,
  },
  ...dashboardPerLanguage,
];
