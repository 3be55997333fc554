import type { ConnectionState } from '../state/chatStore';

const texts: Record<Exclude<ConnectionState, 'connected'>, string> = {
  reconnecting: 'Connection lost. Reconnecting… Messages you send now are sent when it is back.',
  offline: 'You are offline.',
};

export function ConnectionBanner({ state, onReconnect }: { state: ConnectionState; onReconnect: () => void }) {
  if (state === 'connected') return null;
  return (
    <div role="status" className={`banner ${state}`}>
      {texts[state]}
      {state === 'offline' && <button type="button" onClick={onReconnect}>Reconnect</button>}
    </div>
  );
}
