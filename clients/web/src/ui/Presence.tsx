import type { OwnStatus, PresenceStatus } from '../state/presence';
import { ownStatuses } from '../state/presence';

const label = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A presence dot. Colour is not the only cue: each status has its own shape (CSS), the accessible name says it
 * in words ("Bob is online"), and so does the tooltip.
 */
export function PresenceDot({ name, status }: { name: string; status: PresenceStatus | undefined }) {
  if (!status) return null;
  const text = `${name} is ${status}`;
  return <span className={`presence ${status}`} role="img" aria-label={text} title={text} />;
}

export function StatusSelect({ status, onChange }: { status: OwnStatus; onChange: (status: OwnStatus) => void }) {
  return (
    <select className="status" aria-label="Status" value={status} onChange={(e) => onChange(e.target.value as OwnStatus)}>
      {ownStatuses.map((s) => <option key={s} value={s}>{label(s)}</option>)}
    </select>
  );
}
