import type { User } from '../api/types';

/** Display names by user id, looked up once each on first use; listeners hear when a name arrives. */
export class UserDirectory {
  private readonly users = new Map<string, User>();
  private readonly asked = new Set<string>();
  private readonly listeners = new Set<() => void>();
  version = 0;

  constructor(private readonly lookup: (userId: string) => Promise<User>) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  remember(user: User): void {
    this.users.set(user.userId, user);
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** The display name, or undefined while it is being looked up (a failed lookup is not repeated). */
  name(userId: string): string | undefined {
    const user = this.users.get(userId);
    if (user) return user.displayName;
    if (!this.asked.has(userId)) {
      this.asked.add(userId);
      this.lookup(userId).then((u) => this.remember(u), () => undefined);
    }
    return undefined;
  }
}
