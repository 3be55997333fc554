// The wire types of docs/api.md (JSON protocol: timestamps are ISO 8601 strings).
export type RoomKind = 'group' | 'direct';
export type Role = 'owner' | 'admin' | 'member';

export interface Attachment {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
  url?: string;
}

export interface Message {
  roomId: string;
  messageId: string;
  seq: number;
  senderId: string;
  text: string;
  sentAt: string;
  editedAt?: string;
  deleted?: boolean;
  replyTo?: string;
  attachments?: Attachment[];
}

export interface Room {
  roomId: string;
  name: string;
  kind: RoomKind;
  members: { userId: string; role: Role }[];
  lastSeq: number;
}

export interface RoomSummary {
  roomId: string;
  name: string;
  kind: RoomKind;
  lastSeq: number;
  readSeq: number;
  unread: number;
  /** Everyone with their role (servers before this field left it out). */
  members?: { userId: string; role: Role }[];
}

export interface SendAck { roomId: string; messageId: string; seq: number; sentAt: string }
export interface MessageDeletedEvent { roomId: string; messageId: string; seq: number }
export interface MemberEvent { roomId: string; userId: string }
export interface ReadReceipt { roomId: string; userId: string; seq: number }
/** One entry of GetReadMarkers(roomId): how far a current member has read the room. */
export interface MemberReadMarker { userId: string; readSeq: number }
export interface HistoryPage { messages: Message[]; hasMore: boolean }
export interface SyncRequest { roomId: string; afterSeq: number }
export interface SyncResult { roomId: string; messages: Message[]; hasMore: boolean }

export interface User { userId: string; username: string; displayName: string }
export interface LoginResult { accessToken: string; expiresAt: string; userId: string }
