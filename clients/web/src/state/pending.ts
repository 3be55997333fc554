export interface PendingSend {
  clientMessageId: string;
  roomId: string;
  text: string;
  createdAt: string;
  state: 'sending' | 'failed';
  /** User-facing reason of the last failure. */
  error?: string;
  /** Whether resending the same clientMessageId may succeed (rate limited, network, server error). */
  retriable?: boolean;
  /** The messageId this send replies to (sent as replyTo, unchanged on every retry). */
  replyTo?: string;
  /** The stored message's id when its MessageReceived came before the ack (the message is then shown already). */
  echoedAs?: string;
}

/**
 * Own messages not yet acknowledged. The clientMessageId is fixed when the user presses send and reused on
 * every retry, so the server stores the message once however often it is resent.
 */
export class PendingSends {
  private readonly items = new Map<string, PendingSend>();

  add(roomId: string, text: string, clientMessageId: string = crypto.randomUUID(), replyTo?: string): PendingSend {
    const item: PendingSend = { clientMessageId, roomId, text, createdAt: new Date().toISOString(), state: 'sending', ...(replyTo ? { replyTo } : {}) };
    this.items.set(clientMessageId, item);
    return item;
  }

  get(clientMessageId: string): PendingSend | undefined {
    return this.items.get(clientMessageId);
  }

  forRoom(roomId: string): PendingSend[] {
    return [...this.items.values()].filter((p) => p.roomId === roomId);
  }

  /** What to resend after a reconnect: still sending, or failed for a transient reason. */
  resendable(): PendingSend[] {
    return [...this.items.values()].filter((p) => p.state === 'sending' || p.retriable);
  }

  /**
   * Our own message arrived as MessageReceived before its ack. Messages do not carry the clientMessageId, so the
   * oldest in-flight send with the same text stands for it; with equal texts, which one is hidden does not show.
   */
  markEchoed(roomId: string, text: string, messageId: string): void {
    const sends = [...this.items.values()];
    if (sends.some((p) => p.echoedAs === messageId)) return;
    const match = sends.find((p) => p.roomId === roomId && p.state === 'sending' && !p.echoedAs && p.text.trim() === text);
    if (match) this.update(match.clientMessageId, { echoedAs: messageId });
  }

  /**
   * What the conversation shows below the timeline: sends not shown yet as stored messages. An echoed send is
   * stored even if its ack is lost; it stays in the list only to be resent (and so acknowledged) on reconnect.
   */
  visible(roomId: string): PendingSend[] {
    return this.forRoom(roomId).filter((p) => !p.echoedAs);
  }

  markSending(clientMessageId: string): void {
    this.update(clientMessageId, { state: 'sending', error: undefined, retriable: undefined });
  }

  markFailed(clientMessageId: string, error: string, retriable: boolean): void {
    this.update(clientMessageId, { state: 'failed', error, retriable });
  }

  /** Removes and returns the send (on its ack, or when the user discards it). */
  remove(clientMessageId: string): PendingSend | undefined {
    const item = this.items.get(clientMessageId);
    this.items.delete(clientMessageId);
    return item;
  }

  dropRoom(roomId: string): void {
    for (const p of this.forRoom(roomId)) this.items.delete(p.clientMessageId);
  }

  private update(clientMessageId: string, change: Partial<PendingSend>): void {
    const item = this.items.get(clientMessageId);
    if (item) this.items.set(clientMessageId, { ...item, ...change });
  }
}
