/** Text formatting for values the API sends in raw form. DOM-free. */

/** A nanosecond duration (as Consul's JSON has LockDelay) in Go's style: 0s, 500ms, 15s, 1m30s, 2h0m0s. */
export function formatNanos(nanos) {
  if (!nanos) return '0s';
  if (nanos < 1e9) return `${nanos / 1e6}ms`;
  const totalSeconds = nanos / 1e9;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Math.round((totalSeconds % 60) * 1000) / 1000;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

/** A short form of a long ID for tables: its first 8 characters. */
export function shortId(id) {
  return (id ?? '').slice(0, 8);
}
