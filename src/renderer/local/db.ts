import Dexie, { type EntityTable } from 'dexie';

/** An unsaved intake form; kept until it is saved as a ticket or discarded on purpose. */
export type IntakeDraft = { id: string; data: unknown; updatedAt: number };
/** How a person likes a view laid out (columns, widths, filters); never ticket data. */
export type ViewPreference = { view: string; value: unknown };

class LocalDb extends Dexie {
  drafts!: EntityTable<IntakeDraft, 'id'>;
  viewPrefs!: EntityTable<ViewPreference, 'view'>;
  constructor() {
    super('leitstand-local');
    this.version(1).stores({ drafts: 'id, updatedAt', viewPrefs: 'view' });
  }
}

export const localDb = new LocalDb();

export async function loadViewPref<T>(view: string, fallback: T): Promise<T> {
  const row = await localDb.viewPrefs.get(view);
  return row ? (row.value as T) : fallback;
}

export function saveViewPref(view: string, value: unknown): Promise<unknown> {
  return localDb.viewPrefs.put({ view, value });
}
