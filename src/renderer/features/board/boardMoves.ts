import type { BoardCard, BoardColumn } from '../../../shared/contract/board';
import { priorityRank, type Priority, type Status } from '../../../shared/domain/enums';
import { canTransition } from '../../../shared/domain/status';

export const boardColumns: readonly BoardColumn[] = ['new', 'inProgress', 'waiting', 'resolvedToday'];
export const waitingStatuses = ['waitingRequester', 'waitingMsp', 'waitingVendor'] as const;

export const columnOf = (status: Status): BoardColumn =>
  status === 'new' || status === 'inProgress'
    ? status
    : status === 'resolved' || status === 'closed'
      ? 'resolvedToday'
      : 'waiting';

/** What a drop or a keyboard move asks for, and what must still be asked before it can be done. */
export type MovePlan = {
  card: BoardCard;
  priority: Priority | null;
  /** The status to move to; "waiting" still needs a choice of whom it waits on. */
  status: Status | 'waiting' | null;
  waitingChoices: Status[];
};

/** null when the move is not allowed (e.g. back to "new", or nothing would change). */
export function planMove(card: BoardCard, priority: Priority, column: BoardColumn): MovePlan | null {
  const from = columnOf(card.status);
  const newPriority = priority === card.priority ? null : priority;
  if (column === from) return newPriority ? { card, priority: newPriority, status: null, waitingChoices: [] } : null;
  if (column === 'waiting') {
    const choices = waitingStatuses.filter((status) => canTransition(card.status, status));
    return choices.length ? { card, priority: newPriority, status: 'waiting', waitingChoices: choices } : null;
  }
  const status: Status = column === 'resolvedToday' ? 'resolved' : column;
  return canTransition(card.status, status) ? { card, priority: newPriority, status, waitingChoices: [] } : null;
}

/** The neighbour column or priority a keyboard move goes to, or null at the edge. */
export function neighbour(
  card: BoardCard,
  direction: 'left' | 'right' | 'up' | 'down',
): [Priority, BoardColumn] | null {
  const column = boardColumns.indexOf(columnOf(card.status));
  const rank = priorityRank[card.priority];
  if (direction === 'left' || direction === 'right') {
    const next = boardColumns[column + (direction === 'left' ? -1 : 1)];
    return next ? [card.priority, next] : null;
  }
  const nextRank = rank + (direction === 'up' ? -1 : 1);
  if (nextRank < 1 || nextRank > 4) return null;
  return [`P${nextRank}` as Priority, columnOf(card.status)];
}
