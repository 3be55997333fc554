import type { HubLike } from './hub';

type Handler = (...args: never[]) => unknown;

/** An in-memory HubLike for unit tests: records invocations and answers them from per-method handlers. */
export class FakeHub implements HubLike {
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly answers = new Map<string, (...args: unknown[]) => unknown>();
  private readonly events = new Map<string, Handler>();
  private reconnecting?: () => void;
  private reconnected?: () => void;
  private closed?: () => void;

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    this.calls.push({ method, args });
    const answer = this.answers.get(method);
    return (answer ? await answer(...args) : undefined) as T;
  }

  async send(method: string, ...args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
  }

  on(event: string, handler: Handler): void {
    this.events.set(event, handler);
  }
  onreconnecting(callback: () => void): void {
    this.reconnecting = callback;
  }
  onreconnected(callback: () => void): void {
    this.reconnected = callback;
  }
  onclose(callback: () => void): void {
    this.closed = callback;
  }

  emit(event: string, payload: unknown): void {
    (this.events.get(event) as ((p: unknown) => void) | undefined)?.(payload);
  }
  drop(): void {
    this.reconnecting?.();
  }
  reconnect(): void {
    this.reconnected?.();
  }
  dropAndReconnect(): void {
    this.drop();
    this.reconnect();
  }
  close(): void {
    this.closed?.();
  }
  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}
