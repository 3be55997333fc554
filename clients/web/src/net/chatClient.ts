import { isRetriable, parseErrorCode, userMessage } from '../api/errors';
import type { HistoryPage, MemberReadMarker, Message, MessageDeletedEvent, MemberEvent, ReadReceipt, Room, RoomKind, RoomSummary, SendAck, SyncRequest, SyncResult } from '../api/types';
import type { ChatStore } from '../state/chatStore';
import type { PendingSend } from '../state/pending';
import { ownStatusFromPresence, type OwnStatus, type PresenceInfo } from '../state/presence';
import type { Gap } from '../state/timeline';
import type { HubLike } from './hub';

const maxRoomsPerSync = 100;
const maxUsersPerPresence = 100;
const rateLimitRetryMs = 1000;
const typingEveryMs = 2500;

/**
 * Connects the store to the hub: applies events, fills gaps with Sync, resends pending sends with their
 * clientMessageId after a reconnect, and reports the connection state for the banner.
 */
export class ChatClient {
  private readonly lastTyping = new Map<string, number>();
  private syncing: Promise<void> = Promise.resolve();
  /** Whether the user picked a status in this session (a status inferred from GetPresence is never re-sent). */
  private statusChosen = false;

  constructor(private readonly hub: HubLike, readonly store: ChatStore) {
    hub.on('MessageReceived', (m: Message) => this.gap(store.receive(m)));
    hub.on('MessageEdited', (m: Message) => store.edit(m));
    hub.on('MessageDeleted', (e: MessageDeletedEvent) => store.delete(e));
    hub.on('RoomUpdated', (r: Room) => {
      store.upsertRoom(r);
      void this.loadPresence();
    });
    hub.on('MemberJoined', (e: MemberEvent) => store.memberJoined(e.roomId, e.userId));
    hub.on('MemberLeft', (e: MemberEvent) => store.memberLeft(e.roomId, e.userId));
    hub.on('TypingStarted', (e: MemberEvent) => store.typingStarted(e.roomId, e.userId));
    hub.on('ReadReceipt', (r: ReadReceipt) => store.readReceipt(r));
    hub.on('PresenceChanged', (p: PresenceInfo) => store.presenceChanged(p));
    hub.onreconnecting(() => store.setConnection('reconnecting'));
    hub.onreconnected(() => {
      store.setConnection('connected');
      // Receipts sent while disconnected were missed: re-read the open room's markers once its messages are back.
      void this.catchUp().then(() => this.loadReadMarkers()).catch(() => undefined);
      // Presence changes made while disconnected were missed; a chosen status is kept by setting it again.
      void this.loadPresence(true);
      if (this.statusChosen) void this.setStatus(store.myStatus).catch(() => undefined);
    });
    hub.onclose(() => store.setConnection('offline'));
  }

  async start(): Promise<void> {
    await this.hub.start();
    this.store.setConnection('connected');
    this.store.setRooms(await this.hub.invoke<RoomSummary[]>('GetRooms'));
    await Promise.all([
      this.catchUp().then(() => this.loadReadMarkers().catch(() => undefined)),
      this.loadPreviews(), this.loadOwnStatus(), this.loadPresence(),
    ]);
  }

  /**
   * Every member's read marker in a room (the open one by default), so "Seen by" shows on opening it without
   * waiting for a ReadReceipt. Markers only move forward, whichever of answer and receipt arrives first.
   */
  async loadReadMarkers(roomId = this.store.activeRoomId): Promise<void> {
    if (!roomId) return;
    const markers = await this.hub.invoke<MemberReadMarker[] | undefined>('GetReadMarkers', roomId);
    this.store.readMarkers(roomId, markers ?? []);
  }

  /** The status chosen in an earlier session, as the server still has it. */
  private async loadOwnStatus(): Promise<void> {
    const [mine] = (await this.hub.invoke<PresenceInfo[] | undefined>('GetPresence', [this.store.me]).catch(() => undefined)) ?? [];
    if (mine) this.store.setMyStatus(ownStatusFromPresence(mine.status));
  }

  /** Presence of every direct room's other member not known yet (or all of them again after a reconnect). */
  async loadPresence(all = false): Promise<void> {
    const wanted = this.store.directPeers().filter((u) => all || !this.store.hasPresence(u));
    for (let i = 0; i < wanted.length; i += maxUsersPerPresence) {
      const answer = await this.hub.invoke<PresenceInfo[] | undefined>('GetPresence', wanted.slice(i, i + maxUsersPerPresence)).catch(() => undefined);
      for (const p of answer ?? []) this.store.presenceChanged(p);
    }
  }

