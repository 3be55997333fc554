const shownMs = 5000;

/**
 * Who is typing where. Typing events are ephemeral and the server sends at most one per user and room every few
 * seconds, so each shows for a little longer than that interval and disappears unless repeated.
 */
export class TypingTracker {
  private readonly rooms = new Map<string, Map<string, number>>();

  started(roomId: string, userId: string, now: number): void {
    let users = this.rooms.get(roomId);
    if (!users) this.rooms.set(roomId, (users = new Map()));
    users.set(userId, now + shownMs);
  }

  /** A user who posts has stopped typing. */
  stopped(roomId: string, userId: string): void {
    this.rooms.get(roomId)?.delete(userId);
  }

  forget(roomId: string): void {
    this.rooms.delete(roomId);
  }

  typers(roomId: string, now: number): string[] {
    return [...(this.rooms.get(roomId) ?? [])].filter(([, until]) => until > now).map(([userId]) => userId);
  }
}
