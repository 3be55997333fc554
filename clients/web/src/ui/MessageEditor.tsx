import { useState, type FormEvent, type KeyboardEvent } from 'react';

const maxLength = 4000;

/** Inline editing of an own message: Enter saves, Shift+Enter starts a new line, Escape cancels. */
export function MessageEditor({ initial, onSave, onCancel }: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial);

  function save(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (trimmed) onSave(trimmed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) save(event);
    else if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <form className="editor" onSubmit={save}>
      <textarea aria-label="Edit message" value={text} maxLength={maxLength} rows={2} autoFocus
        onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown}
        onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)} />
      <span className="actions">
        <button type="submit" disabled={!text.trim()}>Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </span>
    </form>
  );
}
