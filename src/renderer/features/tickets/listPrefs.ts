import type { TicketFilter, TicketSort } from '../../../shared/contract/tickets';

export type ListPrefs = {
  filter: TicketFilter;
  sort: TicketSort;
  columnSizing: Record<string, number>;
  columnVisibility: Record<string, boolean>;
};

export const defaultListPrefs: ListPrefs = {
  filter: { open: true },
  sort: { by: 'priority', dir: 'asc' },
  columnSizing: {},
  columnVisibility: { channel: false, tier: false, updated: false },
};
