import type { ChangeEvent, MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import { auditService } from '../services/audit';
import type { ServiceContext } from '../services/context';
import { loadSettings, settingsService } from '../services/settings';
import { ticketsService } from '../services/tickets';
import { openDatabase, transaction, type Db } from './database';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> };

export type Engine = {
  /** Runs one validated call; returns its value and the changes it committed. */
  execute: <M extends MethodName>(
    method: M,
    input: ParsedInput<M>,
  ) => { value: MethodOutput<M>; changes: ChangeEvent[] };
  db: Db;
  close: () => void;
};

export type EngineOptions = { dataDir: string; now?: () => Date };

/** The services over one open database. Lives wherever the single writer lives (the store worker, or a test). */
export function createEngine({ dataDir, now = () => new Date() }: EngineOptions): Engine {
  const db = openDatabase(dataDir);
  const settingsCache = { current: loadSettings(db) };
  let pending: ChangeEvent[] = [];
  const ctx: ServiceContext = {
    db,
    dataDir,
    now,
    settings: () => settingsCache.current,
    write: (work, changes) => {
      const result = transaction(db, work);
      pending.push(...changes(result));
      return result;
    },
  };
  const handlers: Handlers = {
    ...ticketsService(ctx),
    ...auditService(ctx),
    ...settingsService(ctx, settingsCache),
  };
  return {
    db,
    execute: (method, input) => {
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
