import type { Status } from './enums';

const waiting: Status[] = ['waitingRequester', 'waitingMsp', 'waitingVendor'];

/** Allowed status moves. Reopening (from resolved or closed) always goes back to "in progress". */
export const statusTransitions: Record<Status, readonly Status[]> = {
  new: ['inProgress', ...waiting, 'resolved'],
  inProgress: [...waiting, 'resolved'],
  waitingRequester: ['inProgress', 'waitingMsp', 'waitingVendor', 'resolved'],
  waitingMsp: ['inProgress', 'waitingRequester', 'waitingVendor', 'resolved'],
  waitingVendor: ['inProgress', 'waitingRequester', 'waitingMsp', 'resolved'],
  resolved: ['closed', 'inProgress'],
  closed: ['inProgress'],
};

export const canTransition = (from: Status, to: Status): boolean => statusTransitions[from].includes(to);

export const openStatuses: readonly Status[] = ['new', 'inProgress', ...waiting];
export const isOpen = (status: Status): boolean => openStatuses.includes(status);
export const isWaiting = (status: Status): boolean => waiting.includes(status);
