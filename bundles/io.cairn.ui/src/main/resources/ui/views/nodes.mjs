/** The nodes list and the node page (services, checks, meta and the round-trip estimate from this agent). */
import { html, useState } from '../lib/html.mjs';
import { useLive } from '../lib/live.mjs';
import { routePath } from '../logic/routes.mjs';
import { byName, filterNodes, nodeStatus, statusOfChecks } from '../logic/health.mjs';
import { formatRtt, rttMillis } from '../logic/rtt.mjs';
import { Empty, FilterBar, Loaded, MetaTable, PageTitle, StatusBadge, Tags } from './common.mjs';
import { CheckList } from './services.mjs';

/** `/ui/<dc>/nodes`: every node with its address, health and service count. */
export function NodesPage({ dc }) {
  const state = useLive('/v1/internal/ui/nodes', { dc });
  const [search, setSearch] = useState('');
  const [health, setHealth] = useState('all');
  return html`<section>
    <${PageTitle}>Nodes<//>
    <${FilterBar} search=${search} onSearch=${setSearch} health=${health} onHealth=${setHealth}
      placeholder="Name or address" />
    <${Loaded} state=${state}>${(nodes) => {
      const shown = filterNodes(nodes ?? [], { search, health });
      if ((nodes ?? []).length === 0) return html`<${Empty}>No nodes (or none this token may read).<//>`;
      if (shown.length === 0) return html`<${Empty}>No nodes match.<//>`;
      return html`<table class="list">
        <thead><tr>
          <th scope="col">Node</th><th scope="col">Health</th><th scope="col">Address</th>
          <th scope="col" class="num">Services</th>
        </tr></thead>
        <tbody>${shown.map((node) => html`<tr data-testid="node-row" data-node=${node.Node}>
          <th scope="row" data-label="Node"><a href=${routePath({ name: 'node', dc, node: node.Node })}>${node.Node}</a></th>
          <td data-label="Health"><${StatusBadge} status=${nodeStatus(node)} testid="node-health" /></td>
          <td data-label="Address">${node.Address}</td>
          <td class="num" data-label="Services">${(node.Services ?? []).length}</td>
        </tr>`)}</tbody>
      </table>`;
    }}<//>
  </section>`;
}

/** `/ui/<dc>/nodes/<node>`: the node's services, checks, meta and estimated round trip from this agent. */
export function NodePage({ dc, node, agentNode }) {
  const state = useLive(`/v1/internal/ui/node/${encodeURIComponent(node)}`, { dc });
  return html`<section>
    <p class="crumbs"><a href=${routePath({ name: 'nodes', dc })}>Nodes</a></p>
    <${PageTitle} testid="node-name">${node}<//>
    <${Loaded} state=${state}>${(info) => html`
      <dl class="facts">
        <dt>Health</dt><dd><${StatusBadge} status=${nodeStatus(info)} testid="node-health" /></dd>
        <dt>Address</dt><dd>${info.Address}</dd>
        <dt>ID</dt><dd><code>${info.ID}</code></dd>
        <dt>RTT from ${agentNode || 'this agent'}</dt><dd><${Rtt} dc=${dc} from=${agentNode} to=${node} /></dd>
      </dl>
      <h2>Services</h2>
      <${NodeServices} dc=${dc} info=${info} />
      <h2>Checks</h2>
      <${CheckList} checks=${info.Checks} />
      <h2>Meta</h2>
      <${MetaTable} meta=${info.Meta} testid="node-meta" caption="Node meta" />
    `}<//>
  </section>`;
}

function NodeServices({ dc, info }) {
  const services = [...(info.Services ?? [])].sort(byName((service) => service.ID));
  if (services.length === 0) return html`<${Empty}>No services on this node.<//>`;
  return html`<table class="list">
    <thead><tr>
      <th scope="col">Service</th><th scope="col">ID</th><th scope="col">Health</th><th scope="col">Port</th>
      <th scope="col">Tags</th>
    </tr></thead>
    <tbody>${services.map((service) => html`<tr data-testid="node-service-row" data-service=${service.Service}
        data-id=${service.ID}>
      <th scope="row" data-label="Service">
        <a href=${routePath({ name: 'service', dc, service: service.Service })}>${service.Service}</a>
      </th>
      <td data-label="ID">${service.ID}</td>
      <td data-label="Health"><${StatusBadge}
        status=${statusOfChecks((info.Checks ?? []).filter((check) => !check.ServiceID || check.ServiceID === service.ID))} /></td>
      <td data-label="Port">${service.Port || ''}</td>
      <td data-label="Tags"><${Tags} tags=${service.Tags} /></td>
    </tr>`)}</tbody>
  </table>`;
}

/** The estimated round trip between two nodes from live network coordinates, or why there is none. */
function Rtt({ dc, from, to }) {
  const state = useLive(from ? '/v1/coordinate/nodes' : null, { dc });
  if (!from) return html`<span class="muted">unknown (this agent's node name is not readable)</span>`;
  if (state.data === undefined) return html`<span class="muted">${state.error ? state.error.message : '…'}</span>`;
  const millis = rttMillis(state.data, from, to);
  if (millis === null) return html`<span class="muted">no network coordinates yet</span>`;
  return html`<span data-testid="rtt">${formatRtt(millis)}</span>`;
}
