/** `/ui/<dc>/login`: checks a token with /v1/acl/token/self and keeps it for later requests. */
import { html, useState } from '../lib/html.mjs';
import { request } from '../lib/api.mjs';
import { PageTitle } from './common.mjs';

/** The login form; `onLogin(token)` runs after the agent accepted the token. */
export function LoginPage({ onLogin }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request('/v1/acl/token/self', { token: token.trim() });
      onLogin(token.trim());
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return html`<section class="login">
    <${PageTitle}>Log in<//>
    <p>Enter an ACL token's secret ID. It is kept in this browser and sent with every request.</p>
    <form class="form" onSubmit=${submit}>
      ${error
        ? html`<div class="banner banner-error" role="alert" data-testid="login-error">
            ${error.message || 'The token was not accepted.'}</div>`
        : null}
      <label class="field">
        <span>Token</span>
        <input type="password" autocomplete="off" required data-testid="login-token" value=${token}
          onInput=${(event) => setToken(event.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="submit" class="primary" data-testid="login-submit" disabled=${busy}>Log in</button>
      </div>
    </form>
  </section>`;
}
