import { useEffect, useRef, useState } from 'react';
import { userMessage } from '../api/errors';
import type { RestApi } from '../api/rest';
import type { Message } from '../api/types';
import type { ChatClient } from '../net/chatClient';
import { permissions } from '../state/members';
import { quoteText } from '../state/replies';
import type { UserDirectory } from '../state/userDirectory';
import { MembersPanel } from './MembersPanel';
import { MessageItem, PendingItem } from './MessageItem';
import { roomTitle } from './names';
import { PresenceDot } from './Presence';
import type { QuoteView } from './ReplyQuote';
import { useScrollAnchor } from './scrollAnchor';
import { SendBox, type ReplyTarget } from './SendBox';

interface Props { api: RestApi; token: string; client: ChatClient; users: UserDirectory; roomId: string; onBack: () => void }

export function Conversation({ api, token, client, users, roomId, onBack }: Props) {
  const store = client.store;
  const room = store.room(roomId);
  const timeline = store.timeline(roomId);
  const messages = timeline.messages();
  const pending = store.pending.visible(roomId);
  const typers = store.typers(roomId);
  const seen = store.seenBy(roomId);
  const [error, setError] = useState<string>();
  const [replyTo, setReplyTo] = useState<ReplyTarget>();
  const [showMembers, setShowMembers] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const loading = useRef(false);

  // On a phone the room list hides when a room opens, taking the focused room button with it: start at the title.
  useEffect(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (!focused || focused === document.body || focused.offsetParent === null) heading.current?.focus();
  }, [roomId]);

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

  // Who has read what so far; receipts keep it current from here (ChatClient reloads it after a reconnect).
  useEffect(() => {
    client.loadReadMarkers(roomId).catch(() => undefined);
  }, [client, roomId]);

  const lastSeq = timeline.lastSeq;
  useEffect(() => {
    if (store.connection === 'connected') client.markRead(roomId).catch(() => undefined);
  }, [client, roomId, lastSeq, store.connection]);

  // Follow new messages at the bottom; elsewhere keep the message in view in place (older pages, edits, receipts).
  const anchorScroll = useScrollAnchor(list, [messages, pending.length, replyTo, seen?.seq, seen?.userIds.length]);
  const onScroll = () => {
    if (anchorScroll()) void loadOlder();
  };

  // A reply's quote leads to its original when that is loaded.
  function jump(seq: number) {
    const target = list.current?.querySelector<HTMLElement>(`li[data-seq="${seq}"]`);
    if (!target) return;
    target.scrollIntoView?.({ block: 'center' });
    target.focus({ preventScroll: true });
    target.classList.add('flash');
    setTimeout(() => target.classList.remove('flash'), 1500);
  }

  if (!room) return null;
  const title = roomTitle(room, store, users);
  const peer = room.kind === 'direct' ? store.directPeer(roomId) : undefined;
  const can = permissions(room.kind, store.members(roomId), store.me);
  const senderName = (userId: string) => (userId === store.me ? 'You' : users.name(userId) ?? '…');
  const quoteOf = (m: Message): QuoteView | undefined => {
    if (!m.replyTo) return undefined;
    const original = timeline.get(m.replyTo);
    if (!original) return {};
    return { seq: original.seq, sender: senderName(original.senderId), text: original.deleted ? undefined : quoteText(original.text) };
  };
  const seenText = seen ? `Seen by ${seen.userIds.map((id) => users.name(id) ?? '…').join(', ')}` : undefined;
  const typing = typers.map((id) => users.name(id) ?? 'Someone');
  return (
    <section className="room" aria-label={title}>
      <header className="room-header">
        <button type="button" className="back" onClick={onBack} aria-label="Back to conversations">←</button>
        <h2 ref={heading} tabIndex={-1}>{title}</h2>
        {peer && <PresenceDot name={users.name(peer) ?? title} status={store.presence(peer)} />}
        {peer && store.presence(peer) && <span className="presence-text">{store.presence(peer)}</span>}
        <button type="button" className="members-button" onClick={() => setShowMembers(true)}>Members</button>
      </header>
      {error && <p role="alert" className="error">{error}</p>}
      <ol className="messages" ref={list} onScroll={onScroll} aria-label="Messages" aria-live="polite">
        {timeline.hasOlder && messages.length > 0 && (
          <li className="older"><button type="button" onClick={loadOlder}>Load older messages</button></li>
        )}
        {messages.map((m) => {
          const own = m.senderId === store.me;
          return (
            <MessageItem key={m.seq} message={m} own={own} sender={users.name(m.senderId)} quote={quoteOf(m)}
              seenBy={seen?.seq === m.seq ? seenText : undefined} canDelete={own || can.canDeleteOthers}
              onReply={() => setReplyTo({ messageId: m.messageId, sender: senderName(m.senderId), text: quoteText(m.text) })}
              onEdit={own ? (text) => client.edit(roomId, m.messageId, text) : undefined}
              onDelete={() => client.delete(roomId, m.messageId)} onJump={jump} />
          );
        })}
        {pending.map((p) => <PendingItem key={p.clientMessageId} pending={p} onRetry={() => void client.retry(p.clientMessageId)} />)}
      </ol>
      <p className="typing" aria-live="polite">{typing.length > 0 ? `${typing.join(', ')} ${typing.length > 1 ? 'are' : 'is'} typing…` : ''}</p>
      <SendBox replyTo={replyTo} onCancelReply={() => setReplyTo(undefined)}
        onSend={(text) => { void client.send(roomId, text, replyTo?.messageId); setReplyTo(undefined); }}
        onTyping={() => client.typing(roomId)} />
      {showMembers && <MembersPanel api={api} token={token} client={client} users={users} roomId={roomId} onClose={() => setShowMembers(false)} />}
    </section>
  );
}
