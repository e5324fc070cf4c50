/**
 * The HTTP API client: sends the stored ACL token, adds the datacenter, and turns error answers into ApiError with
 * the agent's message.
 */
import { withQuery } from '../logic/blocking.mjs';

/** The localStorage key holding the ACL token. */
export const TOKEN_KEY = 'cairn:token';

/** An error answer of the API: its HTTP status and the agent's message (Consul answers errors as plain text). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message || `HTTP ${status}`);
    this.status = status;
  }
}

/** The stored ACL token, or '' when none. */
export function storedToken() {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Stores the ACL token sent with every request; '' removes it. */
export function storeToken(token) {
  if (token) {
    localStorage.setItem(TOKEN_KEY, token);
  } else {
    localStorage.removeItem(TOKEN_KEY);
  }
}

/**
 * Sends a request. Options: `dc` (added as ?dc=), `query` (more parameters), `method`, `body` (a string is sent as
 * is, anything else as JSON), `token` (instead of the stored one), `signal`, `allow404` (answer null data instead of
 * failing). Resolves `{data, index}`: the parsed JSON (or text) and the X-Consul-Index header (null when absent).
 */
export async function request(path, options = {}) {
  const { dc, query = {}, method = 'GET', body, token = storedToken(), signal, allow404 = false } = options;
  const headers = {};
  if (token) headers['X-Consul-Token'] = token;
  let payload;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(withQuery(path, { dc, ...query }), { method, headers, body: payload, signal });
  const index = response.headers.get('X-Consul-Index');
  const text = await response.text();
  if (response.status === 404 && allow404) {
    return { data: null, index };
  }
  if (!response.ok) {
    throw new ApiError(response.status, text.trim());
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') && text !== '' ? JSON.parse(text) : text;
  return { data, index };
}

/** Fetches and resolves only the data. */
export async function getJson(path, options = {}) {
  return (await request(path, options)).data;
}

/** The ACL state: 'disabled' when `/v1/acl/token/self` says ACL support is disabled, else 'enabled'. */
export async function aclState() {
  try {
    await request('/v1/acl/token/self');
    return 'enabled';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && /ACL support disabled/i.test(error.message)) {
      return 'disabled';
    }
    return 'enabled';
  }
}
