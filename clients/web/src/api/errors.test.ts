import { describe, expect, it } from 'vitest';
import { isRetriable, parseErrorCode, userMessage, userMessageForCode, errorCodes } from './errors';

describe('parseErrorCode', () => {
  it('finds the code after the SignalR prefix', () => {
    const text = "An unexpected error occurred invoking 'SendMessage' on the server. HubException: forbidden: not a member of this room";
    expect(parseErrorCode(text)).toBe('forbidden');
  });

  it.each(errorCodes)('parses %s at the start of a REST detail', (code) => {
    expect(parseErrorCode(`${code}: something`)).toBe(code);
  });

  it('ignores a code word that is not followed by ": "', () => {
    expect(parseErrorCode('the request was invalid')).toBeUndefined();
    expect(parseErrorCode('notforbidden: x')).toBeUndefined();
  });

  it('returns undefined for empty input', () => {
    expect(parseErrorCode(undefined)).toBeUndefined();
    expect(parseErrorCode('')).toBeUndefined();
  });
});

describe('userMessage', () => {
  it('maps every code to its own text', () => {
    const texts = new Set(errorCodes.map((c) => userMessageForCode(c)));
    expect(texts.size).toBe(errorCodes.length);
  });

  it('maps a hub error to the code text', () => {
    const error = new Error("An unexpected error occurred invoking 'GetHistory' on the server. HubException: unauthorized: expired");
    expect(userMessage(error)).toBe(userMessageForCode('unauthorized'));
    expect(userMessage(error)).toMatch(/sign in again/);
  });

  it('falls back to a connection text for an error without a code', () => {
    expect(userMessage(new Error('WebSocket closed'))).toMatch(/connection/);
  });

  it('retries only transient failures', () => {
    expect(isRetriable('rate_limited')).toBe(true);
    expect(isRetriable(undefined)).toBe(true);
    expect(isRetriable('forbidden')).toBe(false);
    expect(isRetriable('invalid')).toBe(false);
  });
});
