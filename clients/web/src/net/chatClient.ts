import { isRetriable, parseErrorCode, userMessage } from '../api/errors';
import type { HistoryPage, Message, MessageDeletedEvent, MemberEvent, Room, RoomKind, RoomSummary, SendAck, SyncRequest, SyncResult } from '../api/types';
import type { ChatStore } from '../state/chatStore';
import type { PendingSend } from '../state/pending';
import type { Gap } from '../state/timeline';
import type { HubLike } from './hub';

const maxRoomsPerSync = 100;
const rateLimitRetryMs = 1000;
const typingEveryMs = 2500;

/**
 * Connects the store to the hub: applies events, fills gaps with Sync, resends pending sends with their
 * clientMessageId after a reconnect, and reports the connection state for the banner.
 */
export class ChatClient {
  private readonly lastTyping = new Map<string, number>();
  private syncing: Promise<void> = Promise.resolve();

  constructor(private readonly hub: HubLike, readonly store: ChatStore) {
    hub.on('MessageReceived', (m: Message) => this.gap(store.receive(m)));
    hub.on('MessageEdited', (m: Message) => store.edit(m));
    hub.on('MessageDeleted', (e: MessageDeletedEvent) => store.delete(e));
    hub.on('RoomUpdated', (r: Room) => store.upsertRoom(r));
    hub.on('MemberLeft', (e: MemberEvent) => e.userId === store.me && store.removeRoom(e.roomId));
    hub.on('TypingStarted', (e: MemberEvent) => store.typingStarted(e.roomId, e.userId));
    hub.onreconnecting(() => store.setConnection('reconnecting'));
    hub.onreconnected(() => {
      store.setConnection('connected');
      void this.catchUp();
    });
    hub.onclose(() => store.setConnection('offline'));
  }

  async start(): Promise<void> {
    await this.hub.start();
    this.store.setConnection('connected');
    this.store.setRooms(await this.hub.invoke<RoomSummary[]>('GetRooms'));
    await Promise.all([this.catchUp(), this.loadPreviews()]);
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

  async send(roomId: string, text: string): Promise<void> {
    await this.deliver(this.store.beginSend(roomId, text));
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
    const { roomId, clientMessageId, text } = pending;
    try {
      const ack = await this.hub.invoke<SendAck>('SendMessage', { roomId, clientMessageId, text });
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
