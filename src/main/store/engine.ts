import {
  contract,
  type ChangeEvent,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../shared/contract';
import type { Health } from '../../shared/contract/system';
import { AppError } from '../../shared/errors';
import { auditService } from '../services/audit';
import { boardService } from '../services/board';
import { checklistsService } from '../services/checklists';
import type { ServiceContext } from '../services/context';
import { loadSettings, settingsService } from '../services/settings';
import { messagesService } from '../services/messages';
import { slaService } from '../services/sla';
import { ticketsService } from '../services/tickets';
import { databaseFile, openDatabase, schemaVersion, transaction, type Db } from './database';
import { sqliteVersion } from './integrity';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> };

export type Engine = {
  /**
   * Takes the result of a background check. Until the quick check has passed, writes are held (`writesHeld`);
   * any problem makes the store read-only for good.
   */
  applyCheck: (kind: 'quick' | 'full', problems: string[]) => void;
  writesHeld: () => boolean;
  /** Runs one validated call; returns its value and the changes it committed. */
  execute: <M extends MethodName>(
    method: M,
    input: ParsedInput<M>,
  ) => { value: MethodOutput<M>; changes: ChangeEvent[] };
  db: Db;
  close: () => void;
};

export type EngineOptions = { dataDir: string; now?: () => Date; deferQuickCheck?: boolean };

/** The services over one open database. Lives wherever the single writer lives (the store worker, or a test). */
export function createEngine({ dataDir, now = () => new Date(), deferQuickCheck = false }: EngineOptions): Engine {
  const { db, problems, quickChecked } = openDatabase(dataDir, undefined, { deferQuickCheck });
  let held = !quickChecked;
  const health: Health = {
    status: problems.length ? 'damaged' : 'checking',
    problems,
    databaseFile: databaseFile(dataDir),
    sqliteVersion: sqliteVersion(db),
    schemaVersion: schemaVersion(db),
  };
  const settingsCache = { current: loadSettings(db) };
  let pending: ChangeEvent[] = [];
  const ctx: ServiceContext = {
    db,
    dataDir,
    now,
    settings: () => settingsCache.current,
    write: (work, changes) => {
      let committed: ChangeEvent[] = [];
      const result = transaction(db, () => {
        const value = work();
        committed = changes(value);
        // Derived data follows the change inside its transaction: the stored SLA clocks of changed tickets.
        const ticketIds = committed.flatMap((change) => (change.entity === 'ticket' ? change.ids : []));
        if (ticketIds.length) sla.clocks.refresh(ticketIds);
        return value;
      });
      pending.push(...committed);
      return result;
    },
  };
  const sla = slaService(ctx);
  const tickets = ticketsService(ctx, { openRequired: (id) => checklists.openRequired(id) });
  const checklists = checklistsService(ctx, {
    clocks: sla.clocks,
    timeZone: sla.timeZone,
    createTicket: (input) => tickets['tickets.create'](input),
  });
  const handlers: Handlers = {
    ...tickets,
    ...checklists.handlers,
    ...auditService(ctx),
    ...settingsService(ctx, settingsCache),
    ...sla.handlers,
    ...boardService(ctx, { ...sla, progressFor: checklists.progressFor }),
    ...messagesService(ctx, { status: (id) => sla.handlers['sla.status']({ id }), timeZone: sla.timeZone }),
    'system.health': () => health,
  };
  return {
    db,
    writesHeld: () => held,
    applyCheck: (kind, found) => {
      if (kind === 'quick') held = false;
      if (found.length) {
        health.status = 'damaged';
        health.problems = found;
        db.exec('PRAGMA query_only = ON');
      } else if (kind === 'full' && health.status === 'checking') {
        health.status = 'ok';
      }
    },
    execute: (method, input) => {
      if (health.status === 'damaged' && contract[method].mutates) {
        throw new AppError('store_unavailable', 'store_damaged', { file: health.databaseFile });
      }
      pending = [];
      const handler = handlers[method] as (input: unknown) => MethodOutput<typeof method>;
      const value = handler(input);
      const changes = pending;
      pending = [];
      return { value, changes };
    },
    close: () => db.close(),
  };
}
