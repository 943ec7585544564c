// The widget is written against React's API and ships Preact (widget/aliases.ts).
// These fail if the test project's aliases stop matching the build's, e.g. if
// real React (installed for its types) were picked up instead.
import * as preact from 'preact';
import * as compat from 'preact/compat';
import * as preactJsx from 'preact/jsx-runtime';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactDomClient from 'react-dom/client';
import { describe, expect, it } from 'vitest';

describe('react → preact aliases', () => {
  it('resolves react to preact/compat', () => {
    expect(React.useState).toBe(compat.useState);
    expect(React.createContext).toBe(compat.createContext);
  });

  it('compiles JSX to preact vnodes', () => {
    expect(jsxRuntime.jsx).toBe(preactJsx.jsx);
    const vnode = <span />;
    expect(preact.isValidElement(vnode)).toBe(true);
  });

  it('resolves react-dom/client to preact/compat/client', () => {
    const host = document.createElement('div');
    ReactDomClient.createRoot(host).render(<b>hi</b>);
    expect(host.innerHTML).toBe('<b>hi</b>');
  });
});
