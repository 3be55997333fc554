import { useState, type FormEvent } from 'react';
import { userMessage } from '../api/errors';
import type { RestApi } from '../api/rest';
import { saveSession, type Session } from './session';

interface Props { api: RestApi; onSignedIn: (session: Session) => void }

export function AuthScreen({ api, onSignedIn }: Props) {
  const [mode, setMode] = useState<'signin' | 'register'>('signin');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'register') await api.register(username, password, displayName || username);
      const login = await api.login(username, password);
      onSignedIn(saveSession(login, await api.me(login.accessToken)));
    } catch (e) {
      setError(userMessage(e));
      setBusy(false);
    }
  }

  const registering = mode === 'register';
  return (
    <main className="auth">
      <h1>ChatDapr</h1>
      <form onSubmit={submit} aria-labelledby="auth-title">
        <h2 id="auth-title">{registering ? 'Create an account' : 'Sign in'}</h2>
        <label>Username<input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required minLength={3} maxLength={32} /></label>
        <label>Password<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete={registering ? 'new-password' : 'current-password'} required minLength={8} maxLength={128} /></label>
        {registering && <label>Display name<input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={64} /></label>}
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{registering ? 'Register' : 'Sign in'}</button>
      </form>
      <button type="button" className="link" onClick={() => setMode(registering ? 'signin' : 'register')}>
        {registering ? 'I have an account: sign in' : 'New here? Create an account'}
      </button>
    </main>
  );
}
