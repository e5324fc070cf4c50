/**
 * Cairn's web UI: finds the datacenter, whether ACLs are on and this agent's node, then renders the header, the
 * side navigation and the page of the current route.
 */
import { html, render, useEffect, useRef, useState } from './lib/html.mjs';
import { aclState, getJson, storeToken, storedToken } from './lib/api.mjs';
import { navigate, onLocationChange, startRouter } from './lib/router.mjs';
import { parseRoute, routePath, sectionOf, sectionPath } from './logic/routes.mjs';
import { ServicePage, ServicesPage } from './views/services.mjs';
import { NodePage, NodesPage } from './views/nodes.mjs';
import { KvCreatePage, KvEditPage, KvFolderPage } from './views/kv.mjs';
import { EventsPage, QueriesPage, SessionsPage } from './views/lists.mjs';
import { PoliciesPage, PolicyPage, RolePage, RolesPage, TokenPage, TokensPage } from './views/acl.mjs';
import { LoginPage } from './views/login.mjs';

/** The side navigation: [section, label, data-testid]. */
const NAV = [
  ['services', 'Services'],
  ['nodes', 'Nodes'],
  ['kv', 'Key / Value'],
  ['sessions', 'Sessions'],
  ['events', 'Events'],
  ['queries', 'Prepared queries'],
  ['acls', 'Access controls'],
];

/** What the app learns once at start (and again after logging in or out). */
async function discover() {
  const [self, datacenters, acl] = await Promise.all([
    getJson('/v1/agent/self').catch(() => null),
    getJson('/v1/catalog/datacenters').catch(() => []),
    aclState(),
  ]);
  const dcs = datacenters ?? [];
  return {
    dcs,
    defaultDc: self?.Config?.Datacenter ?? dcs[0] ?? 'dc1',
    agentNode: self?.Config?.NodeName ?? self?.Member?.Name ?? '',
    acl,
  };
}

function Header({ route, env, token, onLogout }) {
  const dc = route.dc ?? env.defaultDc;
  const dcs = env.dcs.includes(dc) ? env.dcs : [dc, ...env.dcs];
  return html`<header class="top">
    <a class="brand" href=${routePath({ name: 'services', dc })}>Cairn</a>
    <label class="dc-picker">
      <span>Datacenter</span>
      <select data-testid="dc-picker" value=${dc} onChange=${(event) => navigate(sectionPath(route, event.currentTarget.value))}>
        ${dcs.map((name) => html`<option value=${name}>${name}</option>`)}
      </select>
    </label>
    ${env.acl === 'enabled'
      ? html`<div class="account">
          ${token
            ? html`<button type="button" data-testid="logout" onClick=${onLogout}>Log out</button>`
            : html`<a class="button" data-testid="login-link" href=${routePath({ name: 'login', dc })}>Log in</a>`}
        </div>`
      : null}
  </header>`;
}

function SideNav({ route, env }) {
  const dc = route.dc ?? env.defaultDc;
  const current = sectionOf(route);
  return html`<nav class="side" aria-label="Sections">
    <ul>
      ${NAV.filter(([section]) => section !== 'acls' || env.acl === 'enabled').map(([section, label]) => html`<li>
        <a href=${sectionPath({ name: section }, dc)} data-testid=${`nav-${section}`}
          aria-current=${section === current ? 'page' : undefined}>${label}</a>
      </li>`)}
    </ul>
  </nav>`;
}

/** The page component of a route. */
function Page({ route, env, onLogin }) {
  const { dc } = route;
  switch (route.name) {
    case 'services': return html`<${ServicesPage} dc=${dc} />`;
    case 'service': return html`<${ServicePage} dc=${dc} service=${route.service} />`;
    case 'nodes': return html`<${NodesPage} dc=${dc} />`;
    case 'node': return html`<${NodePage} dc=${dc} node=${route.node} agentNode=${env.agentNode} />`;
    case 'kv-folder': return html`<${KvFolderPage} dc=${dc} folder=${route.folder} />`;
    case 'kv-edit': return html`<${KvEditPage} dc=${dc} keyName=${route.key} />`;
    case 'kv-create': return html`<${KvCreatePage} dc=${dc} folder=${route.folder} />`;
    case 'sessions': return html`<${SessionsPage} dc=${dc} />`;
    case 'events': return html`<${EventsPage} dc=${dc} />`;
    case 'queries': return html`<${QueriesPage} dc=${dc} />`;
    case 'acl-tokens': return html`<${TokensPage} dc=${dc} />`;
    case 'acl-policies': return html`<${PoliciesPage} dc=${dc} />`;
    case 'acl-roles': return html`<${RolesPage} dc=${dc} />`;
    case 'acl-token': return html`<${TokenPage} dc=${dc} id=${route.id} />`;
    case 'acl-policy': return html`<${PolicyPage} dc=${dc} id=${route.id} />`;
    case 'acl-role': return html`<${RolePage} dc=${dc} id=${route.id} />`;
    case 'login': return html`<${LoginPage} onLogin=${onLogin} />`;
    default: return html`<section><h1 tabindex="-1" class="page-title">Page not found</h1>
      <p>There is no page at <code>${route.path}</code>.</p></section>`;
  }
}

function App() {
  const [path, setPath] = useState(location.pathname);
  const [env, setEnv] = useState(null);
  const [token, setToken] = useState(storedToken());
  const main = useRef(null);
  const firstRender = useRef(true);
  const route = parseRoute(path);

  useEffect(() => onLocationChange(setPath), []);
  useEffect(() => {
    let current = true;
    discover().then((found) => current && setEnv(found));
    return () => { current = false; };
  }, [token]);
  useEffect(() => {
    if (env && (route.name === 'root' || (route.dc !== undefined && route.name === 'services' && path !== routePath(route)))) {
      navigate(routePath({ name: 'services', dc: route.dc ?? env.defaultDc }), { replace: true });
    }
  }, [env, path]);
  useEffect(() => {
    const section = NAV.find(([name]) => name === sectionOf(route));
    document.title = `${section ? section[1] : 'Cairn'} - Cairn`;
    if (firstRender.current) {
      firstRender.current = false;
    } else {
      main.current?.querySelector('h1')?.focus();
    }
  }, [path]);

  function login(newToken) {
    storeToken(newToken);
    setToken(newToken);
    navigate(routePath({ name: 'services', dc: route.dc ?? env.defaultDc }));
  }

  function logout() {
    storeToken('');
    setToken('');
    navigate(routePath({ name: 'login', dc: route.dc ?? env.defaultDc }));
  }

  if (!env) {
    return html`<p class="muted boot" role="status">Loading Cairn…</p>`;
  }
  return html`<a class="skip" href="#main">Skip to content</a>
    <${Header} route=${route} env=${env} token=${token} onLogout=${logout} />
    <div class="layout">
      <${SideNav} route=${route} env=${env} />
      <main id="main" tabindex="-1" ref=${main}>
        ${route.name === 'root' ? null : html`<${Page} key=${`${token}\u0000${path}`} route=${route} env=${env} onLogin=${login} />`}
      </main>
    </div>`;
}

startRouter();
render(html`<${App} />`, document.getElementById('app'));
