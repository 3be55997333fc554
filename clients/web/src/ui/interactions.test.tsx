// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userMessageForCode } from '../api/errors';
import { RestApi } from '../api/rest';
import type { Room, SyncRequest } from '../api/types';
import { ChatClient } from '../net/chatClient';
import { FakeHub } from '../net/fakeHub';
import { ChatStore } from '../state/chatStore';
import { msg } from '../state/testMessages';
import { UserDirectory } from '../state/userDirectory';
import { Conversation } from './Conversation';
import { useVersion } from './hooks';
import { MessageItem } from './MessageItem';
import { StatusSelect } from './Presence';
import { button, click, key, queryButton, render, settle, type, type Rendered } from './testDom';

const hubError = (code: string) => new Error(`An unexpected error occurred invoking 'X' on the server. HubException: ${code}: detail`);
let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  document.body.innerHTML = '';
});

describe('MessageItem editing and deleting', () => {
  it('edits inline: Enter saves the new text, Escape cancels, focus returns to Edit', async () => {
    const onEdit = vi.fn(async () => undefined);
    rendered = await render(<ol><MessageItem message={msg(3, { senderId: 'alice', text: 'tpyo' })} own onEdit={onEdit} onDelete={async () => undefined} canDelete /></ol>);
    const li = rendered.container.querySelector('li.message')!;
    expect(li.getAttribute('data-seq')).toBe('3');

    await click(button(li, 'Edit'));
    let editor = li.querySelector<HTMLTextAreaElement>('textarea[aria-label="Edit message"]')!;
    expect(editor.value).toBe('tpyo');
    await key(editor, 'Escape');
    expect(li.querySelector('textarea')).toBeNull();
    expect(onEdit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button(li, 'Edit'));

    await click(button(li, 'Edit'));
    editor = li.querySelector<HTMLTextAreaElement>('textarea')!;
    await type(editor, 'typo');
    await key(editor, 'Enter');
    await settle();
    expect(onEdit).toHaveBeenCalledWith('typo');
    expect(li.querySelector('textarea')).toBeNull();
  });

  it('asks before deleting and shows the error text when refused', async () => {
    const onDelete = vi.fn(async () => Promise.reject(hubError('forbidden')));
    rendered = await render(<ol><MessageItem message={msg(3)} own={false} sender="Bob" onDelete={onDelete} canDelete /></ol>);
    const li = rendered.container.querySelector('li.message')!;
    expect(queryButton(li, 'Edit')).toBeUndefined();

    await click(button(li, 'Delete'));
    expect(document.activeElement).toBe(button(li, 'Keep'));
    await key(button(li, 'Keep'), 'Escape');
    expect(queryButton(li, 'Yes, delete')).toBeUndefined();
    expect(onDelete).not.toHaveBeenCalled();

    await click(button(li, 'Delete'));
    await click(button(li, 'Yes, delete'));
    await settle();
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(li.querySelector('[role="alert"]')?.textContent).toBe(userMessageForCode('forbidden'));
  });

  it('offers no actions on a deleted message', async () => {
    rendered = await render(<ol><MessageItem message={msg(3, { deleted: true, text: '' })} own onReply={() => undefined} onDelete={async () => undefined} canDelete /></ol>);
    expect(rendered.container.querySelector('span.text')?.textContent).toBe('Message deleted');
    expect(rendered.container.querySelectorAll('button')).toHaveLength(0);
  });
});

async function conversation(room: Room) {
  const hub = new FakeHub();
  hub.answers.set('GetRooms', () => []);
  hub.answers.set('Sync', (requests) => (requests as SyncRequest[]).map((r) => ({ roomId: r.roomId, messages: [], hasMore: false })));
  hub.answers.set('GetHistory', () => ({ messages: [msg(1, { roomId: room.roomId, text: 'lunch at noon?' })], hasMore: false }));
  const client = new ChatClient(hub, new ChatStore('alice'));
  await client.start();
  client.store.upsertRoom(room);
  const users = new UserDirectory(async (userId) => ({ userId, username: userId, displayName: userId.toUpperCase() }));
  users.remember({ userId: 'bob', username: 'bob', displayName: 'Bob' });
  users.remember({ userId: 'alice', username: 'alice', displayName: 'Alice' });
  const api = new RestApi(async () => new Response('[]', { status: 200 }));
  // As in ChatLayout: re-render on every store change.
  function Live() {
    useVersion(client.store);
    useVersion(users);
    return <Conversation api={api} token="t" client={client} users={users} roomId={room.roomId} onBack={() => undefined} />;
  }
  rendered = await render(<Live />);
  await settle();
  return { hub, client, container: rendered.container };
}

const group = (myRole: 'owner' | 'member'): Room => ({
  roomId: 'g-1', name: 'Team', kind: 'group', lastSeq: 0,
  members: [{ userId: 'alice', role: myRole }, { userId: 'bob', role: myRole === 'owner' ? 'member' : 'owner' }],
});

