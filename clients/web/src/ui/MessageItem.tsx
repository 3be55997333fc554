import { useEffect, useRef, useState } from 'react';
import { userMessage } from '../api/errors';
import type { Message } from '../api/types';
import type { PendingSend } from '../state/pending';
import { MessageEditor } from './MessageEditor';
import { time } from './names';
import { ReplyQuoteView, type QuoteView } from './ReplyQuote';

interface Props {
  message: Message;
  own: boolean;
  sender?: string;
  /** The original this message replies to, when it is a reply. */
  quote?: QuoteView;
  /** "Seen by …" under the newest own message others have read. */
  seenBy?: string;
  canDelete?: boolean;
  onReply?: () => void;
  onEdit?: (text: string) => Promise<void>;
  onDelete?: () => Promise<void>;
  onJump?: (seq: number) => void;
}

export function MessageItem({ message, own, sender, quote, seenBy, canDelete, onReply, onEdit, onDelete, onJump }: Props) {
  const [mode, setMode] = useState<'view' | 'editing' | 'confirming'>('view');
  const [error, setError] = useState<string>();
  const item = useRef<HTMLLIElement>(null);
  const returnFocus = useRef<'edit' | 'delete' | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);

  // Focus goes back to the action that opened the editor or the confirmation, so keyboard users stay in place.
  useEffect(() => {
    if (mode === 'confirming') keep.current?.focus();
    if (mode !== 'view' || !returnFocus.current) return;
    const target = returnFocus.current === 'edit' ? editButton.current : deleteButton.current;
    returnFocus.current = null;
    // A deleted message has no actions left; the message itself keeps the focus then.
    (target ?? item.current)?.focus();
  }, [mode]);

  async function run(action: () => Promise<void>, from: 'edit' | 'delete') {
    setError(undefined);
    try {
      await action();
      returnFocus.current = from;
      setMode('view');
    } catch (e) {
      setError(userMessage(e));
    }
  }

  const finish = (from: 'edit' | 'delete') => {
    returnFocus.current = from;
    setMode('view');
  };
  const live = !message.deleted;
  return (
    <li className={own ? 'message own' : 'message'} data-seq={message.seq} tabIndex={-1} ref={item}>
      <span className="sender">{own ? 'You' : sender ?? '…'}</span>
      {quote && <ReplyQuoteView quote={quote} onJump={onJump} />}
      {mode === 'editing' && onEdit ? (
        <MessageEditor initial={message.text} onCancel={() => finish('edit')}
          onSave={(text) => (text === message.text ? finish('edit') : void run(() => onEdit(text), 'edit'))} />
      ) : live ? <span className="text">{message.text}</span> : <span className="text deleted">Message deleted</span>}
      <span className="meta">
        <time dateTime={message.sentAt}>{time(message.sentAt)}</time>
        {message.editedAt && live && <span className="edited">edited</span>}
        {seenBy && <span className="seen">{seenBy}</span>}
      </span>
      {live && mode === 'view' && (onReply || onEdit || (canDelete && onDelete)) && (
        <span className="message-actions">
          {onReply && <button type="button" onClick={onReply}>Reply</button>}
          {own && onEdit && <button type="button" ref={editButton} onClick={() => { setError(undefined); setMode('editing'); }}>Edit</button>}
          {canDelete && onDelete && <button type="button" ref={deleteButton} onClick={() => { setError(undefined); setMode('confirming'); }}>Delete</button>}
        </span>
      )}
      {live && mode === 'confirming' && onDelete && (
        <span className="confirm" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); finish('delete'); } }}>
          Delete this message?
          <button type="button" className="danger" onClick={() => void run(onDelete, 'delete')}>Yes, delete</button>
          <button type="button" ref={keep} onClick={() => finish('delete')}>Keep</button>
        </span>
      )}
      {error && <span role="alert" className="error">{error}</span>}
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
