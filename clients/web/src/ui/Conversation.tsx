import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { userMessage } from '../api/errors';
import type { ChatClient } from '../net/chatClient';
import type { UserDirectory } from '../state/userDirectory';
import { MessageItem, PendingItem } from './MessageItem';
import { roomTitle } from './names';
import { SendBox } from './SendBox';

interface Props { client: ChatClient; users: UserDirectory; roomId: string; onBack: () => void }

export function Conversation({ client, users, roomId, onBack }: Props) {
  const store = client.store;
  const room = store.room(roomId);
  const timeline = store.timeline(roomId);
  const messages = timeline.messages();
  const pending = store.pending.visible(roomId);
  const typers = store.typers(roomId);
  const [error, setError] = useState<string>();
  const list = useRef<HTMLOListElement>(null);
  const loading = useRef(false);

  async function loadOlder() {
    if (loading.current || !timeline.hasOlder) return;
    loading.current = true;
    try {
      await client.loadOlder(roomId);
    } catch (e) {
      setError(userMessage(e));
    } finally {
      loading.current = false;
    }
  }

  // On opening the room, fill the screen with the newest page; later pages come by scrolling up (or the button).
  useEffect(() => {
    if (messages.length < 20) void loadOlder();
  }, [roomId]);

  // Typing shows for a few seconds only: re-render once a second while someone is typing, so it disappears.
  const [, tick] = useState(0);
  useEffect(() => {
    if (typers.length === 0) return;
    const timer = setTimeout(() => tick((n) => n + 1), 1000);
    return () => clearTimeout(timer);
  });

  const lastSeq = timeline.lastSeq;
  useEffect(() => {
    if (store.connection === 'connected') client.markRead(roomId).catch(() => undefined);
  }, [client, roomId, lastSeq, store.connection]);

  // Follow new messages only when the reader is already at the bottom; when older ones are prepended, keep what
  // the reader was looking at in place.
  const atBottom = useRef(true);
  const previous = useRef({ height: 0, oldest: undefined as number | undefined });
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const oldest = messages[0]?.seq;
    if (atBottom.current) el.scrollTop = el.scrollHeight;
    else if (previous.current.oldest !== undefined && oldest !== undefined && oldest < previous.current.oldest)
      el.scrollTop += el.scrollHeight - previous.current.height;
    previous.current = { height: el.scrollHeight, oldest };
  }, [messages, pending.length]);
  const onScroll = () => {
    const el = list.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 40) void loadOlder();
  };

  if (!room) return null;
  const typing = typers.map((id) => users.name(id) ?? 'Someone');
  return (
    <section className="room" aria-label={roomTitle(room, store, users)}>
      <header className="room-header">
        <button type="button" className="back" onClick={onBack} aria-label="Back to conversations">←</button>
        <h2>{roomTitle(room, store, users)}</h2>
      </header>
      {error && <p role="alert" className="error">{error}</p>}
      <ol className="messages" ref={list} onScroll={onScroll} aria-label="Messages" aria-live="polite">
        {timeline.hasOlder && messages.length > 0 && (
          <li className="older"><button type="button" onClick={loadOlder}>Load older messages</button></li>
        )}
        {messages.map((m) => <MessageItem key={m.seq} message={m} own={m.senderId === store.me} sender={users.name(m.senderId)} />)}
        {pending.map((p) => <PendingItem key={p.clientMessageId} pending={p} onRetry={() => void client.retry(p.clientMessageId)} />)}
      </ol>
      <p className="typing" aria-live="polite">{typing.length > 0 ? `${typing.join(', ')} ${typing.length > 1 ? 'are' : 'is'} typing…` : ''}</p>
      <SendBox onSend={(text) => void client.send(roomId, text)} onTyping={() => client.typing(roomId)} />
    </section>
  );
}
