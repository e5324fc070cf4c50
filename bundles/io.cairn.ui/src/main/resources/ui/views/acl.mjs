/**
 * The ACL pages, shown when ACLs are enabled: token, policy and role lists, and one form for each that creates,
 * edits and deletes them through /v1/acl/*.
 */
import { html, useEffect, useState } from '../lib/html.mjs';
import { useLive } from '../lib/live.mjs';
import { request } from '../lib/api.mjs';
import { navigate } from '../lib/router.mjs';
import { routePath } from '../logic/routes.mjs';
import { byName } from '../logic/health.mjs';
import { shortId } from '../logic/format.mjs';
import { Empty, ErrorBanner, Loaded, PageTitle } from './common.mjs';

/** What differs between tokens, policies and roles. */
const KINDS = {
  token: { list: 'acl-tokens', item: 'acl-token', title: 'Tokens', one: 'token', api: '/v1/acl/token', idOf: (item) => item.AccessorID },
  policy: { list: 'acl-policies', item: 'acl-policy', title: 'Policies', one: 'policy', api: '/v1/acl/policy', idOf: (item) => item.ID },
  role: { list: 'acl-roles', item: 'acl-role', title: 'Roles', one: 'role', api: '/v1/acl/role', idOf: (item) => item.ID },
};

/** The tabs between the three ACL lists. */
function AclTabs({ dc, current }) {
  return html`<nav class="tabs" aria-label="ACL sections">
    ${Object.values(KINDS).map((kind) => html`<a href=${routePath({ name: kind.list, dc })}
        aria-current=${kind.list === current ? 'page' : undefined}>${kind.title}</a>`)}
  </nav>`;
}

/** Names of linked policies or roles (`[{ID, Name}]`). */
function links(items) {
  return (items ?? []).map((item) => item.Name).join(', ');
}

