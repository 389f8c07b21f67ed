import { create } from 'zustand';
import { parseRoute, routeHash, type Route } from './router';

export type Toast = { id: number; kind: 'error' | 'info'; text: string };

type UiState = {
  route: Route;
  /** Bumped to ask the list's search box to take the focus. */
  searchFocus: number;
  toasts: Toast[];
  showShortcuts: boolean;
  navigate: (route: Route) => void;
  syncFromLocation: () => void;
  focusSearch: () => void;
  toast: (kind: Toast['kind'], text: string) => void;
  dismissToast: (id: number) => void;
  toggleShortcuts: (show?: boolean) => void;
};

let toastId = 0;

/** UI state only: where the user is and what is on screen. Data lives in main. */
export const useUi = create<UiState>((set) => ({
  route: parseRoute(window.location.hash),
  searchFocus: 0,
  toasts: [],
  showShortcuts: false,
  navigate: (route) => {
    const hash = routeHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
  syncFromLocation: () => set({ route: parseRoute(window.location.hash) }),
  focusSearch: () => set((s) => ({ route: { name: 'tickets' }, searchFocus: s.searchFocus + 1 })),
  toast: (kind, text) => {
    const id = ++toastId;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), kind === 'error' ? 8000 : 3500);
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  toggleShortcuts: (show) => set((s) => ({ showShortcuts: show ?? !s.showShortcuts })),
}));
