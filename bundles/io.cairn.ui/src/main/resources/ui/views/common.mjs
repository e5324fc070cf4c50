/** Small view pieces shared by the pages: error banner, loading note, status badge, tags, meta table, filters. */
import { html } from '../lib/html.mjs';
import { HEALTH_FILTERS } from '../logic/health.mjs';

const STATUS_LABELS = { passing: 'Passing', warning: 'Warning', critical: 'Critical', empty: 'No checks' };

/** The `error` banner with the API's message; nothing when there is no error. */
export function ErrorBanner({ error }) {
  if (!error) return null;
  const status = error.status ? ` (${error.status})` : '';
  return html`<div class="banner banner-error" role="alert" data-testid="error">
    <strong>Error${status}:</strong> ${error.message}
  </div>`;
}

/** The error banner, a loading note until the first answer, or the page. */
export function Loaded({ state, children }) {
  if (state.loading && state.data === undefined) {
    return html`<p class="muted" role="status">Loading…</p>`;
  }
  return html`<${ErrorBanner} error=${state.error} />${state.data !== undefined ? children(state.data) : null}`;
}

/** A health status shown as a coloured badge with a text label (colour is never the only cue). */
export function StatusBadge({ status, testid }) {
  return html`<span class=${`badge status-${status}`} data-testid=${testid}>${STATUS_LABELS[status] ?? status}</span>`;
}

/** A list of tags. */
export function Tags({ tags, testid = 'tags' }) {
  return html`<span class="tags" data-testid=${testid}>
    ${(tags ?? []).map((tag) => html`<span class="tag">${tag}</span>`)}
  </span>`;
}

/** A key/value table for Meta maps; a note when empty. */
export function MetaTable({ meta, testid, caption }) {
  const entries = Object.entries(meta ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) {
    return html`<p class="muted" data-testid=${testid}>No ${caption.toLowerCase()}.</p>`;
  }
  return html`<table class="meta" data-testid=${testid}>
    <caption class="visually-hidden">${caption}</caption>
    <tbody>
      ${entries.map(([key, value]) => html`<tr><th scope="row">${key}</th><td>${value}</td></tr>`)}
    </tbody>
  </table>`;
}

/** The search box and, when `health` is given, the health filter above a list. */
export function FilterBar({ search, onSearch, health, onHealth, placeholder }) {
  return html`<div class="filters" role="search">
    <label class="field">
      <span>Search</span>
      <input type="search" data-testid="search" value=${search} placeholder=${placeholder}
        onInput=${(event) => onSearch(event.currentTarget.value)} />
    </label>
    ${onHealth
      ? html`<label class="field">
          <span>Health</span>
          <select data-testid="health-filter" value=${health} onChange=${(event) => onHealth(event.currentTarget.value)}>
            ${HEALTH_FILTERS.map((value) => html`<option value=${value}>${value === 'all' ? 'All' : STATUS_LABELS[value]}</option>`)}
          </select>
        </label>`
      : null}
  </div>`;
}

/** A page title. */
export function PageTitle({ children, testid }) {
  return html`<h1 tabindex="-1" class="page-title" data-testid=${testid}>${children}</h1>`;
}

/** A note shown when a list is empty. */
export function Empty({ children }) {
  return html`<p class="muted empty">${children}</p>`;
}
