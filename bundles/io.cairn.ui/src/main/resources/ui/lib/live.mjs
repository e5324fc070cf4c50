/**
 * Live data for list and detail pages: `useLive` re-runs a GET as a Consul blocking query with the last
 * X-Consul-Index, aborts it when the page goes away, and backs off after errors.
 */
import { useEffect, useState } from './html.mjs';
import { request } from './api.mjs';
import { WAIT, backoffDelay, nextIndex } from '../logic/blocking.mjs';

/** How often to re-read an endpoint that sends no X-Consul-Index (it cannot block). */
const POLL_MS = 5000;

/** The least time between two queries that answered the same index (guards against an endpoint that never blocks). */
const MIN_REPEAT_MS = 1000;

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/**
 * Keeps `{data, error, loading}` up to date for `path` (no query while `path` is null). Options: `dc`, `query`,
 * `allow404` (as in `request`). `error` holds the last failure while retrying; `data` stays the last good answer.
 * Changing `key` (or path, dc, query) restarts the query.
 */
export function useLive(path, { dc, query = {}, allow404 = false, key = '' } = {}) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (!path) return undefined;
    const controller = new AbortController();
    const { signal } = controller;
    setState({ data: undefined, error: null, loading: true });

    (async () => {
      let index = 0;
      let failures = 0;
      while (!signal.aborted) {
        const started = Date.now();
        try {
          const blocking = index > 0 ? { index, wait: WAIT } : {};
          const answer = await request(path, { dc, query: { ...query, ...blocking }, allow404, signal });
          if (signal.aborted) return;
          const changed = index === 0 || String(index) !== String(answer.index);
          failures = 0;
          if (changed) setState({ data: answer.data, error: null, loading: false });
          index = nextIndex(index, answer.index);
          if (index === 0) {
            await pause(POLL_MS, signal);
          } else if (!changed && Date.now() - started < MIN_REPEAT_MS) {
            await pause(MIN_REPEAT_MS, signal);
          }
        } catch (error) {
          if (signal.aborted) return;
          failures += 1;
          index = 0; // re-read without blocking once the agent answers again, so the page recovers at once
          setState((previous) => ({ data: previous.data, error, loading: false }));
          await pause(backoffDelay(failures), signal);
        }
      }
    })();

    return () => controller.abort();
  }, [path, dc, queryKey, allow404, key]);

  return state;
}
