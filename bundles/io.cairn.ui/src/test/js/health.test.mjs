import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countChecks, filterNodes, filterServices, instanceAddress, matchesSearch, nodeStatus, serviceStatus, sortChecks,
  sortInstances, statusOfChecks, statusOfCounts,
} from '../../main/resources/ui/logic/health.mjs';

const service = (Name, Tags, ChecksPassing, ChecksWarning, ChecksCritical) =>
  ({ Name, Tags, InstanceCount: 1, ChecksPassing, ChecksWarning, ChecksCritical });

const services = [
  service('web', ['v1', 'public'], 2, 0, 0),
  service('api', ['v2'], 1, 1, 0),
  service('db', ['primary'], 1, 0, 1),
  service('Cache', [], 0, 0, 0),
  service('consul', [], 1, 0, 0),
];

test('status is the worst of the counts', () => {
  assert.equal(statusOfCounts({ passing: 3 }), 'passing');
  assert.equal(statusOfCounts({ passing: 3, warning: 1 }), 'warning');
  assert.equal(statusOfCounts({ passing: 3, warning: 1, critical: 1 }), 'critical');
  assert.equal(statusOfCounts({}), 'empty');
  assert.equal(serviceStatus(services[2]), 'critical');
});

test('checks are counted by status', () => {
  const checks = [{ Status: 'passing' }, { Status: 'critical' }, { Status: 'passing' }, { Status: 'maintenance' }];
  assert.deepEqual(countChecks(checks), { passing: 2, warning: 0, critical: 1 });
  assert.equal(statusOfChecks(checks), 'critical');
  assert.equal(statusOfChecks([]), 'empty');
});

test('services are sorted by name, case-insensitively', () => {
  assert.deepEqual(filterServices(services).map((s) => s.Name), ['api', 'Cache', 'consul', 'db', 'web']);
});

test('search matches names and tags, case-insensitively', () => {
  assert.deepEqual(filterServices(services, { search: 'CA' }).map((s) => s.Name), ['Cache']);
  assert.deepEqual(filterServices(services, { search: 'publ' }).map((s) => s.Name), ['web']);
  assert.deepEqual(filterServices(services, { search: 'v' }).map((s) => s.Name), ['api', 'web']);
  assert.deepEqual(filterServices(services, { search: '  ' }).length, 5);
  assert.equal(matchesSearch('x', 'abc', []), false);
});

test('the health filter keeps services of that status', () => {
  assert.deepEqual(filterServices(services, { health: 'passing' }).map((s) => s.Name), ['consul', 'web']);
  assert.deepEqual(filterServices(services, { health: 'warning' }).map((s) => s.Name), ['api']);
  assert.deepEqual(filterServices(services, { health: 'critical' }).map((s) => s.Name), ['db']);
  assert.deepEqual(filterServices(services, { health: 'all' }).length, 5);
  assert.deepEqual(filterServices(services, { search: 'd', health: 'critical' }).map((s) => s.Name), ['db']);
});

test('filterServices leaves its input unsorted', () => {
  const input = [service('b', [], 1, 0, 0), service('a', [], 1, 0, 0)];
  filterServices(input);
  assert.deepEqual(input.map((s) => s.Name), ['b', 'a']);
});

test('a node status uses node checks only', () => {
  const node = {
    Node: 'n1', Address: '10.0.0.1',
    Checks: [{ CheckID: 'serfHealth', Status: 'passing', ServiceID: '' }, { CheckID: 'svc', Status: 'critical', ServiceID: 'web' }],
  };
  assert.equal(nodeStatus(node), 'passing');
  const down = { Node: 'n2', Address: '10.0.0.2', Checks: [{ CheckID: 'serfHealth', Status: 'critical' }] };
  assert.equal(nodeStatus(down), 'critical');
  assert.deepEqual(filterNodes([down, node], {}).map((n) => n.Node), ['n1', 'n2']);
  assert.deepEqual(filterNodes([down, node], { health: 'critical' }).map((n) => n.Node), ['n2']);
  assert.deepEqual(filterNodes([down, node], { search: '10.0.0.1' }).map((n) => n.Node), ['n1']);
});

test('checks sort worst first, then by name', () => {
  const checks = [
    { CheckID: 'a', Name: 'b', Status: 'passing' },
    { CheckID: 'b', Name: 'a', Status: 'passing' },
    { CheckID: 'c', Name: 'z', Status: 'critical' },
    { CheckID: 'd', Name: 'y', Status: 'warning' },
  ];
  assert.deepEqual(sortChecks(checks).map((c) => c.CheckID), ['c', 'd', 'b', 'a']);
});

test('instance address prefers the service address', () => {
  assert.equal(instanceAddress({ Node: { Address: '10.0.0.1' }, Service: { Address: '', Port: 8080 } }), '10.0.0.1:8080');
  assert.equal(instanceAddress({ Node: { Address: '10.0.0.1' }, Service: { Address: '192.168.1.5', Port: 80 } }), '192.168.1.5:80');
  assert.equal(instanceAddress({ Node: { Address: '10.0.0.1' }, Service: { Port: 0 } }), '10.0.0.1');
});

test('instances sort by node, then ID', () => {
  const entries = [
    { Node: { Node: 'b' }, Service: { ID: 'web-1' } },
    { Node: { Node: 'a' }, Service: { ID: 'web-2' } },
    { Node: { Node: 'a' }, Service: { ID: 'web-1' } },
  ];
  assert.deepEqual(sortInstances(entries).map((e) => `${e.Node.Node}/${e.Service.ID}`), ['a/web-1', 'a/web-2', 'b/web-1']);
});
