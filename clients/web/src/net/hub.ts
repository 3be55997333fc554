import { HubConnectionBuilder, LogLevel, type IRetryPolicy } from '@microsoft/signalr';

/** The part of a SignalR HubConnection the chat client uses (a fake implements it in unit tests). */
export interface HubLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  send(method: string, ...args: unknown[]): Promise<void>;
  on(event: string, handler: (...args: never[]) => void): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export const chatHubPath = '/hubs/chat';

// The default policy gives up after four attempts; a chat client keeps trying, backing off to 30 seconds.
export const keepTrying: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(30_000, 1000 * 2 ** Math.min(previousRetryCount, 5)),
};

/** A real connection: the token travels as access_token (browsers cannot set headers on WebSockets). */
export function createHub(accessToken: () => string, device: string, baseUrl = ''): HubLike {
  return new HubConnectionBuilder()
    .withUrl(`${baseUrl}${chatHubPath}?device=${encodeURIComponent(device)}`, { accessTokenFactory: accessToken })
    .withAutomaticReconnect(keepTrying)
    .configureLogging(LogLevel.Warning)
    .build() as unknown as HubLike;
}
