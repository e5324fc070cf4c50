/**
 * KV paths, folder listings and values. DOM-free.
 *
 * Keys use '/' as the folder separator, as Consul's UI does: a folder is a prefix ending with '/', the root folder
 * is ''. Values travel base64-encoded in the API's JSON and are shown as UTF-8 text.
 */

/** Whether a key names a folder. */
export function isFolder(key) {
  return key === '' || key.endsWith('/');
}

/** The folder holding a key or folder: 'a/b/c' and 'a/b/c/' are in 'a/b/', 'a' in ''. */
export function parentFolder(key) {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? '' : trimmed.slice(0, slash + 1);
}

/** The full key of `name` typed into a form of `folder`. */
export function joinKey(folder, name) {
  return `${folder}${name}`;
}

/** The folders leading to `folder`, root first: 'a/b/' -> [{name:'a', folder:'a/'}, {name:'b', folder:'a/b/'}]. */
export function breadcrumbs(folder) {
  const crumbs = [];
  let path = '';
  for (const part of folder.split('/').slice(0, -1)) {
    path += `${part}/`;
    crumbs.push({ name: part, folder: path });
  }
  return crumbs;
}

/**
 * The rows of a folder from `GET /v1/kv/<folder>?keys&separator=/`: its sub-folders first, then its keys, each
 * sorted, without the folder's own key. Rows are `{key, name, folder}`.
 */
export function folderRows(keys, folder) {
  const rows = (keys ?? [])
    .filter((key) => key !== folder && key.startsWith(folder))
    .map((key) => ({ key, name: key.slice(folder.length), folder: isFolder(key) }));
  return rows.sort((a, b) => (a.folder === b.folder ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.folder ? -1 : 1));
}

/** Decodes a base64 value into UTF-8 text ('' for a null value). */
export function decodeValue(base64) {
  if (!base64) return '';
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Whether a text is valid JSON: `{ok: true}` or `{ok: false, message}` with the parser's complaint. */
export function checkJson(text) {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error.message };
  }
}

/** Whether a text looks like it was meant as JSON (an object or array), to start the editor in JSON mode. */
export function looksLikeJson(text) {
  const trimmed = text.trim();
  return (trimmed.startsWith('{') || trimmed.startsWith('[')) && checkJson(trimmed).ok;
}

/**
 * Why a key typed into the form cannot be saved, or null: it is empty, starts with '/', or has an empty segment.
 * A key ending with '/' is allowed (it creates a folder).
 */
export function keyProblem(key) {
  if (key === '') return 'The key is required.';
  if (key.startsWith('/')) return 'The key must not start with "/".';
  if (key.slice(0, -1).includes('//')) return 'The key must not contain "//".';
  return null;
}

/** Parses the flags field: a non-negative integer up to 2^64-1 as a decimal string, or null when invalid. */
export function parseFlags(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return '0';
  if (!/^[0-9]+$/.test(trimmed)) return null;
  const value = BigInt(trimmed);
  return value <= 18446744073709551615n ? value.toString() : null;
}
