import type { ChangeEvent, ParsedInput } from '../../shared/contract';
import { isOpenAction, type ActionItem, type ActionState } from '../../shared/domain/problem';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import * as q from '../queries/problems';
import type { ServiceContext } from './context';

/** Action items of problems: owner, due date, state; overdue ones reminded once per due date. */
export function problemActions(ctx: ServiceContext) {
  const actor = () => ctx.settings().coordinatorName;
  const today = () => ctx.now().toISOString().slice(0, 10);
  const toItem = (row: q.ActionRow): ActionItem => {
    const state = row.state as ActionState;
    return {
      id: row.id,
      problemId: row.problem_id,
      title: row.title,
      owner: row.owner,
      due: row.due,
      state,
      overdue: isOpenAction(state) && row.due < today(),
      doneAt: row.done_at,
    };
  };
  const event = (kind: string, row: q.ActionRow, extra: Record<string, unknown> = {}) =>
    appendEvent(ctx.db, {
      ticketId: null,
      at: ctx.now().toISOString(),
      actor: actor(),
      kind,
      data: { problemId: row.problem_id, actionId: row.id, title: row.title, due: row.due, state: row.state, ...extra },
    });
  const existing = (id: number) => {
    const row = q.findAction(ctx.db, id);
    if (!row) throw new AppError('not_found', 'not_found_action', { id });
    return row;
  };
  const planned = () => q.openActions(ctx.db).map((row) => ({ ...toItem(row), problemTitle: row.problem_title }));

  return {
    of: (problemId: number) => q.actionsOf(ctx.db, problemId).map(toItem),
    countsByProblem() {
      const counts = new Map<number, { open: number; overdue: number }>();
      for (const item of planned()) {
        const c = counts.get(item.problemId) ?? { open: 0, overdue: 0 };
        c.open += 1;
        if (item.overdue) c.overdue += 1;
        counts.set(item.problemId, c);
      }
      return counts;
    },
    planned,
    save(input: ParsedInput<'problems.actions.save'>, _problemTitle: string, day: string): ActionItem {
      const before = input.id === undefined ? undefined : existing(input.id);
      if (before && before.problem_id !== input.problemId)
        throw new AppError('not_found', 'not_found_action', { id: before.id });
      // A new due date lies ahead; an unchanged one may have passed (the item is then simply overdue).
      if (input.due < day && input.due !== before?.due)
        throw new AppError('invalid_input', 'problem_action_due_past', { due: input.due });
      return ctx.write(
        () => {
          if (!before) {
            const id = q.insertAction(ctx.db, {
              problem_id: input.problemId,
              title: input.title,
              owner: input.owner,
              due: input.due,
              state: 'open',
              created_at: ctx.now().toISOString(),
            });
            const row = existing(id);
            event('problem.actionAdded', row, { owner: row.owner });
            return toItem(row);
          }
          q.updateAction(ctx.db, { ...before, title: input.title, owner: input.owner, due: input.due });
          const row = existing(before.id);
          event('problem.actionSaved', row, { owner: row.owner });
          return toItem(row);
        },
        (item) => [{ entity: 'problem', ids: [item.problemId] }],
      );
    },
    setState(input: ParsedInput<'problems.actions.setState'>): ActionItem {
      return ctx.write(
        () => {
          const before = existing(input.id);
          if (before.state === input.state) return toItem(before);
          const done = input.state === 'done' ? ctx.now().toISOString() : null;
          q.updateAction(ctx.db, { ...before, state: input.state, done_at: done });
          const row = existing(before.id);
          event('problem.actionState', row, { stateBefore: before.state });
          return toItem(row);
        },
        (item) => [{ entity: 'problem', ids: [item.problemId] }],
      );
    },
    /** Overdue open items not reminded since their due date: marked and answered (once each). */
    remind() {
      const due = planned().filter((item) => item.overdue);
      const rows = due.map((item) => existing(item.id)).filter((row) => row.reminded_at === null);
      if (!rows.length) return [];
      return ctx.write(
        () => {
          const at = ctx.now().toISOString();
          for (const row of rows) {
            q.markReminded(ctx.db, row.id, at);
            event('problem.actionOverdue', row);
          }
          const ids = new Set(rows.map((r) => r.id));
          return due.filter((item) => ids.has(item.id));
        },
        (items): ChangeEvent[] => [
          { entity: 'problem', ids: [...new Set(items.map((i) => i.problemId))] },
          {
            entity: 'actionOverdue',
            ids: items.map((i) => i.id),
            actions: items.map((i) => ({ title: i.title, problemTitle: i.problemTitle, due: i.due })),
          },
        ],
      );
    },
  };
}
