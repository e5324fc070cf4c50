/**
 * Round-trip time estimates from network coordinates (`GET /v1/coordinate/nodes`), with Serf's Vivaldi formula as
 * `consul rtt` uses it. DOM-free. Coordinates are in seconds; estimates are returned in milliseconds.
 */

/**
 * The estimated round trip between two coordinates `{Vec, Height, Adjustment}`, in seconds: the Euclidean distance
 * of the vectors plus both heights, plus both adjustments unless that would make it zero or negative. Null when the
 * coordinates have different dimensions.
 */
export function distanceSeconds(from, to) {
  const a = from.Vec ?? [];
  const b = to.Vec ?? [];
  if (a.length !== b.length) return null;
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) {
    sum += (a[i] - b[i]) ** 2;
  }
  const raw = Math.sqrt(sum) + (from.Height ?? 0) + (to.Height ?? 0);
  const adjusted = raw + (from.Adjustment ?? 0) + (to.Adjustment ?? 0);
  return adjusted > 0 ? adjusted : raw;
}

/**
 * The estimated round trip in milliseconds from node `fromNode` to node `toNode`, from a `/v1/coordinate/nodes`
 * list; null when either node has no coordinate. Nodes in several network segments are compared within a segment
 * they share.
 */
export function rttMillis(coordinates, fromNode, toNode) {
  const from = (coordinates ?? []).filter((entry) => entry.Node === fromNode);
  const to = (coordinates ?? []).filter((entry) => entry.Node === toNode);
  for (const a of from) {
    const b = to.find((entry) => (entry.Segment ?? '') === (a.Segment ?? ''));
    if (b) {
      const seconds = distanceSeconds(a.Coord, b.Coord);
      return seconds === null ? null : seconds * 1000;
    }
  }
  return null;
}

/** An estimate as `consul rtt` prints it: milliseconds with three decimals, e.g. '0.610 ms'. */
export function formatRtt(millis) {
  return `${millis.toFixed(3)} ms`;
}
