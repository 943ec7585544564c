/**
 * The widget is written against React's API but ships Preact: React 19 +
 * react-dom is ~67 KB gzipped, far over the iframe's 25 KB first-render
 * budget. The build and the component tests use the same aliases, so what
 * ships is what is tested.
 */
export const reactToPreact: Record<string, string> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
};
