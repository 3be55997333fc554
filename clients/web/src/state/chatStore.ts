import type { MemberReadMarker, Message, MessageDeletedEvent, ReadReceipt, Role, Room, RoomSummary, SendAck, SyncResult } from '../api/types';
import type { Member } from './members';
import { PendingSends, type PendingSend } from './pending';
import { PresenceBook, type OwnStatus, type PresenceInfo, type PresenceStatus } from './presence';
import { ReadReceipts, type SeenBy } from './readReceipts';
import { RoomTimeline, type Gap } from './timeline';
import { TypingTracker } from './typing';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export interface RoomView {
  roomId: string;
  name: string;
  kind: Room['kind'];
  unread: number;
  lastMessage?: Message;
  /** From GetRooms and Room events (older servers leave them out of summaries); names a direct room. */
  members?: string[];
  /** Each member's role, when members are known. */
  roles?: Record<string, Role>;
}

function withMembers(members: readonly { userId: string; role: Role }[]): Pick<RoomView, 'members' | 'roles'> {
  return { members: members.map((m) => m.userId), roles: Object.fromEntries(members.map((m) => [m.userId, m.role])) };
}

/**
 * Everything the UI shows, without React: rooms with unread counts and previews, one timeline per room,
 * pending own sends, who is typing, and the connection state. Listeners are told after every change;
 * `version` changes with every change, so React can use it with useSyncExternalStore.
 */
export class ChatStore {
  readonly pending = new PendingSends();
  private readonly rooms = new Map<string, RoomView>();
  private readonly timelines = new Map<string, RoomTimeline>();
  private readonly typing = new TypingTracker();
  private readonly receipts = new ReadReceipts();
  private readonly presenceBook = new PresenceBook();
  /** The user's own status as chosen (or as the server reported it on connecting). */
  myStatus: OwnStatus = 'online';
  private readonly listeners = new Set<() => void>();
  private connectionState: ConnectionState = 'offline';
  version = 0;
  activeRoomId: string | undefined;

  constructor(readonly me: string) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get connection(): ConnectionState {
    return this.connectionState;
  }

  setConnection(state: ConnectionState): void {
    this.connectionState = state;
    this.changed();
  }

  roomList(): RoomView[] {
    const key = (r: RoomView) => r.lastMessage?.sentAt ?? '';
    return [...this.rooms.values()].sort((a, b) => key(b).localeCompare(key(a)) || a.name.localeCompare(b.name));
  }

  room(roomId: string): RoomView | undefined {
    return this.rooms.get(roomId);
  }

  timeline(roomId: string): RoomTimeline {
    let timeline = this.timelines.get(roomId);
    if (!timeline) this.timelines.set(roomId, (timeline = new RoomTimeline(roomId)));
    return timeline;
  }

  /**
   * The other user of a direct room: from its members when a Room event told them, else (GetRooms summaries
   * carry no members) from who posted in it.
   */
  directPeer(roomId: string): string | undefined {
    const room = this.rooms.get(roomId);
    return room?.members?.find((m) => m !== this.me)
      ?? this.timeline(roomId).messages().find((m) => m.senderId !== this.me)?.senderId;
  }

  setRooms(summaries: readonly RoomSummary[]): void {
    for (const s of summaries) {
      const members = s.members ? withMembers(s.members) : {};
      this.rooms.set(s.roomId, { ...this.rooms.get(s.roomId), roomId: s.roomId, name: s.name, kind: s.kind, unread: s.unread, ...members });
      if (!this.timelines.has(s.roomId)) this.timelines.set(s.roomId, new RoomTimeline(s.roomId, s.lastSeq));
    }
    this.changed();
  }

  upsertRoom(room: Room): void {
    const current = this.rooms.get(room.roomId);
    this.rooms.set(room.roomId, { unread: 0, ...current, roomId: room.roomId, name: room.name, kind: room.kind, ...withMembers(room.members) });
    if (!this.timelines.has(room.roomId)) this.timelines.set(room.roomId, new RoomTimeline(room.roomId, room.lastSeq));
    this.changed();
  }

