/** The KV pages: a folder's listing, and the form that creates, edits and deletes a key with check-and-set. */
import { html, useEffect, useState } from '../lib/html.mjs';
import { useLive } from '../lib/live.mjs';
import { request } from '../lib/api.mjs';
import { navigate } from '../lib/router.mjs';
import { encodePath, routePath } from '../logic/routes.mjs';
import {
  breadcrumbs, checkJson, decodeValue, folderRows, isFolder, joinKey, keyProblem, looksLikeJson, parentFolder, parseFlags,
} from '../logic/kv.mjs';
import { ErrorBanner, Empty, FilterBar, Loaded, PageTitle } from './common.mjs';

function kvPath(key) {
  return `/v1/kv/${encodePath(key)}`;
}

/** Links to the root and each folder leading to `folder`. */
function KvCrumbs({ dc, folder }) {
  return html`<nav class="crumbs" aria-label="Folders">
    <a href=${routePath({ name: 'kv-folder', dc, folder: '' })}>Key / Value</a>
    ${breadcrumbs(folder).map((crumb) => html` / <a href=${routePath({ name: 'kv-folder', dc, folder: crumb.folder })}>${crumb.name}</a>`)}
  </nav>`;
}

/** `/ui/<dc>/kv/[<folder>/]`: the folder's sub-folders and keys. */
export function KvFolderPage({ dc, folder }) {
  const state = useLive(kvPath(folder), { dc, query: { keys: true, separator: '/' }, allow404: true });
  const [search, setSearch] = useState('');
  return html`<section>
    <${KvCrumbs} dc=${dc} folder=${folder} />
    <div class="title-row">
      <${PageTitle}>${folder === '' ? 'Key / Value' : folder}<//>
      <a class="button" data-testid="kv-create" href=${routePath({ name: 'kv-create', dc, folder })}>Create</a>
    </div>
    <${FilterBar} search=${search} onSearch=${setSearch} placeholder="Key name" />
    <${Loaded} state=${state}>${(keys) => {
      const rows = folderRows(keys ?? [], folder).filter((row) => row.name.toLowerCase().includes(search.trim().toLowerCase()));
      if (rows.length === 0) return html`<${Empty}>${search ? 'No keys match.' : 'This folder is empty.'}<//>`;
      return html`<ul class="kv-list">${rows.map((row) => html`<li data-testid="kv-row" data-key=${row.key}>
        <a href=${routePath(row.folder ? { name: 'kv-folder', dc, folder: row.key } : { name: 'kv-edit', dc, key: row.key })}>
          <span class=${row.folder ? 'icon-folder' : 'icon-key'} aria-hidden="true"></span>
          ${row.name}<span class="visually-hidden">${row.folder ? ' (folder)' : ' (key)'}</span>
        </a>
      </li>`)}</ul>`;
    }}<//>
  </section>`;
}

/** `/ui/<dc>/kv/<key>/edit`: loads the key once, then edits it with ?cas=<ModifyIndex>. */
export function KvEditPage({ dc, keyName }) {
  const [loaded, setLoaded] = useState({ entry: undefined, error: null });
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ entry: undefined, error: null });
    request(kvPath(keyName), { dc, signal: controller.signal, allow404: true })
      .then(({ data }) => setLoaded({ entry: data ? data[0] : null, error: null }))
      .catch((error) => controller.signal.aborted || setLoaded({ entry: undefined, error }));
    return () => controller.abort();
  }, [dc, keyName, reload]);

  return html`<section>
    <${KvCrumbs} dc=${dc} folder=${parentFolder(keyName)} />
    <${PageTitle}>${keyName}<//>
    <${ErrorBanner} error=${loaded.error} />
    ${loaded.entry === undefined && !loaded.error ? html`<p class="muted" role="status">Loading…</p>` : null}
    ${loaded.entry === null ? html`<div class="banner banner-error" role="alert" data-testid="error">Key not found</div>` : null}
    ${loaded.entry
      ? html`<${KvForm} key=${`${loaded.entry.Key}@${loaded.entry.ModifyIndex}`} dc=${dc} entry=${loaded.entry}
          folder=${parentFolder(keyName)} onReload=${() => setReload(reload + 1)} />`
      : null}
  </section>`;
}

/** `/ui/<dc>/kv/[<folder>/]create`: a new key in the folder, saved with ?cas=0. */
export function KvCreatePage({ dc, folder }) {
  return html`<section>
    <${KvCrumbs} dc=${dc} folder=${folder} />
    <${PageTitle}>New key<//>
    <${KvForm} dc=${dc} entry=${null} folder=${folder} />
  </section>`;
}

/** The lock holder of a locked key: the session's ID, name and node. */
function LockInfo({ dc, session }) {
  const state = useLive(`/v1/session/info/${encodeURIComponent(session)}`, { dc });
  const info = state.data?.[0];
  return html`<div class="banner banner-info" data-testid="kv-session">
    Locked by session <code>${session}</code>${info ? ` (${info.Name ? `${info.Name}, ` : ''}node ${info.Node})` : ''}
  </div>`;
}

/** The key form; `entry` is the loaded key, null when creating. A new key's name is typed relative to `folder`. */
function KvForm({ dc, entry, folder, onReload }) {
  const creating = entry === null;
  const initialValue = creating ? '' : decodeValue(entry.Value);
  const [name, setName] = useState(creating ? '' : entry.Key);
  const [value, setValue] = useState(initialValue);
  const [flags, setFlags] = useState(creating ? '0' : String(entry.Flags ?? 0));
  const [json, setJson] = useState(!creating && looksLikeJson(initialValue));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [conflict, setConflict] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const key = creating ? joinKey(folder, name) : entry.Key;
  const folderKey = creating && isFolder(key);
  const jsonCheck = json && !folderKey ? checkJson(value) : { ok: true };
  const flagsValue = parseFlags(flags);
  const problem = (creating ? keyProblem(key) : null) ?? (flagsValue === null ? 'Flags must be a whole number from 0 to 2^64-1.' : null);

  async function save(event) {
    event.preventDefault();
    if (problem || !jsonCheck.ok) return;
    setBusy(true);
    setError(null);
    setConflict(false);
    try {
      const cas = creating ? 0 : entry.ModifyIndex;
      const { data } = await request(kvPath(key), {
        dc, method: 'PUT', body: folderKey ? '' : value, query: { cas, flags: folderKey ? undefined : flagsValue },
      });
      if (data === true) {
        navigate(routePath({ name: 'kv-folder', dc, folder: parentFolder(key) }));
      } else {
        setConflict(true);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    setConflict(false);
    try {
      const { data } = await request(kvPath(key), { dc, method: 'DELETE', query: { cas: entry.ModifyIndex } });
      if (data === true) {
        navigate(routePath({ name: 'kv-folder', dc, folder: parentFolder(key) }));
      } else {
        setConflict(true);
        setConfirming(false);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return html`<form class="form" onSubmit=${save} novalidate>
    <${ErrorBanner} error=${error} />
    ${conflict
      ? html`<div class="banner banner-warning" role="alert" data-testid="kv-conflict">
          ${creating
            ? 'A key with this name already exists; it was not overwritten.'
            : 'This key was changed or deleted by someone else since you opened it; your change was not saved.'}
          ${creating ? null : html` <button type="button" class="link" onClick=${onReload}>Load the current value</button>`}
        </div>`
      : null}
    ${!creating && entry.Session ? html`<${LockInfo} dc=${dc} session=${entry.Session} />` : null}
    <label class="field">
      <span>Key${creating && folder ? html` <span class="muted">(in ${folder})</span>` : null}</span>
      <span class="key-input">
        ${creating && folder ? html`<span class="prefix" aria-hidden="true">${folder}</span>` : null}
        <input data-testid="kv-key" value=${name} readonly=${!creating} required
          aria-describedby="kv-key-help" onInput=${(event) => setName(event.currentTarget.value)} />
      </span>
      <small id="kv-key-help" class="muted">${creating ? 'End the name with "/" to create a folder.' : 'Keys cannot be renamed.'}</small>
    </label>
    ${folderKey
      ? null
      : html`
        <label class="field">
          <span>Value</span>
          <textarea data-testid="kv-value" rows="10" spellcheck="false" value=${value}
            class=${jsonCheck.ok ? '' : 'invalid'} aria-invalid=${jsonCheck.ok ? 'false' : 'true'}
            aria-describedby=${jsonCheck.ok ? undefined : 'kv-json-error'}
            onInput=${(event) => setValue(event.currentTarget.value)}></textarea>
        </label>
        <label class="check-field">
          <input type="checkbox" data-testid="kv-json-toggle" checked=${json}
            onChange=${(event) => setJson(event.currentTarget.checked)} />
          <span>Value is JSON (check its syntax)</span>
        </label>
        ${jsonCheck.ok ? null : html`<p id="kv-json-error" class="field-error" data-testid="kv-json-error" role="alert">
          Invalid JSON: ${jsonCheck.message}</p>`}
        <label class="field narrow">
          <span>Flags</span>
          <input data-testid="kv-flags" inputmode="numeric" value=${flags} onInput=${(event) => setFlags(event.currentTarget.value)} />
        </label>`}
    ${problem && (name !== '' || !creating) ? html`<p class="field-error" role="alert">${problem}</p>` : null}
    <div class="actions">
      <button type="submit" class="primary" data-testid="kv-save" disabled=${busy || !!problem || !jsonCheck.ok}>
        ${creating ? 'Create' : 'Save'}
      </button>
      <a class="button" href=${routePath({ name: 'kv-folder', dc, folder })}>Cancel</a>
      ${creating ? null : html`<button type="button" class="danger" data-testid="kv-delete" disabled=${busy}
          onClick=${() => setConfirming(true)}>Delete</button>`}
    </div>
    ${confirming
      ? html`<div class="confirm" role="alertdialog" aria-label="Confirm delete">
          <p>Delete <code>${key}</code>? This cannot be undone.</p>
          <button type="button" class="danger" data-testid="kv-confirm-delete" disabled=${busy} onClick=${remove}>Delete</button>
          <button type="button" onClick=${() => setConfirming(false)}>Keep it</button>
        </div>`
      : null}
  </form>`;
}
