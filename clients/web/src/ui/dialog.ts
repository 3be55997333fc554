import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Focus handling of a dialog or panel: remembers the control that opened it (read during the first render, before
 * anything inside takes focus), moves focus into it, and gives that control focus back when it closes, so keyboard
 * users continue where they were. Escape closes.
 */
export function useDialog<T extends HTMLElement>(onClose: () => void) {
  const [opener] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  const container = useRef<T>(null);

  useEffect(() => {
    const el = container.current;
    if (el && !el.contains(document.activeElement)) el.focus();
  }, []);

  const close = () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };
  return { container, close, onKeyDown };
}
