import { type ComponentType, createElement, useEffect, useState } from 'react';

/** A module-level function that imports a component in a chunk of its own. */
export type Loader<P> = () => Promise<ComponentType<P>>;

// Keyed by the loader; each entry is the component that loader resolves to.
const loaded = new Map<unknown, unknown>();

/**
 * Renders the component `load` imports, with `props`, once its code is here
 * (nothing until then). What only some readers open (editing one's comment,
 * one's data rights) so stays out of the iframe's 25,000 B first render.
 * `load` must be defined at module level: it keys the loaded component.
 */
export function Later<P extends object>({ load, props }: { load: Loader<P>; props: P }) {
  const [component, setComponent] = useState(
    () => loaded.get(load) as ComponentType<P> | undefined,
  );
  useEffect(() => {
    if (component) return;
    let live = true;
    void load().then((c) => {
      loaded.set(load, c);
      // A component is a function: set it, don't call it.
      if (live) setComponent(() => c);
    });
    return () => {
      live = false;
    };
  }, [load, component]);
  return component ? createElement(component, props) : null;
}
