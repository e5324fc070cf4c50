/**
 * The rules of Consul's blocking queries for the live pages, and query-string building. DOM-free.
 */

/** How long a blocking query waits on the server before answering unchanged. */
export const WAIT = '30s';

/** The longest pause between retries after errors, in milliseconds. */
export const MAX_BACKOFF_MS = 30000;

/**
 * The index to send with the next blocking query, given the one sent and the `X-Consul-Index` received, following
 * Consul's advice: restart from 0 when the index goes backwards, never block on an index below 1, and stop blocking
 * (0) when the endpoint sends no index.
 */
export function nextIndex(sent, received) {
  const index = Number(received);
  if (!Number.isFinite(index) || received === null || received === undefined || received === '') return 0;
  if (index < sent) return 0;
  return Math.max(index, 1);
}

/** How long to wait before retrying after `failures` consecutive errors: 1 s, doubling, at most 30 s. */
export function backoffDelay(failures) {
  return Math.min(1000 * 2 ** Math.max(failures - 1, 0), MAX_BACKOFF_MS);
}

/**
 * `path` with query parameters added; a parameter whose value is undefined or null is left out, one whose value is
 * true is added bare (`?keys`).
 */
export function withQuery(path, params = {}) {
  const parts = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === false) continue;
    parts.push(value === true ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}
