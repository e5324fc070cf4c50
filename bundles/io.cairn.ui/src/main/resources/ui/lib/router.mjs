/**
 * History-API navigation: follows clicks on in-app links without reloading, and tells listeners when the location
 * changes (links, back/forward, {@link navigate}).
 */
import { BASE } from '../logic/routes.mjs';

const listeners = new Set();

function notify() {
  for (const listener of listeners) listener(location.pathname);
}

/** Goes to an in-app path; `replace` replaces the history entry instead of adding one. */
export function navigate(path, { replace = false } = {}) {
  if (path === location.pathname) return;
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  notify();
  if (!replace) window.scrollTo(0, 0);
}

/** Calls `listener(pathname)` after every location change; answers a function that stops it. */
export function onLocationChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Installs the click and back/forward handlers; called once at start. */
export function startRouter() {
  window.addEventListener('popstate', notify);
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const anchor = event.target.closest('a[href]');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const href = anchor.getAttribute('href');
    if (href.startsWith('#')) {
      // With <base href="/ui/"> a fragment link would load /ui/ again; move focus to its target instead.
      event.preventDefault();
      document.getElementById(href.slice(1))?.focus();
      return;
    }
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
    event.preventDefault();
    navigate(url.pathname);
  });
}
