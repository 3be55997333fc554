import { useEffect, useRef, useState } from 'react';

/**
 * Focus handling of a dialog or panel: remembers the control that opened it (read during the first render, before
 * anything inside takes focus), moves focus into it, and gives that control focus back when it closes, so keyboard
 * users continue where they were. Escape closes it wherever focus is, even after the focused control went away
 * (a removed member's button); fields inside that use Escape themselves stop it from reaching the document.
 */
export function useDialog<T extends HTMLElement>(onClose: () => void) {
  const [opener] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  const container = useRef<T>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  const close = () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    closeRef.current();
  };
  const latestClose = useRef(close);
  latestClose.current = close;

  useEffect(() => {
    const el = container.current;
    if (el && !el.contains(document.activeElement)) el.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) latestClose.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // When the focused control disappears (a removed member's button), focus falls to the page: keep it inside, so
  // Tab continues from here.
  useEffect(() => {
    if (document.activeElement === document.body) container.current?.focus();
  });

  return { container, close };
}
