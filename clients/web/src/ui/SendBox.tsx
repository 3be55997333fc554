import { useState, type FormEvent, type KeyboardEvent } from 'react';

const maxLength = 4000;

export function SendBox({ onSend, onTyping }: { onSend: (text: string) => void; onTyping: () => void }) {
  const [text, setText] = useState('');

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
  }

  // Enter sends; Shift+Enter starts a new line.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) submit(event);
  }

  return (
    <form className="send-box" onSubmit={submit}>
      <label htmlFor="message-text" className="visually-hidden">Message</label>
      <textarea id="message-text" rows={1} value={text} maxLength={maxLength} placeholder="Write a message"
        onChange={(e) => { setText(e.target.value); onTyping(); }} onKeyDown={onKeyDown} />
      <button type="submit" disabled={!text.trim()}>Send</button>
    </form>
  );
}
