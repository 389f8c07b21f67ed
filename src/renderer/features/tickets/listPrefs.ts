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
  // A one-person desk rarely needs the assignee column; it is a click away in Columns.
  columnVisibility: { channel: false, tier: false, updated: false, assignee: false },
};
