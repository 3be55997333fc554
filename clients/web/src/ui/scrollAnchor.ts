import { useLayoutEffect, useRef, type DependencyList, type RefObject } from 'react';

const nearEdge = 40;

interface Anchor { seq: string; offset: number }

/**
 * Keeps a scrolling message list where the reader left it. At the bottom, it follows new content (messages, a reply
 * bar, a "seen by" line). Elsewhere, it pins the first message in view: after any change above it (an older page
 * prepended, an edit, a line appearing) that message is put back at the same offset. Pinning a message instead of
 * adding the change in scrollHeight keeps working when several things change at once, and the list has
 * `overflow-anchor: none` so the browser's own scroll anchoring does not correct a second time.
 * Returns the scroll handler; it reports whether the reader is near the top (time to load older messages).
 */
export function useScrollAnchor(list: RefObject<HTMLElement | null>, deps: DependencyList): () => boolean {
  const atBottom = useRef(true);
  const anchor = useRef<Anchor | undefined>(undefined);

  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    const pinned = anchor.current;
    const item = pinned && el.querySelector<HTMLElement>(`li.message[data-seq="${pinned.seq}"]`);
    if (pinned && item) el.scrollTop += offsetIn(el, item) - pinned.offset;
    // deps are the caller's: whatever changes the list's content.
  }, deps);

  return () => {
    const el = list.current;
    if (!el) return false;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < nearEdge;
    anchor.current = firstInView(el);
    return el.scrollTop < nearEdge;
  };
}

function offsetIn(list: HTMLElement, item: HTMLElement): number {
  return item.getBoundingClientRect().top - list.getBoundingClientRect().top;
}

function firstInView(list: HTMLElement): Anchor | undefined {
  const top = list.getBoundingClientRect().top;
  for (const item of list.querySelectorAll<HTMLElement>('li.message[data-seq]')) {
    if (item.getBoundingClientRect().bottom > top && item.dataset.seq) return { seq: item.dataset.seq, offset: offsetIn(list, item) };
  }
  return undefined;
}