/** The list page of one kind, with a create link. */
function AclList({ dc, kind, path, columns, row }) {
  const state = useLive(path, { dc });
  return html`<section>
    <${AclTabs} dc=${dc} current=${kind.list} />
    <div class="title-row">
      <${PageTitle}>${kind.title}<//>
      <a class="button" data-testid="acl-create" href=${routePath({ name: kind.item, dc, id: 'create' })}>Create</a>
    </div>
    <${Loaded} state=${state}>${(items) => (items ?? []).length === 0
      ? html`<${Empty}>None.<//>`
      : html`<table class="list">
          <thead><tr>${columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
          <tbody>${items.map(row)}</tbody>
        </table>`}<//>
  </section>`;
}

/** `/ui/<dc>/acls/tokens`. */
export function TokensPage({ dc }) {
  const kind = KINDS.token;
  return html`<${AclList} dc=${dc} kind=${kind} path="/v1/acl/tokens"
    columns=${['Accessor ID', 'Description', 'Policies', 'Roles', 'Scope']}
    row=${(token) => html`<tr data-testid="token-row" data-id=${token.AccessorID}>
      <th scope="row" data-label="Accessor ID">
        <a href=${routePath({ name: kind.item, dc, id: token.AccessorID })}><code>${shortId(token.AccessorID)}</code></a>
      </th>
      <td data-label="Description">${token.Description}</td>
      <td data-label="Policies">${links(token.Policies)}</td>
      <td data-label="Roles">${links(token.Roles)}</td>
      <td data-label="Scope">${token.Local ? 'local' : 'global'}</td>
    </tr>`} />`;
}

/** `/ui/<dc>/acls/policies`. */
export function PoliciesPage({ dc }) {
  const kind = KINDS.policy;
  return html`<${AclList} dc=${dc} kind=${kind} path="/v1/acl/policies"
    columns=${['Name', 'Description', 'Datacenters']}
    row=${(policy) => html`<tr data-testid="policy-row" data-id=${policy.ID} data-name=${policy.Name}>
      <th scope="row" data-label="Name"><a href=${routePath({ name: kind.item, dc, id: policy.ID })}>${policy.Name}</a></th>
      <td data-label="Description">${policy.Description}</td>
      <td data-label="Datacenters">${(policy.Datacenters ?? []).join(', ') || 'all'}</td>
    </tr>`} />`;
}

/** `/ui/<dc>/acls/roles`. */
export function RolesPage({ dc }) {
  const kind = KINDS.role;
  return html`<${AclList} dc=${dc} kind=${kind} path="/v1/acl/roles"
    columns=${['Name', 'Description', 'Policies']}
    row=${(role) => html`<tr data-testid="role-row" data-id=${role.ID} data-name=${role.Name}>
      <th scope="row" data-label="Name"><a href=${routePath({ name: kind.item, dc, id: role.ID })}>${role.Name}</a></th>
      <td data-label="Description">${role.Description}</td>
      <td data-label="Policies">${links(role.Policies)}</td>
    </tr>`} />`;
}

/** Checkboxes choosing policies or roles by ID from `/v1/acl/policies` or `/v1/acl/roles`. */
function LinkPicker({ dc, legend, path, chosen, onChange }) {
  const state = useLive(path, { dc });
  const ids = new Set(chosen.map((item) => item.ID));
  const toggle = (item, on) => onChange(on ? [...chosen, { ID: item.ID, Name: item.Name }] : chosen.filter((c) => c.ID !== item.ID));
  return html`<fieldset class="picker">
    <legend>${legend}</legend>
    <${Loaded} state=${state}>${(items) => [...(items ?? [])].sort(byName((item) => item.Name)).map((item) => html`
      <label class="check-field">
        <input type="checkbox" checked=${ids.has(item.ID)} onChange=${(event) => toggle(item, event.currentTarget.checked)} />
        <span>${item.Name}</span>
      </label>`)}<//>
  </fieldset>`;
}

/** Loads one item for a form ({} when creating); answers `{item, error}`, item undefined while loading. */
function useItem(dc, kind, id) {
  const [state, setState] = useState({ item: undefined, error: null });
  useEffect(() => {
    if (id === 'create') {
      setState({ item: {}, error: null });
      return undefined;
    }
    const controller = new AbortController();
    setState({ item: undefined, error: null });
    request(`${kind.api}/${encodeURIComponent(id)}`, { dc, signal: controller.signal })
      .then(({ data }) => setState({ item: data, error: null }))
      .catch((error) => controller.signal.aborted || setState({ item: undefined, error }));
    return () => controller.abort();
  }, [dc, id]);
  return state;
}

/** The frame of every ACL form: title, load state, save, delete with confirmation. `body(item)` is what to send. */
function AclForm({ dc, kind, id, children, toBody }) {
  const loaded = useItem(dc, kind, id);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const creating = id === 'create';
  const backTo = routePath({ name: kind.list, dc });

  async function send(method, body) {
    setBusy(true);
    setError(null);
    try {
      await request(creating ? kind.api : `${kind.api}/${encodeURIComponent(id)}`, { dc, method, body });
      navigate(backTo);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return html`<section>
    <${AclTabs} dc=${dc} current=${kind.list} />
    <${PageTitle}>${creating ? `New ${kind.one}` : `Edit ${kind.one}`}<//>
    <${ErrorBanner} error=${loaded.error || error} />
    ${loaded.item === undefined
      ? (loaded.error ? null : html`<p class="muted" role="status">Loading…</p>`)
      : html`<${FormFields} key=${id} item=${loaded.item} creating=${creating} dc=${dc} fields=${children}
          busy=${busy} onSave=${(values) => send('PUT', toBody(values, loaded.item))} backTo=${backTo}
          onDelete=${creating ? null : () => setConfirming(true)} />`}
    ${confirming
      ? html`<div class="confirm" role="alertdialog" aria-label="Confirm delete">
          <p>Delete this ${kind.one}? This cannot be undone.</p>
          <button type="button" class="danger" data-testid="acl-confirm-delete" disabled=${busy}
            onClick=${() => send('DELETE')}>Delete</button>
          <button type="button" onClick=${() => setConfirming(false)}>Keep it</button>
        </div>`
      : null}
  </section>`;
}

/** The form element: holds the edited values, starting from the loaded item. */
function FormFields({ item, creating, dc, fields, busy, onSave, onDelete, backTo }) {
  const [values, setValues] = useState(item);
  const set = (name) => (value) => setValues({ ...values, [name]: value });
  return html`<form class="form" onSubmit=${(event) => { event.preventDefault(); onSave(values); }}>
    ${fields({ values, set, creating, dc })}
    <div class="actions">
      <button type="submit" class="primary" data-testid="acl-save" disabled=${busy}>${creating ? 'Create' : 'Save'}</button>
      <a class="button" href=${backTo}>Cancel</a>
      ${onDelete ? html`<button type="button" class="danger" data-testid="acl-delete" disabled=${busy} onClick=${onDelete}>Delete</button>` : null}
    </div>
  </form>`;
}

/** A labelled text input or textarea bound to one value. */
function TextField({ label, value, onInput, testid, multiline = false, readonly = false }) {
  const handler = (event) => onInput(event.currentTarget.value);
  return html`<label class="field">
    <span>${label}</span>
    ${multiline
      ? html`<textarea rows="12" spellcheck="false" data-testid=${testid} value=${value ?? ''} onInput=${handler}></textarea>`
      : html`<input data-testid=${testid} value=${value ?? ''} readonly=${readonly} onInput=${handler} />`}
  </label>`;
}

/** `/ui/<dc>/acls/tokens/<accessor>` and `.../tokens/create`. */
export function TokenPage({ dc, id }) {
  return html`<${AclForm} dc=${dc} kind=${KINDS.token} id=${id}
    toBody=${(values, item) => ({
      AccessorID: item.AccessorID, Description: values.Description ?? '', Local: !!values.Local,
      Policies: (values.Policies ?? []).map(({ ID }) => ({ ID })), Roles: (values.Roles ?? []).map(({ ID }) => ({ ID })),
    })}>${({ values, set, creating }) => html`
      ${creating ? null : html`
        <${TextField} label="Accessor ID" value=${values.AccessorID} readonly testid="acl-accessor" />
        <${TextField} label="Secret ID" value=${values.SecretID} readonly testid="acl-secret" />`}
      <${TextField} label="Description" value=${values.Description} onInput=${set('Description')} testid="acl-description" />
      <label class="check-field">
        <input type="checkbox" checked=${!!values.Local} disabled=${!creating}
          onChange=${(event) => set('Local')(event.currentTarget.checked)} />
        <span>Local to this datacenter</span>
      </label>
      <${LinkPicker} dc=${dc} legend="Policies" path="/v1/acl/policies" chosen=${values.Policies ?? []} onChange=${set('Policies')} />
      <${LinkPicker} dc=${dc} legend="Roles" path="/v1/acl/roles" chosen=${values.Roles ?? []} onChange=${set('Roles')} />
    `}<//>`;
}

