import { useEffect, useState } from 'react';
import { parseErrorCode, userMessage } from '../api/errors';
import type { RestApi } from '../api/rest';
import { ChatClient } from '../net/chatClient';
import { createHub } from '../net/hub';
import { ChatStore } from '../state/chatStore';
import { UserDirectory } from '../state/userDirectory';
import { ConnectionBanner } from './ConnectionBanner';
import { Conversation } from './Conversation';
import { useVersion } from './hooks';
import { NewRoomDialog } from './NewRoomDialog';
import { StatusSelect } from './Presence';
import { RoomList } from './RoomList';
import type { Session } from './session';

interface Chat { client: ChatClient; users: UserDirectory }
interface Props { api: RestApi; session: Session; onSignOut: () => void }

// One device id per browser tab, so presence counts each tab as a device.
const device = `web-${crypto.randomUUID().slice(0, 8)}`;

export function ChatScreen({ api, session, onSignOut }: Props) {
  const [chat, setChat] = useState<Chat>();

  useEffect(() => {
    const client = new ChatClient(createHub(() => session.token, device), new ChatStore(session.user.userId));
    const users = new UserDirectory((userId) => api.user(session.token, userId));
    users.remember(session.user);
    setChat({ client, users });
    connect(client, onSignOut);
    return () => void client.stop();
  }, [api, session, onSignOut]);

  if (!chat) return null;
  return <ChatLayout chat={chat} session={session} api={api} onSignOut={onSignOut} />;
}

function connect(client: ChatClient, onSignOut: () => void): void {
  client.start().catch((error: unknown) => {
    if (parseErrorCode(error instanceof Error ? error.message : undefined) === 'unauthorized' || /401/.test(String(error))) onSignOut();
    else client.store.setConnection('offline');
  });
}

function ChatLayout({ chat, session, api, onSignOut }: { chat: Chat } & Props) {
  const { client, users } = chat;
  const store = client.store;
  useVersion(store);
  useVersion(users);
  const [creating, setCreating] = useState(false);
  const [statusError, setStatusError] = useState<string>();
  const active = store.activeRoomId;

  // Back to the list (phones): focus returns to the room just left, not to the top of the page.
  function back(roomId: string) {
    store.open(undefined);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`nav [data-room-id="${CSS.escape(roomId)}"]`)?.focus());
  }

  return (
    <div className="chat" data-view={active ? 'room' : 'list'}>
      <header className="topbar">
        <h1>ChatDapr</h1>
        <span className="me">{session.user.displayName}</span>
        <button type="button" onClick={() => setCreating(true)}>New chat</button>
        <button type="button" onClick={onSignOut}>Sign out</button>
      </header>
      <ConnectionBanner state={store.connection} onReconnect={() => connect(client, onSignOut)} />
      <nav className="rooms" aria-label="Rooms">
        <div className="rooms-header">
          <h2>Chats</h2>
          <StatusSelect status={store.myStatus}
            onChange={(s) => { setStatusError(undefined); client.setStatus(s).catch((e: unknown) => setStatusError(userMessage(e))); }} />
        </div>
        {statusError && <p role="alert" className="error">{statusError}</p>}
        <RoomList store={store} users={users} onOpen={(roomId) => store.open(roomId)} />
      </nav>
      <main className="conversation">
        {active ? <Conversation key={active} api={api} token={session.token} client={client} users={users} roomId={active} onBack={() => back(active)} />
          : <p className="empty">Choose a conversation, or start a new chat.</p>}
      </main>
      {creating && (
        <NewRoomDialog api={api} token={session.token} client={client} users={users}
          onClose={(roomId) => { setCreating(false); if (roomId) store.open(roomId); }} />
      )}
    </div>
  );
}
