/**
 * Health summaries, filtering and sorting for services, instances, nodes and checks. DOM-free.
 *
 * A status is the worst of its checks, as in Consul's UI: 'critical' if any check is critical, else 'warning' if any
 * warns, else 'passing' if any passes, else 'empty' (no checks at all).
 */

export const HEALTH_FILTERS = ['all', 'passing', 'warning', 'critical'];

const SEVERITY = { critical: 0, warning: 1, passing: 2 };

/** The status of a set of check counts `{passing, warning, critical}`. */
export function statusOfCounts({ passing = 0, warning = 0, critical = 0 }) {
  if (critical > 0) return 'critical';
  if (warning > 0) return 'warning';
  if (passing > 0) return 'passing';
  return 'empty';
}

/** Counts health checks (objects with a Status) by status. */
export function countChecks(checks = []) {
  const counts = { passing: 0, warning: 0, critical: 0 };
  for (const check of checks) {
    if (check.Status in counts) counts[check.Status] += 1;
  }
  return counts;
}

/** The status of a list of health checks. */
export function statusOfChecks(checks = []) {
  return statusOfCounts(countChecks(checks));
}

/** The check counts of a `/v1/internal/ui/services` entry. */
export function serviceCounts(service) {
  return {
    passing: service.ChecksPassing ?? 0,
    warning: service.ChecksWarning ?? 0,
    critical: service.ChecksCritical ?? 0,
  };
}

/** The status of a `/v1/internal/ui/services` entry. */
export function serviceStatus(service) {
  return statusOfCounts(serviceCounts(service));
}

/** Whether a text search (case-insensitive, by substring) matches a name or one of the tags. */
export function matchesSearch(search, name, tags = []) {
  const needle = (search ?? '').trim().toLowerCase();
  if (needle === '') return true;
  return name.toLowerCase().includes(needle) || tags.some((tag) => tag.toLowerCase().includes(needle));
}

/** Orders by a name, case-insensitively, ties broken by the exact name so the order is stable. */
export function byName(nameOf) {
  return (a, b) => {
    const left = nameOf(a);
    const right = nameOf(b);
    const folded = left.toLowerCase().localeCompare(right.toLowerCase());
    return folded !== 0 ? folded : left < right ? -1 : left > right ? 1 : 0;
  };
}

/**
 * The services to show: those whose name or a tag matches `search` and whose status is `health` ('all' or a status),
 * sorted by name.
 */
export function filterServices(services, { search = '', health = 'all' } = {}) {
  return services
    .filter((service) => matchesSearch(search, service.Name, service.Tags ?? []))
    .filter((service) => health === 'all' || serviceStatus(service) === health)
    .sort(byName((service) => service.Name));
}

/** A node's own status, from its node-level checks (those with no ServiceID), as Consul's UI does. */
export function nodeStatus(node) {
  return statusOfChecks((node.Checks ?? []).filter((check) => !check.ServiceID));
}

/** The nodes to show: those whose name or address matches `search` and whose status is `health`, sorted by name. */
export function filterNodes(nodes, { search = '', health = 'all' } = {}) {
  return nodes
    .filter((node) => matchesSearch(search, node.Node, [node.Address ?? '']))
    .filter((node) => health === 'all' || nodeStatus(node) === health)
    .sort(byName((node) => node.Node));
}

/** Checks in display order: worst first, then by name and ID. */
export function sortChecks(checks = []) {
  const severity = (check) => SEVERITY[check.Status] ?? 3;
  return [...checks].sort(
    (a, b) => severity(a) - severity(b) || byName((check) => `${check.Name ?? ''}\u0000${check.CheckID}`)(a, b),
  );
}

/** The `address:port` of a `/v1/health/service` entry: the service's address, else its node's. */
export function instanceAddress(entry) {
  const address = entry.Service?.Address || entry.Node?.Address || '';
  return entry.Service?.Port ? `${address}:${entry.Service.Port}` : address;
}

/** `/v1/health/service` entries sorted by node, then service ID. */
export function sortInstances(entries = []) {
  return [...entries].sort(byName((entry) => `${entry.Node?.Node ?? ''}\u0000${entry.Service?.ID ?? ''}`));
}
