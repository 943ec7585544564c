// Every widget test runs on real React 19 and on Preact behind React's API
// (what ships, widget/aliases.ts). These fail if a project silently renders
// with the other runtime, e.g. if the aliases stopped matching the build's.

import { act } from '@testing-library/react';
import * as preact from 'preact';
import * as compat from 'preact/compat';
import * as preactJsx from 'preact/jsx-runtime';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactDomClient from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { RUNTIME } from './runtime.ts';

if (RUNTIME === 'preact') {
  describe('on Preact: react → preact aliases', () => {
    it('resolves react to preact/compat', () => {
      expect(React.useState).toBe(compat.useState);
      expect(React.createContext).toBe(compat.createContext);
    });

    it('compiles JSX to preact vnodes', () => {
      expect(jsxRuntime.jsx).toBe(preactJsx.jsx);
      expect(preact.isValidElement(<span />)).toBe(true);
    });

    it('resolves react-dom/client to preact/compat/client', () => {
      const host = document.createElement('div');
      ReactDomClient.createRoot(host).render(<b>hi</b>);
      expect(host.innerHTML).toBe('<b>hi</b>');
    });
  });
}

if (RUNTIME === 'react') {
  describe('on React 19: no aliases', () => {
    it('resolves react to React 19 itself', () => {
      expect(React.version).toMatch(/^19\./);
      expect(React.useState).not.toBe(compat.useState);
    });

    it('compiles JSX to React elements', () => {
      expect(jsxRuntime.jsx).not.toBe(preactJsx.jsx);
      expect(preact.isValidElement(<span />)).toBe(false);
      expect(React.isValidElement(<span />)).toBe(true);
    });

    it('renders through react-dom/client', async () => {
      const host = document.createElement('div');
      await act(async () => ReactDomClient.createRoot(host).render(<b>hi</b>));
      expect(host.innerHTML).toBe('<b>hi</b>');
    });
  });
}
