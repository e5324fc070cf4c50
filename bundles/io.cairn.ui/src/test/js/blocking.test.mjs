import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, nextIndex, withQuery } from '../../main/resources/ui/logic/blocking.mjs';
import { formatNanos, shortId } from '../../main/resources/ui/logic/format.mjs';

test('the next index follows X-Consul-Index', () => {
  assert.equal(nextIndex(0, '15'), 15);
  assert.equal(nextIndex(15, '16'), 16);
  assert.equal(nextIndex(15, '15'), 15);
});

test('the index restarts when it goes backwards and never blocks below 1', () => {
  assert.equal(nextIndex(20, '5'), 0);
  assert.equal(nextIndex(0, '0'), 1);
});

test('no index header means no blocking', () => {
  assert.equal(nextIndex(10, null), 0);
  assert.equal(nextIndex(10, undefined), 0);
  assert.equal(nextIndex(10, 'abc'), 0);
});

test('backoff doubles from 1 s up to 30 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 20].map(backoffDelay), [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  assert.equal(backoffDelay(0), 1000);
});

test('query strings', () => {
  assert.equal(withQuery('/v1/kv/a', {}), '/v1/kv/a');
  assert.equal(withQuery('/v1/kv/a', { dc: 'dc1', keys: true, separator: '/', skip: undefined, off: false }),
    '/v1/kv/a?dc=dc1&keys&separator=%2F');
  assert.equal(withQuery('/v1/kv/a?x=1', { cas: 0 }), '/v1/kv/a?x=1&cas=0');
  assert.equal(withQuery('/v1/health/service/web', { index: 12, wait: '30s', dc: null }),
    '/v1/health/service/web?index=12&wait=30s');
});

test('durations are printed as Go does', () => {
  assert.equal(formatNanos(0), '0s');
  assert.equal(formatNanos(15e9), '15s');
  assert.equal(formatNanos(5e8), '500ms');
  assert.equal(formatNanos(90e9), '1m30s');
  assert.equal(formatNanos(7200e9), '2h0m0s');
  assert.equal(shortId('0123456789abcdef'), '01234567');
});
