import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  breadcrumbs, checkJson, decodeValue, folderRows, isFolder, joinKey, keyProblem, looksLikeJson, parentFolder,
  parseFlags,
} from '../../main/resources/ui/logic/kv.mjs';
import { encodePath } from '../../main/resources/ui/logic/routes.mjs';

test('folders and parents', () => {
  assert.equal(isFolder(''), true);
  assert.equal(isFolder('a/'), true);
  assert.equal(isFolder('a'), false);
  assert.equal(parentFolder('a/b/c'), 'a/b/');
  assert.equal(parentFolder('a/b/c/'), 'a/b/');
  assert.equal(parentFolder('a'), '');
  assert.equal(parentFolder('a/'), '');
  assert.equal(joinKey('a/', 'b'), 'a/b');
  assert.equal(joinKey('', 'b/'), 'b/');
});

test('breadcrumbs lead to the folder', () => {
  assert.deepEqual(breadcrumbs(''), []);
  assert.deepEqual(breadcrumbs('a/b/'), [{ name: 'a', folder: 'a/' }, { name: 'b', folder: 'a/b/' }]);
});

test('folder rows list sub-folders first, without the folder itself', () => {
  const keys = ['app/', 'app/z', 'app/config/', 'app/a', 'app/b/'];
  assert.deepEqual(folderRows(keys, 'app/'), [
    { key: 'app/b/', name: 'b/', folder: true },
    { key: 'app/config/', name: 'config/', folder: true },
    { key: 'app/a', name: 'a', folder: false },
    { key: 'app/z', name: 'z', folder: false },
  ]);
  assert.deepEqual(folderRows(null, ''), []);
  assert.deepEqual(folderRows(['x', 'a/'], '').map((row) => row.key), ['a/', 'x']);
});

test('values decode from base64 as UTF-8', () => {
  assert.equal(decodeValue(Buffer.from('héllo ✓').toString('base64')), 'héllo ✓');
  assert.equal(decodeValue(null), '');
  assert.equal(decodeValue(''), '');
});

test('JSON syntax check', () => {
  assert.deepEqual(checkJson('{"a": [1, 2]}'), { ok: true });
  const bad = checkJson('{"a": }');
  assert.equal(bad.ok, false);
  assert.match(bad.message, /JSON|token|Unexpected/i);
  assert.equal(looksLikeJson(' {"a":1} '), true);
  assert.equal(looksLikeJson('42'), false);
  assert.equal(looksLikeJson('{oops'), false);
});

test('key problems', () => {
  assert.equal(keyProblem('a/b'), null);
  assert.equal(keyProblem('folder/'), null);
  assert.notEqual(keyProblem(''), null);
  assert.notEqual(keyProblem('/a'), null);
  assert.notEqual(keyProblem('a//b'), null);
});

test('flags are unsigned 64-bit integers', () => {
  assert.equal(parseFlags(''), '0');
  assert.equal(parseFlags(' 42 '), '42');
  assert.equal(parseFlags('18446744073709551615'), '18446744073709551615');
  assert.equal(parseFlags('18446744073709551616'), null);
  assert.equal(parseFlags('-1'), null);
  assert.equal(parseFlags('1.5'), null);
});

test('key paths keep slashes and encode the rest', () => {
  assert.equal(encodePath('a b/c?d#e/'), 'a%20b/c%3Fd%23e/');
});
