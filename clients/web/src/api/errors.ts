// Hub errors arrive as "An unexpected error occurred invoking 'X' on the server. HubException: <code>: <detail>";
// REST problem details carry "<code>: <detail>" in detail. Clients switch on the code only (docs/api.md).
export const errorCodes = ['forbidden', 'not_found', 'invalid', 'conflict', 'rate_limited', 'unauthorized', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

const codePattern = new RegExp(`(?:^|\\s)(${errorCodes.join('|')}): `);

export function parseErrorCode(message: string | undefined | null): ErrorCode | undefined {
  const match = message ? codePattern.exec(message) : null;
  return match ? (match[1] as ErrorCode) : undefined;
}

const texts: Record<ErrorCode, string> = {
  forbidden: 'You are not allowed to do that here. You may no longer be a member of this room.',
  not_found: 'That room, message or user no longer exists.',
  invalid: 'That request was not accepted. Check the text and try again.',
  conflict: 'That conflicts with something that already exists (for example, the username is taken).',
  rate_limited: 'You are sending too fast. Your message will be retried in a moment.',
  unauthorized: 'Your session has ended. Please sign in again.',
  internal: 'Something went wrong on the server. Please try again.',
};

export function userMessageForCode(code: ErrorCode | undefined): string {
  return code ? texts[code] : 'Could not reach the server. Check your connection and try again.';
}

export function userMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
  return userMessageForCode(parseErrorCode(message));
}

/** A send failing with one of these is worth retrying with the same clientMessageId. */
export function isRetriable(code: ErrorCode | undefined): boolean {
  return code === undefined || code === 'rate_limited' || code === 'internal';
}
