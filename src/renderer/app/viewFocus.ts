import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../state/router';

/** The document title names the view (the ticket view names its ticket itself, once loaded). */
export function useDocumentTitle(route: Route): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (route.name === 'ticket' || route.name === 'person' || route.name === 'system') return;
    document.title = `${t(`a11y.title.${route.name}`)} – ${t('a11y.appName')}`;
  }, [route.name, t, i18n.language]);
}

export function setTicketTitle(text: string, appName: string): void {
  document.title = `${text} – ${appName}`;
}

/** The view's main control (list, next up, first field) if it names one, else its heading. */
const viewTarget = (): HTMLElement | null =>
  document.querySelector<HTMLElement>('main [data-main-focus]') ?? document.querySelector<HTMLElement>('main h1');

/**
 * On every change of view, the focus moves to the new view, so a keyboard or screen-reader user starts there and
 * not on the sidebar button they pressed. The view may still be loading: wait a few frames for it.
 */
export function useFocusOnViewChange(route: Route): void {
  const key =
    route.name === 'ticket' || route.name === 'person' || route.name === 'system'
      ? `${route.name}:${route.id}`
      : route.name === 'directory'
        ? `directory:${route.tab}`
        : route.name;
  const first = useRef(true);
  useEffect(() => {
    const initial = first.current;
    first.current = false;
    // On start the view takes the focus only if nothing has it yet.
    if (initial && document.activeElement !== document.body) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      // A view that focused a control of its own (the intake's first question) keeps it.
      if (document.querySelector('main')?.contains(document.activeElement)) return;
      const target = viewTarget();
      if (target) target.focus({ preventScroll: true });
      else if (!target && frames++ < 60) handle = requestAnimationFrame(attempt);
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  }, [key]);
}

export function focusMain(): void {
  (viewTarget() ?? document.querySelector<HTMLElement>('main'))?.focus();
}