/** `/ui/<dc>/acls/policies/<id>` and `.../policies/create`. */
export function PolicyPage({ dc, id }) {
  return html`<${AclForm} dc=${dc} kind=${KINDS.policy} id=${id}
    toBody=${(values, item) => ({
      ID: item.ID, Name: values.Name ?? '', Description: values.Description ?? '', Rules: values.Rules ?? '',
      Datacenters: (values.DatacentersText ?? (item.Datacenters ?? []).join(', ')).split(',').map((dc) => dc.trim()).filter(Boolean),
    })}>${({ values, set }) => html`
      <${TextField} label="Name" value=${values.Name} onInput=${set('Name')} testid="acl-name" />
      <${TextField} label="Description" value=${values.Description} onInput=${set('Description')} testid="acl-description" />
      <${TextField} label="Datacenters (comma-separated, empty for all)"
        value=${values.DatacentersText ?? (values.Datacenters ?? []).join(', ')} onInput=${set('DatacentersText')} testid="acl-datacenters" />
      <${TextField} label="Rules (HCL or JSON)" value=${values.Rules} onInput=${set('Rules')} multiline testid="acl-rules" />
    `}<//>`;
}

/** `/ui/<dc>/acls/roles/<id>` and `.../roles/create`. */
export function RolePage({ dc, id }) {
  return html`<${AclForm} dc=${dc} kind=${KINDS.role} id=${id}
    toBody=${(values, item) => ({
      ID: item.ID, Name: values.Name ?? '', Description: values.Description ?? '',
      Policies: (values.Policies ?? []).map(({ ID }) => ({ ID })),
    })}>${({ values, set }) => html`
      <${TextField} label="Name" value=${values.Name} onInput=${set('Name')} testid="acl-name" />
      <${TextField} label="Description" value=${values.Description} onInput=${set('Description')} testid="acl-description" />
      <${LinkPicker} dc=${dc} legend="Policies" path="/v1/acl/policies" chosen=${values.Policies ?? []} onChange=${set('Policies')} />
    `}<//>`;
}
