import { DateTime } from 'luxon';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { BoardCard, BoardCell, BoardColumn, NextUpItem, SlaBar } from '../../shared/contract/board';
import { levelSchema, prioritySchema, type Priority } from '../../shared/domain/enums';
import { leadingClock } from '../../shared/domain/slaSnapshot';
import type { SlaPolicy } from '../../shared/domain/slaPolicy';
import type { RunProgress } from '../../shared/domain/checklistRun';
import {
  boardCards,
  cellCounts,
  cellTicketIds,
  laneNumber,
  needsTriageRows,
  nextUpRows,
  openCounts,
  resolvedCounts,
  resolvedTicketIds,
  type BoardRow,
} from '../queries/board';
import { rowToSnapshot, type SnapshotRow } from '../queries/slaSnapshots';
import { findTicketRow, rowToSummary, rowToTicket } from '../queries/tickets';
import type { ServiceContext } from './context';
import type { SlaClocks } from './slaClocks';

const MINUTE = 60_000;

const checklistOf = (progress: RunProgress | undefined): BoardCard['checklist'] =>
  progress && progress.total > 0 ? { done: progress.done, total: progress.total, overdue: progress.overdue } : null;

/** The whiteboard (priority rows × status columns) and the "next up" queue, both from the stored clocks. */
type BoardDeps = {
  clocks: SlaClocks;
  policy: () => SlaPolicy;
  progressFor: (ticketIds: readonly number[]) => Map<number, RunProgress>;
  mspClocksFor: (ticketIds: readonly number[]) => Map<number, { reference: string | null; late: boolean }>;
};

export function boardService(ctx: ServiceContext, sla: BoardDeps) {
  /** The card's clock at `now`; a ticket not yet given stored clocks (older data) is computed on the spot. */
  function barOf(row: BoardRow, now: Date): SlaBar {
    const calendar = sla.clocks.calendarFor();
    const snapshot =
      row.ticket_id != null
        ? rowToSnapshot(row as SnapshotRow)
        : (() => {
            const { firstResponse, resolution } = sla.clocks.compute(rowToTicket(findTicketRow(ctx.db, row.id)!), now);
            return { first: firstResponse, resolution };
          })();
    const lead = leadingClock(snapshot.first, snapshot.resolution, now.getTime(), calendar);
    return {
      clock: lead.clock,
      level: lead.level,
      dueAt: lead.dueAt === null ? null : new Date(lead.dueAt).toISOString(),
      remainingMinutes: Math.round(lead.remainingMs / MINUTE),
      fraction: Math.round(lead.fraction * 1000) / 1000,
    };
  }

  return {
    'board.get': ({ filter, perCell }: ParsedInput<'board.get'>): MethodOutput<'board.get'> => {
      const now = ctx.now();
      const coordinator = ctx.settings().coordinatorName;
      const startOfToday = DateTime.fromJSDate(now, { zone: sla.policy().timeZone }).startOf('day').toUTC().toISO()!;
      // Open cells from the board's own index (≤ perCell entries each, plus counts); resolved today by range.
      const counts = new Map(cellCounts(ctx.db, filter, coordinator).map((c) => [`${c.priority}|${c.lane}`, c.n]));
      const resolved = new Map(resolvedCounts(ctx.db, filter, startOfToday, coordinator).map((c) => [c.priority, c.n]));
      const placed: { priority: Priority; column: BoardColumn; total: number; ids: number[] }[] = [];
      for (const priority of prioritySchema.options) {
        const level = Number(priority.slice(1));
        for (const lane of ['new', 'inProgress', 'waiting'] as const) {
          const total = counts.get(`${level}|${laneNumber[lane]}`) ?? 0;
          const ids = total ? cellTicketIds(ctx.db, { priority: level, lane }, filter, coordinator, perCell) : [];
          placed.push({ priority, column: lane, total, ids });
        }
        const total = resolved.get(level) ?? 0;
        const ids = total ? resolvedTicketIds(ctx.db, level, filter, startOfToday, coordinator, perCell) : [];
        placed.push({ priority, column: 'resolvedToday', total, ids });
      }
      const shown = placed.flatMap((cell) => cell.ids);
      const details = new Map(boardCards(ctx.db, shown).map((row) => [row.id, row]));
      const progress = sla.progressFor(shown);
      const mspClocks = sla.mspClocksFor(
        shown.filter((id) => details.get(id)?.tier === 'msp' || details.get(id)?.status === 'waitingMsp'),
      );
      const result: BoardCell[] = placed.map(({ priority, column, total, ids }) => ({
        priority,
        column,
        total,
        cards: ids.flatMap((id) => {
          const row = details.get(id);
          return row
            ? [
                {
                  ...rowToSummary(row),
                  version: row.version,
                  msp: row.tier === 'msp' || row.status === 'waitingMsp',
                  mspClock: mspClocks.get(id) ?? null,
                  sla: barOf(row, now),
                  checklist: checklistOf(progress.get(id)),
                } satisfies BoardCard,
              ]
            : [];
        }),
      }));
      return { cells: result, generatedAt: now.toISOString() };
    },

    'tickets.nextUp': ({ limit }: ParsedInput<'tickets.nextUp'>): MethodOutput<'tickets.nextUp'> => {
      const now = ctx.now();
      const pausing = sla.policy().pausing;
      // As in an emergency room, whoever has not been triaged yet comes first: their priority is a placeholder.
      const untriaged = needsTriageRows(ctx.db, limit);
      const first = new Set(untriaged.map((row) => row.id));
      const ranked = nextUpRows(ctx.db, pausing, limit + untriaged.length).filter((row) => !first.has(row.id));
      const items = [...untriaged, ...ranked].slice(0, limit).map((row): NextUpItem => ({
        ...rowToSummary(row),
        sla: barOf(row, now),
        triage: {
          impact: levelSchema.parse(row.impact),
          urgency: levelSchema.parse(row.urgency),
          overridden: row.overridden === 1,
        },
      }));
      return { items, ...openCounts(ctx.db, pausing) };
    },
  };
}
