import { stats, time, type Stats } from './benchStats';
import { problems, random } from './seedData';

type Call = (method: string, input: unknown) => Promise<unknown>;

export const BOARD_OPEN_TICKETS = 8_000;

/**
 * Gives every ticket its stored clocks (a database seeded before they existed is filled batch by batch, as the
 * running app does), then tops the open tickets up to 8,000 (the board had 7,830) spread over the board's columns.
 */
export async function prepareBoard(call: Call): Promise<{ backfilled: number; added: number }> {
  let backfilled = 0;
  for (;;) {
    const { backfilled: batch } = (await call('sla.check', {})) as { backfilled: number };
    if (batch === 0) break;
    backfilled += batch;
  }
  const { total } = (await call('tickets.list', { filter: { open: true }, limit: 1 })) as { total: number };
  const rand = random(7);
  const statuses = ['new', 'inProgress', 'inProgress', 'waitingRequester', 'waitingMsp', 'waitingVendor'] as const;
  let added = 0;
  for (let i = total; i < BOARD_OPEN_TICKETS; i += 1, added += 1) {
    const problem = problems[Math.floor(rand() * problems.length)]!;
    const { id } = (await call('tickets.create', {
      title: problem.title,
      channel: 'phone',
      requester: { name: 'Board Bench', department: 'Vertrieb' },
      firstContact: {
        affectedScope: problem.scope[Math.floor(rand() * problem.scope.length)],
        impairment: problem.impairment[Math.floor(rand() * problem.impairment.length)],
        businessCritical: rand() < 0.05,
      },
      category: problem.category,
    })) as { id: number };
    const status = statuses[Math.floor(rand() * statuses.length)]!;
    if (status !== 'new') await call('tickets.transition', { id, to: status });
  }
  return { backfilled, added };
}

export type BoardResults = { board: Stats; boardApp: Stats; boardFiltered: Stats; nextUp: Stats; open: number };

export async function boardApiBench(call: Call, runs: number): Promise<BoardResults> {
  const { total } = (await call('tickets.list', { filter: { open: true }, limit: 1 })) as { total: number };
  const board = stats(await time(runs, () => call('board.get', {})));
  // What the app's board asks for (useBoardData: 30 cards per cell).
  const boardApp = stats(await time(runs, () => call('board.get', { perCell: 30 })));
  const boardFiltered = stats(await time(runs, () => call('board.get', { filter: { category: ['printing'] } })));
  const nextUp = stats(await time(runs, () => call('tickets.nextUp', { limit: 50 })));
  return { board, boardApp, boardFiltered, nextUp, open: total };
}
