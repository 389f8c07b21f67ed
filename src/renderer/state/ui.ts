import { create } from 'zustand';
import { parseRoute, routeHash, type Route } from './router';

/** A toast may offer one action, e.g. "Undo" after a status move. */
export type Toast = { id: number; kind: 'error' | 'info'; text: string; action?: { label: string; run: () => void } };

/** The change that Ctrl+Z (or the toast's button) takes back, while it still can be. */
export type Undoable = { run: () => void; until: number };
export const UNDO_MS = 8000;

type UiState = {
  route: Route;
  /** Bumped to ask the list's search box to take the focus. */
  searchFocus: number;
  toasts: Toast[];
  showShortcuts: boolean;
  navigate: (route: Route) => void;
  syncFromLocation: () => void;
  focusSearch: () => void;
  toast: (kind: Toast['kind'], text: string, action?: Toast['action']) => void;
  undoable: Undoable | null;
  /** Offers to take back what was just done: a toast with "Undo", and Ctrl+Z for a few seconds. */
  offerUndo: (text: string, label: string, run: () => void) => void;
  undoLast: () => boolean;
  dismissToast: (id: number) => void;
  toggleShortcuts: (show?: boolean) => void;
};

let toastId = 0;

/** UI state only: where the user is and what is on screen. Data lives in main. */
export const useUi = create<UiState>((set, get) => ({
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
  toast: (kind, text, action) => {
    const id = ++toastId;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text, ...(action ? { action } : {}) }] }));
    const shown = kind === 'error' ? 8000 : action ? UNDO_MS : 3500;
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), shown);
  },
  undoable: null,
  offerUndo: (text, label, run) => {
    const once = () => {
      set({ undoable: null });
      run();
    };
    // One change can be taken back at a time: an older offer is withdrawn with its toast.
    set((s) => ({ undoable: { run: once, until: Date.now() + UNDO_MS }, toasts: s.toasts.filter((t) => !t.action) }));
    get().toast('info', text, { label, run: once });
  },
  undoLast: () => {
    const undoable = get().undoable;
    if (!undoable || Date.now() > undoable.until) return false;
    undoable.run();
    return true;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  toggleShortcuts: (show) => set((s) => ({ showShortcuts: show ?? !s.showShortcuts })),
}));