  removeRoom(roomId: string): void {
    this.rooms.delete(roomId);
    this.timelines.delete(roomId);
    this.typing.forget(roomId);
    this.receipts.forget(roomId);
    this.pending.dropRoom(roomId);
    if (this.activeRoomId === roomId) this.activeRoomId = undefined;
    this.changed();
  }

  open(roomId: string | undefined): void {
    this.activeRoomId = roomId;
    const room = roomId ? this.rooms.get(roomId) : undefined;
    if (room) this.rooms.set(room.roomId, { ...room, unread: 0 });
    this.changed();
  }

  /** MessageReceived. Returns the gap to Sync when earlier messages are missing. */
  receive(message: Message): Gap | null {
    const timeline = this.timeline(message.roomId);
    const isNew = timeline.get(message.messageId) === undefined && message.seq > timeline.lastSeq;
    const gap = timeline.receive(message);
    if (isNew) this.notePosted(message);
    if (isNew && message.senderId === this.me) this.pending.markEchoed(message.roomId, message.text, message.messageId);
    this.typing.stopped(message.roomId, message.senderId);
    this.changed();
    return gap;
  }

  edit(message: Message): void {
    if (this.timeline(message.roomId).applyEdit(message)) this.refreshPreview(message.roomId, message.messageId);
  }

  delete(event: MessageDeletedEvent): void {
    if (this.timeline(event.roomId).applyDelete(event)) this.refreshPreview(event.roomId, event.messageId);
  }

  /** A Sync answer: rooms left out are rooms the user no longer belongs to. Returns where to continue. */
  applySync(requested: readonly string[], results: readonly SyncResult[]): Gap[] {
    const answered = new Set(results.map((r) => r.roomId));
    for (const roomId of requested) if (!answered.has(roomId)) this.removeRoom(roomId);
    const gaps: Gap[] = [];
    for (const r of results) {
      const timeline = this.timeline(r.roomId);
      const fresh = r.messages.filter((m) => m.seq > timeline.lastSeq && !timeline.get(m.messageId));
      const gap = timeline.applySync(r.messages, r.hasMore);
      if (gap) gaps.push(gap);
      for (const m of fresh) this.notePosted(m);
    }
    this.changed();
    return gaps;
  }

  applyHistory(roomId: string, messages: readonly Message[], hasMore: boolean): void {
    this.timeline(roomId).applyHistory(messages, hasMore);
    const last = messages[messages.length - 1];
    const room = this.rooms.get(roomId);
    if (room && last && (!room.lastMessage || room.lastMessage.seq < last.seq)) this.rooms.set(roomId, { ...room, lastMessage: last });
    this.changed();
  }

  /** Every room's contiguous high-water mark, for Sync after a reconnect. */
  syncRequests(): { roomId: string; afterSeq: number }[] {
    return [...this.rooms.keys()].map((roomId) => ({ roomId, afterSeq: this.timeline(roomId).lastSeq }));
  }

  beginSend(roomId: string, text: string, replyTo?: string): PendingSend {
    const item = this.pending.add(roomId, text, undefined, replyTo);
    this.changed();
    return item;
  }

  /** The ack of an own send: the pending entry becomes the stored message (shown once, even if echoed). */
  confirm(clientMessageId: string, ack: SendAck): Gap | null {
    const item = this.pending.remove(clientMessageId);
    if (!item) return null;
    const message: Message = { roomId: ack.roomId, messageId: ack.messageId, seq: ack.seq, senderId: this.me, text: item.text, sentAt: ack.sentAt,
      ...(item.replyTo ? { replyTo: item.replyTo } : {}) };
    return this.receive(message);
  }

  failSend(clientMessageId: string, error: string, retriable: boolean): void {
    this.pending.markFailed(clientMessageId, error, retriable);
    this.changed();
  }

  retrySend(clientMessageId: string): PendingSend | undefined {
    this.pending.markSending(clientMessageId);
    this.changed();
    return this.pending.get(clientMessageId);
  }

  typingStarted(roomId: string, userId: string, now = Date.now()): void {
    if (userId === this.me) return;
    this.typing.started(roomId, userId, now);
    this.changed();
  }

