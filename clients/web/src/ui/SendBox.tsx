import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

const maxLength = 4000;

export interface ReplyTarget { messageId: string; sender: string; text: string }

interface Props {
  onSend: (text: string) => void;
  onTyping: () => void;
  replyTo?: ReplyTarget;
  onCancelReply?: () => void;
}

export function SendBox({ onSend, onTyping, replyTo, onCancelReply }: Props) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);

  // Choosing "Reply" moves to the text box, so the answer can be typed at once.
  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
  }

  // Enter sends; Shift+Enter starts a new line; Escape drops the reply target.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) submit(event);
    else if (event.key === 'Escape' && replyTo) {
      event.stopPropagation();
      onCancelReply?.();
    }
  }

  function cancelReply() {
    onCancelReply?.();
    input.current?.focus();
  }

  return (
    <div className="composer">
      {replyTo && (
        <div className="reply-target">
          <span className="reply-target-text">Replying to <strong>{replyTo.sender}</strong>: {replyTo.text}</span>
          <button type="button" onClick={cancelReply}>Cancel reply</button>
        </div>
      )}
      <form className="send-box" onSubmit={submit}>
        <label htmlFor="message-text" className="visually-hidden">Message</label>
        <textarea id="message-text" ref={input} rows={1} value={text} maxLength={maxLength} placeholder="Write a message"
          onChange={(e) => { setText(e.target.value); onTyping(); }} onKeyDown={onKeyDown} />
        <button type="submit" disabled={!text.trim()}>Send</button>
      </form>
    </div>
  );
}