  async setStatus(status: OwnStatus): Promise<void> {
    const previous = this.store.myStatus;
    this.statusChosen = true;
    this.store.setMyStatus(status);
    try {
      await this.hub.invoke('SetStatus', status);
    } catch (error) {
      this.store.setMyStatus(previous);
      throw error;
    }
  }

  /** The newest message of every room that has one: the room list's preview and order. */
  private async loadPreviews(): Promise<void> {
    const rooms = this.store.syncRequests().filter((r) => r.afterSeq > 0 && this.store.timeline(r.roomId).messages().length === 0);
    await Promise.all(rooms.map((r) => this.loadOlder(r.roomId, 1).catch(() => undefined)));
  }

  stop(): Promise<void> {
    return this.hub.stop();
  }

  /** After (re)connecting: Sync every room from its lastSeq, then resend what was not acknowledged. */
  async catchUp(): Promise<void> {
    await this.sync(this.store.syncRequests());
    await Promise.all(this.store.pending.resendable().map((p) => this.deliver(this.store.retrySend(p.clientMessageId) ?? p)));
  }

  /** Syncs one batch at a time (serialised, so overlapping gaps do not race) until nothing is missing. */
  sync(requests: readonly SyncRequest[]): Promise<void> {
    this.syncing = this.syncing.then(async () => {
      let todo = [...requests];
      while (todo.length > 0) {
        const batch = todo.splice(0, maxRoomsPerSync);
        const results = await this.hub.invoke<SyncResult[]>('Sync', batch);
        todo.push(...this.store.applySync(batch.map((r) => r.roomId), results));
      }
    }).catch(() => {
      // A failed Sync is repeated by the next reconnect or gap; the banner shows the connection state.
    });
    return this.syncing;
  }

  async send(roomId: string, text: string, replyTo?: string): Promise<void> {
    await this.deliver(this.store.beginSend(roomId, text, replyTo));
  }

  /** Own messages only; the answer is applied at once, and the MessageEdited echo is then ignored as not newer. */
  async edit(roomId: string, messageId: string, text: string): Promise<void> {
    this.store.edit(await this.hub.invoke<Message>('EditMessage', roomId, messageId, text));
  }

  async delete(roomId: string, messageId: string): Promise<void> {
    this.store.delete(await this.hub.invoke<MessageDeletedEvent>('DeleteMessage', roomId, messageId));
  }

  async addMembers(roomId: string, userIds: string[]): Promise<void> {
    this.store.upsertRoom(await this.hub.invoke<Room>('AddMembers', roomId, userIds));
  }

  async removeMember(roomId: string, userId: string): Promise<void> {
    this.store.upsertRoom(await this.hub.invoke<Room>('RemoveMember', roomId, userId));
  }

  async leave(roomId: string): Promise<void> {
    await this.hub.invoke('LeaveRoom', roomId);
    this.store.removeRoom(roomId);
  }

  async retry(clientMessageId: string): Promise<void> {
    const pending = this.store.retrySend(clientMessageId);
    if (pending) await this.deliver(pending);
  }

  async loadOlder(roomId: string, limit = 50): Promise<void> {
    const page = await this.hub.invoke<HistoryPage>('GetHistory', roomId, this.store.timeline(roomId).oldestSeq() ?? null, limit);
    this.store.applyHistory(roomId, page.messages, page.hasMore);
  }

  async markRead(roomId: string): Promise<void> {
    const seq = this.store.timeline(roomId).lastSeq;
    if (seq > 0) await this.hub.invoke('MarkRead', roomId, seq);
  }

  /** Called on every keystroke; the server ignores repeats anyway, this only saves traffic. */
  typing(roomId: string, now = Date.now()): void {
    if (now - (this.lastTyping.get(roomId) ?? -Infinity) < typingEveryMs) return;
    this.lastTyping.set(roomId, now);
    void this.hub.send('Typing', roomId).catch(() => undefined);
  }

  async createRoom(kind: RoomKind, name: string, members: string[]): Promise<Room> {
    const room = await this.hub.invoke<Room>('CreateRoom', { name, kind, members });
    this.store.upsertRoom(room);
    return room;
  }

  private async deliver(pending: PendingSend): Promise<void> {
    const { roomId, clientMessageId, text, replyTo } = pending;
    try {
      const ack = await this.hub.invoke<SendAck>('SendMessage', { roomId, clientMessageId, text, ...(replyTo ? { replyTo } : {}) });
      this.gap(this.store.confirm(clientMessageId, ack));
    } catch (error) {
      const code = parseErrorCode(error instanceof Error ? error.message : undefined);
      this.store.failSend(clientMessageId, userMessage(error), isRetriable(code));
      if (code === 'rate_limited') setTimeout(() => void this.retry(clientMessageId), rateLimitRetryMs);
    }
  }

  private gap(gap: Gap | null): void {
    if (gap) void this.sync([gap]);
  }
}
