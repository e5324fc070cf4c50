import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, routePath, sectionOf, sectionPath } from '../../main/resources/ui/logic/routes.mjs';

test('root paths', () => {
  assert.deepEqual(parseRoute('/ui/'), { name: 'root' });
  assert.deepEqual(parseRoute('/ui'), { name: 'root' });
  assert.deepEqual(parseRoute('/ui/dc1'), { name: 'services', dc: 'dc1' });
  assert.deepEqual(parseRoute('/ui/dc1/'), { name: 'services', dc: 'dc1' });
});

test('services, nodes and simple pages', () => {
  assert.deepEqual(parseRoute('/ui/dc1/services'), { name: 'services', dc: 'dc1' });
  assert.deepEqual(parseRoute('/ui/dc1/services/web'), { name: 'service', dc: 'dc1', service: 'web' });
  assert.deepEqual(parseRoute('/ui/dc1/services/my%20svc'), { name: 'service', dc: 'dc1', service: 'my svc' });
  assert.deepEqual(parseRoute('/ui/dc1/nodes'), { name: 'nodes', dc: 'dc1' });
  assert.deepEqual(parseRoute('/ui/dc1/nodes/node-1'), { name: 'node', dc: 'dc1', node: 'node-1' });
  for (const page of ['sessions', 'events', 'queries', 'login']) {
    assert.deepEqual(parseRoute(`/ui/dc2/${page}`), { name: page, dc: 'dc2' });
  }
});

test('kv folders, keys and create', () => {
  assert.deepEqual(parseRoute('/ui/dc1/kv'), { name: 'kv-folder', dc: 'dc1', folder: '' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/'), { name: 'kv-folder', dc: 'dc1', folder: '' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/app/config/'), { name: 'kv-folder', dc: 'dc1', folder: 'app/config/' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/app/config/db/edit'), { name: 'kv-edit', dc: 'dc1', key: 'app/config/db' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/a%20b/edit'), { name: 'kv-edit', dc: 'dc1', key: 'a b' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/create'), { name: 'kv-create', dc: 'dc1', folder: '' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/app/create'), { name: 'kv-create', dc: 'dc1', folder: 'app/' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/create/edit'), { name: 'kv-edit', dc: 'dc1', key: 'create' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/edit/edit'), { name: 'kv-edit', dc: 'dc1', key: 'edit' });
  assert.deepEqual(parseRoute('/ui/dc1/kv/plain'), { name: 'kv-edit', dc: 'dc1', key: 'plain' });
});

test('acl pages', () => {
  assert.deepEqual(parseRoute('/ui/dc1/acls'), { name: 'acl-tokens', dc: 'dc1' });
  assert.deepEqual(parseRoute('/ui/dc1/acls/tokens'), { name: 'acl-tokens', dc: 'dc1' });
  assert.deepEqual(parseRoute('/ui/dc1/acls/policies'), { name: 'acl-policies', dc: 'dc1' });
  assert.deepEqual(parseRoute('/ui/dc1/acls/roles'), { name: 'acl-roles', dc: 'dc1' });
  assert.deepEqual(parseRoute('/ui/dc1/acls/tokens/abc'), { name: 'acl-token', dc: 'dc1', id: 'abc' });
  assert.deepEqual(parseRoute('/ui/dc1/acls/policies/create'), { name: 'acl-policy', dc: 'dc1', id: 'create' });
  assert.deepEqual(parseRoute('/ui/dc1/acls/roles/r1'), { name: 'acl-role', dc: 'dc1', id: 'r1' });
});

test('unknown paths are not found', () => {
  assert.equal(parseRoute('/v1/kv').name, 'not-found');
  assert.equal(parseRoute('/ui/dc1/bogus').name, 'not-found');
  assert.equal(parseRoute('/ui/dc1/services/a/b').name, 'not-found');
  assert.equal(parseRoute('/ui/dc1/acls/things').name, 'not-found');
  assert.equal(parseRoute('/ui/dc1/acls/tokens/a/b').name, 'not-found');
});

test('routePath is the inverse of parseRoute', () => {
  const routes = [
    { name: 'services', dc: 'dc1' },
    { name: 'service', dc: 'dc1', service: 'my svc/x' },
    { name: 'nodes', dc: 'dc1' },
    { name: 'node', dc: 'dc1', node: 'n1' },
    { name: 'kv-folder', dc: 'dc1', folder: '' },
    { name: 'kv-folder', dc: 'dc1', folder: 'a b/c/' },
    { name: 'kv-edit', dc: 'dc1', key: 'a/b?c' },
    { name: 'kv-edit', dc: 'dc1', key: 'x/create' },
    { name: 'kv-create', dc: 'dc1', folder: '' },
    { name: 'kv-create', dc: 'dc1', folder: 'a/' },
    { name: 'sessions', dc: 'dc1' },
    { name: 'events', dc: 'dc1' },
    { name: 'queries', dc: 'dc1' },
    { name: 'login', dc: 'dc1' },
    { name: 'acl-tokens', dc: 'dc1' },
    { name: 'acl-policies', dc: 'dc1' },
    { name: 'acl-roles', dc: 'dc1' },
    { name: 'acl-token', dc: 'dc1', id: 'create' },
    { name: 'acl-policy', dc: 'dc1', id: 'p-1' },
    { name: 'acl-role', dc: 'dc1', id: 'r-1' },
  ];
  for (const route of routes) {
    assert.deepEqual(parseRoute(routePath(route)), route, routePath(route));
  }
  assert.equal(routePath({ name: 'kv-edit', dc: 'dc1', key: 'a b/c' }), '/ui/dc1/kv/a%20b/c/edit');
  assert.equal(routePath({ name: 'root' }), '/ui/');
});

test('sections and the datacenter picker target', () => {
  assert.equal(sectionOf({ name: 'service' }), 'services');
  assert.equal(sectionOf({ name: 'kv-edit' }), 'kv');
  assert.equal(sectionOf({ name: 'acl-role' }), 'acls');
  assert.equal(sectionPath({ name: 'service', dc: 'dc1', service: 'web' }, 'dc2'), '/ui/dc2/services');
  assert.equal(sectionPath({ name: 'kv-edit', dc: 'dc1', key: 'a' }, 'dc2'), '/ui/dc2/kv/');
  assert.equal(sectionPath({ name: 'node', dc: 'dc1', node: 'n' }, 'dc2'), '/ui/dc2/nodes');
  assert.equal(sectionPath({ name: 'acl-policy', dc: 'dc1', id: 'x' }, 'dc2'), '/ui/dc2/acls/tokens');
  assert.equal(sectionPath({ name: 'not-found', path: '/x' }, 'dc2'), '/ui/dc2/services');
});
