/** What others see (GetPresence, PresenceChanged); `invisible` users are reported as offline. */
export type PresenceStatus = 'online' | 'away' | 'busy' | 'offline';
/** What a user may choose for themself with SetStatus. */
export type OwnStatus = 'online' | 'away' | 'busy' | 'invisible';

export const ownStatuses: readonly OwnStatus[] = ['online', 'away', 'busy', 'invisible'];

export interface PresenceInfo { userId: string; status: string; lastSeen?: string | null }

const known = new Set<string>(['online', 'away', 'busy', 'offline']);

/** Last known presence per user. An unknown status from a newer server reads as offline rather than breaking. */
export class PresenceBook {
  private readonly statuses = new Map<string, PresenceStatus>();

  /** Returns whether the shown status changed. */
  apply(info: PresenceInfo): boolean {
    const status = (known.has(info.status) ? info.status : 'offline') as PresenceStatus;
    if (this.statuses.get(info.userId) === status) return false;
    this.statuses.set(info.userId, status);
    return true;
  }

  status(userId: string): PresenceStatus | undefined {
    return this.statuses.get(userId);
  }

  has(userId: string): boolean {
    return this.statuses.has(userId);
  }
}

/**
 * The user's own status as the server reports it: connected but shown offline means they chose invisible
 * (GetPresence never answers "invisible", and a connected user is never offline otherwise).
 */
export function ownStatusFromPresence(status: string | undefined): OwnStatus {
  if (status === 'offline') return 'invisible';
  return status === 'away' || status === 'busy' ? status : 'online';
}
