/** The read-only lists: sessions, user events and prepared queries. */
import { html } from '../lib/html.mjs';
import { useLive } from '../lib/live.mjs';
import { routePath } from '../logic/routes.mjs';
import { decodeValue } from '../logic/kv.mjs';
import { formatNanos } from '../logic/format.mjs';
import { Empty, Loaded, PageTitle } from './common.mjs';

/** A table with a header row, or a note when there are no rows. */
function ListTable({ columns, rows, empty }) {
  if (rows.length === 0) return html`<${Empty}>${empty}<//>`;
  return html`<table class="list">
    <thead><tr>${columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}

/** `/ui/<dc>/sessions`: every session with its node, behavior, TTL, lock delay and checks. */
export function SessionsPage({ dc }) {
  const state = useLive('/v1/session/list', { dc });
  return html`<section>
    <${PageTitle}>Sessions<//>
    <${Loaded} state=${state}>${(sessions) => html`<${ListTable} empty="No sessions."
      columns=${['ID', 'Name', 'Node', 'Behavior', 'TTL', 'Lock delay', 'Checks']}
      rows=${(sessions ?? []).map((session) => html`<tr data-testid="session-row" data-id=${session.ID}>
        <th scope="row" data-label="ID"><code>${session.ID}</code></th>
        <td data-label="Name">${session.Name}</td>
        <td data-label="Node"><a href=${routePath({ name: 'node', dc, node: session.Node })}>${session.Node}</a></td>
        <td data-label="Behavior">${session.Behavior}</td>
        <td data-label="TTL">${session.TTL || '–'}</td>
        <td data-label="Lock delay">${formatNanos(session.LockDelay)}</td>
        <td data-label="Checks">${[...(session.NodeChecks ?? session.Checks ?? []), ...(session.ServiceChecks ?? []).map((check) => check.ID)].join(', ')}</td>
      </tr>`)} />`}<//>
  </section>`;
}

/** `/ui/<dc>/events`: the user events this agent has seen, newest first. */
export function EventsPage({ dc }) {
  const state = useLive('/v1/event/list', { dc });
  return html`<section>
    <${PageTitle}>Events<//>
    <${Loaded} state=${state}>${(events) => html`<${ListTable} empty="No events."
      columns=${['Name', 'ID', 'Payload', 'Filters', 'Lamport time']}
      rows=${[...(events ?? [])].reverse().map((event) => html`<tr data-testid="event-row" data-id=${event.ID} data-name=${event.Name}>
        <th scope="row" data-label="Name">${event.Name}</th>
        <td data-label="ID"><code>${event.ID}</code></td>
        <td data-label="Payload"><code>${decodeValue(event.Payload)}</code></td>
        <td data-label="Filters">${[event.NodeFilter && `node ${event.NodeFilter}`, event.ServiceFilter && `service ${event.ServiceFilter}`,
          event.TagFilter && `tag ${event.TagFilter}`].filter(Boolean).join(', ') || '–'}</td>
        <td data-label="Lamport time">${event.LTime}</td>
      </tr>`)} />`}<//>
  </section>`;
}

/** `/ui/<dc>/queries`: the prepared queries this token can read. */
export function QueriesPage({ dc }) {
  const state = useLive('/v1/query', { dc });
  return html`<section>
    <${PageTitle}>Prepared queries<//>
    <${Loaded} state=${state}>${(queries) => html`<${ListTable} empty="No prepared queries."
      columns=${['Name', 'ID', 'Service', 'Only passing', 'Tags', 'Failover']}
      rows=${(queries ?? []).map((query) => html`<tr data-testid="query-row" data-id=${query.ID} data-name=${query.Name}>
        <th scope="row" data-label="Name">${query.Name || html`<span class="muted">(unnamed)</span>`}</th>
        <td data-label="ID"><code>${query.ID}</code></td>
        <td data-label="Service">${query.Service?.Service}</td>
        <td data-label="Only passing">${query.Service?.OnlyPassing ? 'yes' : 'no'}</td>
        <td data-label="Tags">${(query.Service?.Tags ?? []).join(', ')}</td>
        <td data-label="Failover">${query.Service?.Failover?.NearestN ? `nearest ${query.Service.Failover.NearestN}` : ''}
          ${(query.Service?.Failover?.Datacenters ?? []).join(', ')}</td>
      </tr>`)} />`}<//>
  </section>`;
}
