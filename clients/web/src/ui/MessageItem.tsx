import type { Message } from '../api/types';
import type { PendingSend } from '../state/pending';
import { time } from './names';

export function MessageItem({ message, own, sender }: { message: Message; own: boolean; sender?: string }) {
  return (
    <li className={own ? 'message own' : 'message'} data-seq={message.seq}>
      <span className="sender">{own ? 'You' : sender ?? '…'}</span>
      {message.deleted ? <em className="text deleted">Message deleted</em> : <span className="text">{message.text}</span>}
      <span className="meta">
        <time dateTime={message.sentAt}>{time(message.sentAt)}</time>
        {message.editedAt && !message.deleted && ' · edited'}
      </span>
    </li>
  );
}

export function PendingItem({ pending, onRetry }: { pending: PendingSend; onRetry: () => void }) {
  return (
    <li className={`message own pending ${pending.state}`}>
      <span className="sender">You</span>
      <span className="text">{pending.text}</span>
      <span className="meta">
        {pending.state === 'sending' ? 'Sending…' : <span role="alert">Not sent: {pending.error}</span>}
        {pending.state === 'failed' && <button type="button" onClick={onRetry}>Retry</button>}
      </span>
    </li>
  );
}
