/** The services list and the service page (instances and their checks). */
import { html, useState } from '../lib/html.mjs';
import { useLive } from '../lib/live.mjs';
import { routePath } from '../logic/routes.mjs';
import {
  filterServices, instanceAddress, serviceCounts, serviceStatus, sortChecks, sortInstances, statusOfChecks,
} from '../logic/health.mjs';
import { Empty, FilterBar, Loaded, MetaTable, PageTitle, StatusBadge, Tags } from './common.mjs';

/** `/ui/<dc>/services`: every service with instance and check counts, searchable and filterable by health. */
export function ServicesPage({ dc }) {
  const state = useLive('/v1/internal/ui/services', { dc });
  const [search, setSearch] = useState('');
  const [health, setHealth] = useState('all');
  return html`<section>
    <${PageTitle}>Services<//>
    <${FilterBar} search=${search} onSearch=${setSearch} health=${health} onHealth=${setHealth}
      placeholder="Name or tag" />
    <${Loaded} state=${state}>${(services) => {
      const shown = filterServices(services ?? [], { search, health });
      if ((services ?? []).length === 0) return html`<${Empty}>No services registered (or none this token may read).<//>`;
      if (shown.length === 0) return html`<${Empty}>No services match.<//>`;
      return html`<table class="list">
        <thead><tr>
          <th scope="col">Service</th><th scope="col">Health</th><th scope="col" class="num">Instances</th>
          <th scope="col" class="num">Passing</th><th scope="col" class="num">Warning</th>
          <th scope="col" class="num">Critical</th><th scope="col">Tags</th>
        </tr></thead>
        <tbody>${shown.map((service) => html`<${ServiceRow} dc=${dc} service=${service} />`)}</tbody>
      </table>`;
    }}<//>
  </section>`;
}

function ServiceRow({ dc, service }) {
  const counts = serviceCounts(service);
  return html`<tr data-testid="service-row" data-service=${service.Name}>
    <th scope="row" data-label="Service">
      <a href=${routePath({ name: 'service', dc, service: service.Name })}>${service.Name}</a>
    </th>
    <td data-label="Health"><${StatusBadge} status=${serviceStatus(service)} /></td>
    <td class="num" data-label="Instances" data-testid="instance-count">${service.InstanceCount ?? 0}</td>
    <td class="num" data-label="Passing" data-testid="passing">${counts.passing}</td>
    <td class="num" data-label="Warning" data-testid="warning">${counts.warning}</td>
    <td class="num" data-label="Critical" data-testid="critical">${counts.critical}</td>
    <td data-label="Tags"><${Tags} tags=${service.Tags} /></td>
  </tr>`;
}

/** `/ui/<dc>/services/<name>`: the service's instances with node, address, tags, meta and every check. */
export function ServicePage({ dc, service }) {
  const state = useLive(`/v1/health/service/${encodeURIComponent(service)}`, { dc });
  return html`<section>
    <p class="crumbs"><a href=${routePath({ name: 'services', dc })}>Services</a></p>
    <${PageTitle} testid="service-name">${service}<//>
    <${Loaded} state=${state}>${(entries) => {
      const instances = sortInstances(entries ?? []);
      if (instances.length === 0) return html`<${Empty}>This service has no instances.<//>`;
      return html`<ul class="cards">${instances.map((entry) => html`<${InstanceCard} dc=${dc} entry=${entry} />`)}</ul>`;
    }}<//>
  </section>`;
}

function InstanceCard({ dc, entry }) {
  const { Node: node, Service: instance, Checks: checks } = entry;
  return html`<li class="card" data-testid="instance-row" data-node=${node.Node} data-id=${instance.ID}>
    <div class="card-head">
      <h2>${instance.ID}</h2>
      <${StatusBadge} status=${statusOfChecks(checks)} />
    </div>
    <dl class="facts">
      <dt>Node</dt><dd><a href=${routePath({ name: 'node', dc, node: node.Node })}>${node.Node}</a></dd>
      <dt>Address</dt><dd data-testid="address">${instanceAddress(entry)}</dd>
      <dt>Tags</dt><dd><${Tags} tags=${instance.Tags} /></dd>
    </dl>
    <h3>Meta</h3>
    <${MetaTable} meta=${instance.Meta} testid="instance-meta" caption="Meta" />
    <h3>Checks</h3>
    <${CheckList} checks=${checks} />
  </li>`;
}

/** Health checks with status, name, kind (node or service) and output; used by the service and node pages. */
export function CheckList({ checks }) {
  const sorted = sortChecks(checks ?? []);
  if (sorted.length === 0) return html`<${Empty}>No checks.<//>`;
  return html`<ul class="checks">
    ${sorted.map((check) => html`<li class="check" data-testid="check-row" data-check=${check.CheckID}
        data-status=${check.Status}>
      <div class="check-head">
        <${StatusBadge} status=${check.Status} />
        <strong>${check.Name || check.CheckID}</strong>
        <span class="muted">${check.ServiceID ? `service check (${check.ServiceID})` : 'node check'}</span>
        ${check.Type ? html`<span class="muted">${check.Type}</span>` : null}
      </div>
      <pre class="output" data-testid="check-output">${check.Output ?? ''}</pre>
    </li>`)}
  </ul>`;
}
