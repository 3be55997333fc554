import { useCallback, useState } from 'react';
import { RestApi } from '../api/rest';
import { AuthScreen } from './AuthScreen';
import { ChatScreen } from './ChatScreen';
import { clearSession, loadSession, type Session } from './session';

const api = new RestApi();

export function App() {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  // Stable, because ChatScreen reconnects whenever its inputs change.
  const signOut = useCallback(() => {
    clearSession();
    setSession(undefined);
  }, []);
  if (!session) return <AuthScreen api={api} onSignedIn={setSession} />;
  return <ChatScreen api={api} session={session} onSignOut={signOut} />;
}
