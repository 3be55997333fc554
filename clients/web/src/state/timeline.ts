import type { Message, MessageDeletedEvent } from '../api/types';

/** Where to Sync from when messages are missing: everything after afterSeq. */
export interface Gap { roomId: string; afterSeq: number }

// A deletion is final; otherwise a later editedAt is a later version. The original post has no editedAt.
function version(m: Message): number {
  if (m.deleted) return Number.POSITIVE_INFINITY;
  return m.editedAt ? Date.parse(m.editedAt) : 0;
}

/**
 * One room's messages. Delivery is at-least-once and different event kinds interleave, so every input is
 * merged by (roomId, seq): a seq is stored once, and an existing message is replaced only by a newer version.
 * lastSeq is the contiguous high-water mark: every seq up to it has been seen or lies before the loaded
 * history. Anything received beyond lastSeq + 1 means messages are missing, and Sync fills them.
 */
export class RoomTimeline {
  private readonly bySeq = new Map<number, Message>();
  private readonly seqById = new Map<string, number>();
  private sorted: Message[] | null = null;
  private last: number;
  /** Whether GetHistory may return older messages than those loaded. */
  hasOlder = true;

  constructor(readonly roomId: string, lastSeq = 0) {
    this.last = lastSeq;
  }

  get lastSeq(): number {
    return this.last;
  }

  /** The messages in ascending seq, each once; the same array until something changes. */
  messages(): readonly Message[] {
    this.sorted ??= [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
    return this.sorted;
  }

  oldestSeq(): number | undefined {
    return this.messages()[0]?.seq;
  }

  get(messageId: string): Message | undefined {
    const seq = this.seqById.get(messageId);
    return seq === undefined ? undefined : this.bySeq.get(seq);
  }

  /** A MessageReceived (or an ack turned into a message). Returns the gap to Sync when seqs are missing. */
  receive(message: Message): Gap | null {
    this.merge(message);
    this.advance();
    return message.seq > this.last ? { roomId: this.roomId, afterSeq: this.last } : null;
  }

  /** A Sync answer for this room; returns where to continue when the server has more (or a gap remains). */
  applySync(messages: readonly Message[], hasMore: boolean): Gap | null {
    for (const m of messages) this.merge(m);
    this.advance();
    const beyond = [...this.bySeq.keys()].some((s) => s > this.last);
    return hasMore || beyond ? { roomId: this.roomId, afterSeq: this.last } : null;
  }

  /** A GetHistory page (older messages, or the newest when opening a room). */
  applyHistory(messages: readonly Message[], hasMore: boolean): void {
    for (const m of messages) this.merge(m);
    this.hasOlder = hasMore;
    this.advance();
  }

  /**
   * MessageEdited: applied only when newer than what is shown. An edit of a message older than the loaded
   * history is dropped (GetHistory returns it as it is now); one beyond lastSeq is kept so that the post,
   * arriving later with an older version, cannot undo it.
   */
  applyEdit(message: Message): boolean {
    if (!this.seqById.has(message.messageId) && message.seq <= this.last) return false;
    return this.merge(message);
  }

  /** MessageDeleted: the message keeps its place, empty and marked deleted. */
  applyDelete(event: MessageDeletedEvent): boolean {
    const current = this.get(event.messageId) ?? this.bySeq.get(event.seq);
    if (!current || current.deleted) return false;
    const { attachments: _dropped, ...rest } = current;
    void _dropped;
    this.bySeq.set(current.seq, { ...rest, text: '', deleted: true });
    this.sorted = null;
    return true;
  }

  private merge(incoming: Message): boolean {
    const current = this.bySeq.get(incoming.seq);
    if (current && version(incoming) <= version(current)) return false;
    this.bySeq.set(incoming.seq, incoming);
    this.seqById.set(incoming.messageId, incoming.seq);
    this.sorted = null;
    return true;
  }

  private advance(): void {
    while (this.bySeq.has(this.last + 1)) this.last++;
  }
}