  typers(roomId: string, now = Date.now()): string[] {
    return this.typing.typers(roomId, now);
  }

  /** Members with roles, in join order (empty until GetRooms or a Room event told them). */
  members(roomId: string): Member[] {
    const room = this.rooms.get(roomId);
    return (room?.members ?? []).map((userId) => ({ userId, role: room?.roles?.[userId] ?? 'member' }));
  }

  /** MemberJoined: known at once as a plain member; the RoomUpdated that follows brings the role. */
  memberJoined(roomId: string, userId: string): void {
    const room = this.rooms.get(roomId);
    if (!room?.members || room.members.includes(userId)) return;
    this.rooms.set(roomId, { ...room, members: [...room.members, userId], roles: { ...room.roles, [userId]: 'member' } });
    this.changed();
  }

  /** MemberLeft: the user themself loses the room; anyone else leaves its member list and its "seen by". */
  memberLeft(roomId: string, userId: string): void {
    if (userId === this.me) return this.removeRoom(roomId);
    const room = this.rooms.get(roomId);
    this.receipts.forget(roomId, userId);
    if (room?.members) this.rooms.set(roomId, { ...room, members: room.members.filter((m) => m !== userId) });
    this.changed();
  }

  /** ReadReceipt. The user's own receipt (from another device) also clears what that device has read here. */
  readReceipt(receipt: ReadReceipt): void {
    if (this.applyReceipt(receipt)) this.changed();
  }

  /**
   * GetReadMarkers: every member's marker as the server has it, merged like receipts (a receipt that overtook the
   * answer is newer, so nothing moves back). A room left meanwhile is not brought back.
   */
  readMarkers(roomId: string, markers: readonly MemberReadMarker[]): void {
    if (!this.rooms.has(roomId)) return;
    let changed = false;
    for (const m of markers) changed = this.applyReceipt({ roomId, userId: m.userId, seq: m.readSeq }) || changed;
    if (changed) this.changed();
  }

  private applyReceipt(receipt: ReadReceipt): boolean {
    if (!this.receipts.apply(receipt.roomId, receipt.userId, receipt.seq)) return false;
    const room = this.rooms.get(receipt.roomId);
    if (receipt.userId === this.me && room) {
      this.rooms.set(room.roomId, { ...room, unread: Math.min(room.unread, Math.max(0, this.timeline(room.roomId).lastSeq - receipt.seq)) });
    }
    return true;
  }

  seenBy(roomId: string): SeenBy | null {
    return this.receipts.seenBy(roomId, this.me, this.timeline(roomId).messages());
  }

  presenceChanged(info: PresenceInfo): void {
    if (this.presenceBook.apply(info)) this.changed();
  }

  presence(userId: string): PresenceStatus | undefined {
    return this.presenceBook.status(userId);
  }

  hasPresence(userId: string): boolean {
    return this.presenceBook.has(userId);
  }

  setMyStatus(status: OwnStatus): void {
    this.myStatus = status;
    this.changed();
  }

  /** Every direct room's other member: whose presence the room list shows. */
  directPeers(): string[] {
    const peers = [...this.rooms.values()].filter((r) => r.kind === 'direct').map((r) => this.directPeer(r.roomId));
    return [...new Set(peers.filter((p): p is string => p !== undefined))];
  }

  private notePosted(message: Message): void {
    const room = this.rooms.get(message.roomId);
    if (!room) return;
    const unread = message.senderId !== this.me && message.roomId !== this.activeRoomId ? room.unread + 1 : room.unread;
    const newer = !room.lastMessage || room.lastMessage.seq <= message.seq;
    this.rooms.set(room.roomId, { ...room, unread, lastMessage: newer ? message : room.lastMessage });
  }

  private refreshPreview(roomId: string, messageId: string): void {
    const room = this.rooms.get(roomId);
    const current = this.timeline(roomId).get(messageId);
    if (room && current && room.lastMessage?.messageId === messageId) this.rooms.set(roomId, { ...room, lastMessage: current });
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
