import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceSeconds, formatRtt, rttMillis } from '../../main/resources/ui/logic/rtt.mjs';

const coord = (Vec, Height = 0, Adjustment = 0) => ({ Vec, Height, Adjustment, Error: 1.5 });

test('distance is the vector distance plus both heights', () => {
  const seconds = distanceSeconds(coord([0.003, 0.004], 0.0001), coord([0, 0], 0.0002));
  assert.ok(Math.abs(seconds - 0.0053) < 1e-12);
});

test('adjustments are added when the result stays positive', () => {
  const seconds = distanceSeconds(coord([0.001], 0, 0.0005), coord([0], 0, -0.0002));
  assert.ok(Math.abs(seconds - 0.0013) < 1e-12);
  const raw = distanceSeconds(coord([0.001], 0, -0.002), coord([0], 0, 0));
  assert.ok(Math.abs(raw - 0.001) < 1e-12);
});

test('distance is symmetric and zero to itself without height', () => {
  const a = coord([0.1, -0.2, 0.3], 0.01, 0.001);
  const b = coord([-0.1, 0.2, 0.05], 0.02, -0.0005);
  assert.equal(distanceSeconds(a, b), distanceSeconds(b, a));
  assert.equal(distanceSeconds(coord([0.1, 0.2]), coord([0.1, 0.2])), 0);
});

test('different dimensions give no distance', () => {
  assert.equal(distanceSeconds(coord([0, 0]), coord([0, 0, 0])), null);
});

test('rtt between nodes of a coordinate list, in milliseconds', () => {
  const list = [
    { Node: 'a', Segment: '', Coord: coord([0.001, 0], 0.00001) },
    { Node: 'b', Segment: '', Coord: coord([0, 0], 0.00001) },
  ];
  assert.ok(Math.abs(rttMillis(list, 'a', 'b') - 1.02) < 1e-9);
  assert.equal(rttMillis(list, 'a', 'missing'), null);
  assert.equal(rttMillis([], 'a', 'b'), null);
});

test('nodes are compared within a shared segment', () => {
  const list = [
    { Node: 'a', Segment: 'alpha', Coord: coord([0.005]) },
    { Node: 'a', Segment: '', Coord: coord([0.002]) },
    { Node: 'b', Segment: '', Coord: coord([0]) },
  ];
  assert.ok(Math.abs(rttMillis(list, 'a', 'b') - 2) < 1e-9);
});

test('formatted like consul rtt', () => {
  assert.equal(formatRtt(0.61), '0.610 ms');
  assert.equal(formatRtt(12.3456), '12.346 ms');
});
