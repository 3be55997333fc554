import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChatStore } from '../state/chatStore';
import { msg } from '../state/testMessages';
import { UserDirectory } from '../state/userDirectory';
import { ConnectionBanner } from './ConnectionBanner';
import { MessageItem, PendingItem } from './MessageItem';
import { RoomList } from './RoomList';

const noop = () => undefined;
const users = () => new UserDirectory(async (userId) => ({ userId, username: 'x', displayName: 'X' }));

describe('UI components', () => {
  it('shows no banner while connected and a reconnect button when offline', () => {
    expect(renderToStaticMarkup(<ConnectionBanner state="connected" onReconnect={noop} />)).toBe('');
    const reconnecting = renderToStaticMarkup(<ConnectionBanner state="reconnecting" onReconnect={noop} />);
    expect(reconnecting).toContain('role="status"');
    expect(reconnecting).toContain('Reconnecting');
    expect(renderToStaticMarkup(<ConnectionBanner state="offline" onReconnect={noop} />)).toContain('>Reconnect</button>');
  });

  it('lists rooms with an accessible unread badge and the last message as preview', () => {
    const store = new ChatStore('alice');
    store.setRooms([{ roomId: 'g-1', name: 'Team', kind: 'group', lastSeq: 0, readSeq: 0, unread: 0 }]);
    store.receive(msg(1, { text: 'lunch?' }));
    store.receive(msg(2, { text: 'at noon' }));
    const html = renderToStaticMarkup(<RoomList store={store} users={users()} onOpen={noop} />);
    expect(html).toContain('Team');
    expect(html).toContain('aria-label="2 unread"');
    expect(html).toContain('at noon');
    expect(html).not.toContain('lunch?');
  });

  it('names a direct room after the other member', () => {
    const store = new ChatStore('alice');
    const directory = users();
    directory.remember({ userId: 'bob', username: 'bob', displayName: 'Bob Builder' });
    store.upsertRoom({ roomId: 'dm-1', name: '', kind: 'direct', members: [{ userId: 'alice', role: 'owner' }, { userId: 'bob', role: 'member' }], lastSeq: 0 });
    expect(renderToStaticMarkup(<RoomList store={store} users={directory} onOpen={noop} />)).toContain('Bob Builder');
  });

  it('renders deleted, edited and own messages distinctly', () => {
    expect(renderToStaticMarkup(<MessageItem message={msg(1, { deleted: true, text: '' })} own={false} sender="Bob" />)).toContain('Message deleted');
    expect(renderToStaticMarkup(<MessageItem message={msg(1, { editedAt: '2026-01-01T01:00:00Z' })} own={false} sender="Bob" />)).toContain('edited');
    expect(renderToStaticMarkup(<MessageItem message={msg(1)} own sender="Alice" />)).toContain('You');
  });

  it('shows a pending send as sending, and a failed one with its reason and a retry button', () => {
    const base = { clientMessageId: 'c1', roomId: 'g-1', text: 'hi', createdAt: '2026-01-01T00:00:00Z' };
    expect(renderToStaticMarkup(<PendingItem pending={{ ...base, state: 'sending' }} onRetry={noop} />)).toContain('Sending');
    const failed = renderToStaticMarkup(<PendingItem pending={{ ...base, state: 'failed', error: 'You are not allowed' }} onRetry={noop} />);
    expect(failed).toContain('You are not allowed');
    expect(failed).toContain('>Retry</button>');
  });

  it('shows a direct room named from GetRooms members with the peer\'s presence in words', () => {
    const store = new ChatStore('alice');
    const directory = users();
    directory.remember({ userId: 'bob', username: 'bob', displayName: 'Bob' });
    store.setRooms([{ roomId: 'dm-1', name: '', kind: 'direct', lastSeq: 0, readSeq: 0, unread: 0,
      members: [{ userId: 'alice', role: 'owner' }, { userId: 'bob', role: 'member' }] }]);
    expect(renderToStaticMarkup(<RoomList store={store} users={directory} onOpen={noop} />)).not.toContain('role="img"');
    store.presenceChanged({ userId: 'bob', status: 'away' });
    const html = renderToStaticMarkup(<RoomList store={store} users={directory} onOpen={noop} />);
    expect(html).toContain('Bob');
    expect(html).toContain('class="presence away" role="img" aria-label="Bob is away"');
  });
});