describe('Conversation', () => {
  it('replies: the target shows above the send box, Escape drops it, Enter sends with replyTo and shows the quote', async () => {
    const { hub, client, container } = await conversation(group('owner'));
    const original = container.querySelector('li.message[data-seq="1"]')!;
    await click(button(original, 'Reply'));
    expect(container.querySelector('.reply-target')?.textContent).toContain('Replying to Bob: lunch at noon?');
    const box = container.querySelector<HTMLTextAreaElement>('#message-text')!;
    expect(document.activeElement).toBe(box);
    await key(box, 'Escape');
    expect(container.querySelector('.reply-target')).toBeNull();

    await click(button(original, 'Reply'));
    hub.answers.set('SendMessage', () => ({ roomId: 'g-1', messageId: 'm-2', seq: 2, sentAt: '2026-01-01T00:00:02Z' }));
    await type(box, 'yes!');
    await key(box, 'Enter');
    await settle();
    expect(hub.callsOf('SendMessage')[0][0]).toMatchObject({ text: 'yes!', replyTo: 'm-1' });
    const reply = container.querySelector('li.message[data-seq="2"]')!;
    expect(reply.querySelector('.reply-quote')?.textContent).toBe('In reply to Bob lunch at noon?');
    expect(container.querySelector('.reply-target')).toBeNull();
    expect(client.store.timeline('g-1').get('m-2')?.replyTo).toBe('m-1');
  });

  it('shows "Seen by" under the newest own message others have read', async () => {
    const { hub, client, container } = await conversation(group('owner'));
    client.store.receive(msg(2, { senderId: 'alice', text: 'mine' }));
    client.store.receive(msg(3, { senderId: 'alice', text: 'mine too' }));
    hub.emit('ReadReceipt', { roomId: 'g-1', userId: 'bob', seq: 2 });
    await settle();
    expect([...container.querySelectorAll('span.seen')].map((s) => [s.closest('li')?.getAttribute('data-seq'), s.textContent]))
      .toEqual([['2', 'Seen by Bob']]);
  });

  it('shows "Seen by" from the read markers as soon as the conversation opens, with no receipt event', async () => {
    const hub = new FakeHub();
    hub.answers.set('GetRooms', () => [{ roomId: 'g-1', name: 'Team', kind: 'group', lastSeq: 2, readSeq: 2, unread: 0,
      members: [{ userId: 'alice', role: 'owner' }, { userId: 'bob', role: 'member' }] }]);
    hub.answers.set('Sync', (requests) => (requests as SyncRequest[]).map((r) => ({ roomId: r.roomId, messages: [], hasMore: false })));
    hub.answers.set('GetHistory', () => ({ messages: [msg(1, { senderId: 'alice', text: 'mine' }), msg(2, { senderId: 'alice', text: 'mine too' })], hasMore: false }));
    hub.answers.set('GetReadMarkers', () => [{ userId: 'alice', readSeq: 2 }, { userId: 'bob', readSeq: 1 }]);
    const client = new ChatClient(hub, new ChatStore('alice'));
    await client.start();
    const users = new UserDirectory(async (userId) => ({ userId, username: userId, displayName: userId }));
    users.remember({ userId: 'bob', username: 'bob', displayName: 'Bob' });
    function Live() {
      useVersion(client.store);
      return <Conversation api={new RestApi(async () => new Response('[]'))} token="t" client={client} users={users} roomId="g-1" onBack={() => undefined} />;
    }
    rendered = await render(<Live />);
    await settle();
    expect(hub.callsOf('GetReadMarkers')).toEqual([['g-1']]);
    expect([...rendered.container.querySelectorAll('span.seen')].map((s) => [s.closest('li')?.getAttribute('data-seq'), s.textContent]))
      .toEqual([['1', 'Seen by Bob']]);
  });

  it('members panel: owners add and remove, everyone leaves, Escape closes and returns focus', async () => {
    const { hub, container } = await conversation(group('owner'));
    const opener = button(container, 'Members');
    opener.focus();
    await click(opener);
    const panel = container.querySelector('[role="dialog"]')!;
    expect(document.getElementById(panel.getAttribute('aria-labelledby')!)?.textContent).toBe('Members');
    expect(panel.textContent).toContain('Owner');
    button(panel, 'Add people');
    button(panel, 'Leave room');
    hub.answers.set('RemoveMember', () => Promise.reject(hubError('forbidden')));
    await click(button(panel, 'Remove Bob'));
    await settle();
    expect(panel.querySelector('[role="alert"]')?.textContent).toBe(userMessageForCode('forbidden'));
    expect(hub.callsOf('RemoveMember')).toEqual([['g-1', 'bob']]);

    await key(panel, 'Escape');
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('members panel: a removed member leaves the list, and Escape still closes the panel after focus was lost', async () => {
    const { hub, container } = await conversation(group('owner'));
    await click(button(container, 'Members'));
    const panel = container.querySelector('[role="dialog"]')!;
    hub.answers.set('RemoveMember', () => ({ ...group('owner'), members: [{ userId: 'alice', role: 'owner' }] }));
    const remove = button(panel, 'Remove Bob');
    remove.focus();
    await click(remove);
    await settle();
    expect(queryButton(panel, 'Remove Bob')).toBeUndefined();
    expect(panel.querySelector('.member-list')?.textContent).toBe('YouOwner');
    expect(panel.contains(document.activeElement)).toBe(true);
    await key(document.body, 'Escape');
    expect(container.querySelector('[role="dialog"]')).toBeNull();
  });

  it('members panel: a plain member can only leave', async () => {
    const { hub, container } = await conversation(group('member'));
    await click(button(container, 'Members'));
    const panel = container.querySelector('[role="dialog"]')!;
    expect(queryButton(panel, 'Add people')).toBeUndefined();
    expect(queryButton(panel, 'Remove Bob')).toBeUndefined();
    await click(button(panel, 'Leave room'));
    await settle();
    expect(hub.callsOf('LeaveRoom')).toEqual([['g-1']]);
  });
});

describe('StatusSelect', () => {
  it('is labelled Status and offers the four choosable statuses', async () => {
    const onChange = vi.fn();
    rendered = await render(<StatusSelect status="online" onChange={onChange} />);
    const select = rendered.container.querySelector<HTMLSelectElement>('select[aria-label="Status"]')!;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([['online', 'Online'], ['away', 'Away'], ['busy', 'Busy'], ['invisible', 'Invisible']]);
  });
});
