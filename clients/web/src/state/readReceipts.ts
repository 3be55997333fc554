import type { Message } from '../api/types';

/** Where "Seen by" goes: the newest own message others have read, and who read it (in the order they read). */
export interface SeenBy { seq: number; userIds: string[] }

/**
 * Who has read each room up to which seq. ReadReceipt events carry a member's marker, which never moves back
 * on the server, but receipts may arrive twice or out of order, so the highest seq seen per member wins.
 */
export class ReadReceipts {
  private readonly rooms = new Map<string, Map<string, number>>();

  /** Returns whether anything changed (a repeated or older receipt changes nothing). */
  apply(roomId: string, userId: string, seq: number): boolean {
    let readers = this.rooms.get(roomId);
    if (!readers) this.rooms.set(roomId, (readers = new Map()));
    if ((readers.get(userId) ?? -1) >= seq) return false;
    readers.set(userId, seq);
    return true;
  }

  readSeq(roomId: string, userId: string): number | undefined {
    return this.rooms.get(roomId)?.get(userId);
  }

  /** A member who left no longer counts as having seen anything here. */
  forget(roomId: string, userId?: string): void {
    if (userId === undefined) this.rooms.delete(roomId);
    else this.rooms.get(roomId)?.delete(userId);
  }

  /**
   * The newest message of `me` (not deleted) that at least one other member has read, with every other member
   * whose marker reaches it; null when no own message has been read by anyone else.
   */
  seenBy(roomId: string, me: string, messages: readonly Message[]): SeenBy | null {
    const readers = [...(this.rooms.get(roomId) ?? [])].filter(([userId]) => userId !== me);
    if (readers.length === 0) return null;
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      if (m.senderId !== me || m.deleted) continue;
      const userIds = readers.filter(([, seq]) => seq >= m.seq).map(([userId]) => userId);
      if (userIds.length > 0) return { seq: m.seq, userIds };
    }
    return null;
  }
}
