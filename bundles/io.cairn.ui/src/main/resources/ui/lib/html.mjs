/** The view toolkit: Preact's render and hooks, and `html`, htm's tagged templates bound to Preact. */
import { h, render } from 'preact';
import htm from 'htm';

export { render };
export { useEffect, useRef, useState } from 'preact/hooks';

/** JSX-like tagged templates: html`<p class=${name}>...</p>`. */
export const html = htm.bind(h);
