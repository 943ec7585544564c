/** embed.js: the one script tag a site owner adds. Options come from its data-* attributes. */
import { mount } from './loader.ts';

// Read synchronously: currentScript is null once this first run is over.
const script = document.currentScript;
if (script instanceof HTMLScriptElement) mount(script, window);
