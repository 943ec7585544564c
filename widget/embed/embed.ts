/**
 * embed.js: the one script tag a site owner adds. With data-site it mounts a
 * thread from its data-* attributes; either way it defines `Parley.mount` for
 * pages that mount threads themselves (single-page apps).
 */
import {
  type MountOptions,
  mountScript,
  mount as mountThread,
  type ParleyEmbed,
} from './loader.ts';

// Read synchronously: currentScript is null once this first run is over.
const script = document.currentScript;
const src = script instanceof HTMLScriptElement ? script.src : '';
if (script instanceof HTMLScriptElement) mountScript(script);

/**
 * `Parley.mount(element, options)`: mounts a thread in `element`. `server`
 * defaults to the server this script was loaded from.
 */
export function mount(
  element: Element,
  options: Omit<MountOptions, 'server'> & { server?: string },
): ParleyEmbed {
  return mountThread(element, { ...options, server: options.server || new URL('.', src).href });
}
