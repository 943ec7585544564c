/**
 * What the blog server tells its React page (demo/react/serve.ts writes it
 * into the page): where Parley is and which site this is.
 */
export interface ReactDemoConfig {
  parleyUrl: string;
  siteId: string;
}

/** The element the blog server fills in, and the marker in index.html it replaces. */
export const CONFIG_ID = 'demo-config';
export const CONFIG_MARKER = '<!-- demo-config -->';
