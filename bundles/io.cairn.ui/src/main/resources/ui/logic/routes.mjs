/**
 * The app's routes: turns a location path under /ui/ into a route object and back. DOM-free.
 *
 * A route is `{name, dc, ...params}`; names and their paths:
 *   root              /ui/
 *   services          /ui/<dc>/services           service {service}   /ui/<dc>/services/<name>
 *   nodes             /ui/<dc>/nodes              node {node}         /ui/<dc>/nodes/<node>
 *   kv-folder {folder} /ui/<dc>/kv/ and /ui/<dc>/kv/<folder>/  (folder '' or ending with '/')
 *   kv-edit {key}     /ui/<dc>/kv/<key>/edit      kv-create {folder}  /ui/<dc>/kv/[<folder>/]create
 *   sessions, events, queries                     /ui/<dc>/<name>
 *   acl-tokens, acl-policies, acl-roles           /ui/<dc>/acls/<tokens|policies|roles>
 *   acl-token, acl-policy, acl-role {id}          /ui/<dc>/acls/<kind>/<id>   (id 'create' for a new one)
 *   login             /ui/<dc>/login
 *   not-found {path}  anything else
 */

export const BASE = '/ui/';

const SIMPLE_PAGES = ['services', 'nodes', 'sessions', 'events', 'queries', 'login'];
const ACL_KINDS = { tokens: 'token', policies: 'policy', roles: 'role' };

/** Percent-decodes one path segment, keeping it as is when it is not valid encoding. */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Encodes a KV key or folder for a path: each '/'-separated segment encoded, the slashes kept. */
export function encodePath(key) {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** Parses the KV part of a path (what follows /ui/<dc>/kv/, still encoded). */
function parseKv(dc, rest) {
  const decoded = rest.split('/').map(decodeSegment).join('/');
  if (rest === '' || rest.endsWith('/')) {
    return { name: 'kv-folder', dc, folder: decoded };
  }
  if (rest === 'create' || rest.endsWith('/create')) {
    return { name: 'kv-create', dc, folder: decoded.slice(0, -'create'.length) };
  }
  if (rest.endsWith('/edit')) {
    return { name: 'kv-edit', dc, key: decoded.slice(0, -'/edit'.length) };
  }
  return { name: 'kv-edit', dc, key: decoded };
}

/** The route for a location path such as `/ui/dc1/services/web` (query and hash already removed). */
export function parseRoute(pathname) {
  if (!pathname.startsWith(BASE)) {
    return pathname === '/ui' ? { name: 'root' } : { name: 'not-found', path: pathname };
  }
  const rest = pathname.slice(BASE.length);
  if (rest === '') {
    return { name: 'root' };
  }
  const slash = rest.indexOf('/');
  const dc = decodeSegment(slash < 0 ? rest : rest.slice(0, slash));
  const tail = slash < 0 ? '' : rest.slice(slash + 1);
  if (tail === '') {
    return { name: 'services', dc };
  }
  if (tail === 'kv') {
    return { name: 'kv-folder', dc, folder: '' };
  }
  if (tail.startsWith('kv/')) {
    return parseKv(dc, tail.slice('kv/'.length));
  }
  const parts = tail.split('/').filter((part) => part !== '').map(decodeSegment);
  const [section, item, extra] = parts;
  if (extra === undefined && SIMPLE_PAGES.includes(section)) {
    if (item === undefined) {
      return { name: section, dc };
    }
    if (section === 'services') {
      return { name: 'service', dc, service: item };
    }
    if (section === 'nodes') {
      return { name: 'node', dc, node: item };
    }
  }
  if (section === 'acls' && extra === undefined) {
    if (item === undefined) {
      return { name: 'acl-tokens', dc };
    }
    if (ACL_KINDS[item]) {
      return { name: `acl-${item}`, dc };
    }
  }
  if (section === 'acls' && ACL_KINDS[item] && extra !== undefined && parts.length === 3) {
    return { name: `acl-${ACL_KINDS[item]}`, dc, id: extra };
  }
  return { name: 'not-found', path: pathname };
}

/** The location path of a route; the inverse of {@link parseRoute}. */
export function routePath(route) {
  const dc = route.dc === undefined ? '' : `${encodeURIComponent(route.dc)}/`;
  switch (route.name) {
    case 'root':
      return BASE;
    case 'service':
      return `${BASE}${dc}services/${encodeURIComponent(route.service)}`;
    case 'node':
      return `${BASE}${dc}nodes/${encodeURIComponent(route.node)}`;
    case 'kv-folder':
      return `${BASE}${dc}kv/${encodePath(route.folder ?? '')}`;
    case 'kv-edit':
      return `${BASE}${dc}kv/${encodePath(route.key)}/edit`;
    case 'kv-create':
      return `${BASE}${dc}kv/${encodePath(route.folder ?? '')}create`;
    case 'acl-tokens':
      return `${BASE}${dc}acls/tokens`;
    case 'acl-policies':
      return `${BASE}${dc}acls/policies`;
    case 'acl-roles':
      return `${BASE}${dc}acls/roles`;
    case 'acl-token':
      return `${BASE}${dc}acls/tokens/${encodeURIComponent(route.id)}`;
    case 'acl-policy':
      return `${BASE}${dc}acls/policies/${encodeURIComponent(route.id)}`;
    case 'acl-role':
      return `${BASE}${dc}acls/roles/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return route.path;
    default:
      return `${BASE}${dc}${route.name}`;
  }
}

/** The navigation section a route belongs to, for highlighting the side nav ('acls' for all ACL pages). */
export function sectionOf(route) {
  const name = route.name;
  if (name === 'service') return 'services';
  if (name === 'node') return 'nodes';
  if (name.startsWith('kv-')) return 'kv';
  if (name.startsWith('acl-')) return 'acls';
  return name;
}

/** Where the datacenter picker goes: the same section's top page in the other datacenter. */
export function sectionPath(route, dc) {
  const section = sectionOf(route);
  if (section === 'kv') return routePath({ name: 'kv-folder', dc, folder: '' });
  if (section === 'acls') return routePath({ name: 'acl-tokens', dc });
  if (['nodes', 'sessions', 'events', 'queries', 'login'].includes(section)) return routePath({ name: section, dc });
  return routePath({ name: 'services', dc });
}
