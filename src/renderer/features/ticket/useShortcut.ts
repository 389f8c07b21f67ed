import { useEffect, useRef } from 'react';
import { ownValue } from '../../../shared/domain/own';

const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);
const ACTIVATING_ROLES = new Set(['button', 'link', 'tab', 'menuitem', 'checkbox', 'radio', 'switch']);

/**
 * True when the key press belongs to something else and must not trigger a view's shortcut: a text field, an open
 * dialog (the view behind it is inert), or Enter/Space on a button or link (they press it, not the selected card).
 */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return false;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  if (target.closest('dialog[open]')) return true;
  if (event.key !== 'Enter' && event.key !== ' ') return false;
  return ACTIVATES.has(tag) || ACTIVATING_ROLES.has(target.getAttribute('role') ?? '');
}

/** Single-key shortcuts for a view, ignored while the user types. */
export function useKeys(handlers: Record<string, (event: KeyboardEvent) => void>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
      const handler = ownValue(ref.current, event.key);
      if (handler) {
        event.preventDefault();
        handler(event);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
