import {
  contract,
  type ChangeEvent,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../shared/contract';
import type { Health } from '../../shared/contract/system';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from '../services/context';
import { loadSettings } from '../services/settings';
import { composeDomains, type Handlers } from './domains';
import { databaseFile, openDatabase, schemaVersion, transaction, type Db } from '../store/database';
import { sqliteVersion } from '../store/integrity';
import { writeCleanMarker } from '../store/cleanShutdown';
import { join } from 'node:path';
import { removeStaleTemporaries } from '../files/durableFile';
import { appendEvent, evidenceRecorded } from '../queries/audit';
import type { EvidenceReport } from './evidenceCheck';

export type Engine = {
  /**
   * Takes the result of a background check. Until the quick check has passed, writes are held (`writesHeld`);
   * any problem makes the store read-only for good.
   */
  applyCheck: (kind: 'quick' | 'full', problems: string[]) => void;
  /** Takes the background check of chain and files; a newly found break is recorded in the log itself. */
  applyEvidence: (report: EvidenceReport) => void;
  writesHeld: () => boolean;
  /** The last session closed this file cleanly after a full check: no quick check before the first write. */
  cleanStart: boolean;
  /** Runs one validated call; returns its value and the changes it committed. */
  execute: <M extends MethodName>(
    method: M,
    input: ParsedInput<M>,
  ) => { value: MethodOutput<M> | Promise<MethodOutput<M>>; changes: ChangeEvent[] };
  /** For tools and tests: a call that must answer at once (refuses a handler that writes files first). */
  executeSync: <M extends MethodName>(
    method: M,
    input: ParsedInput<M>,
  ) => { value: MethodOutput<M>; changes: ChangeEvent[] };
  /**
   * Runs several calls as one transaction (nested as a savepoint inside an open one); derived data of the tickets
   * they wrote (stored clocks, links) is computed once, at the end, from their final state. Never async.
   */
  batch: <T>(work: () => T) => T;
  /** Changes committed since the last call by work that finished later (an awaited handler). */
  drainChanges: () => ChangeEvent[];
  db: Db;
  close: () => void;
};

export type EngineOptions = { dataDir: string; now?: () => Date; deferQuickCheck?: boolean };

/** The services over one open database. Lives wherever the single writer lives (the store worker, or a test). */
export function createEngine({ dataDir, now = () => new Date(), deferQuickCheck = false }: EngineOptions): Engine {
  const { db, problems, quickChecked, cleanStart } = openDatabase(dataDir, undefined, { deferQuickCheck });
  // Temporary files of a process that died mid-write are never referred to by a row (rows commit after rename).
  const startedAt = Date.now() - process.uptime() * 1000;
  for (const removed of removeStaleTemporaries([join(dataDir, 'attachments'), join(dataDir, 'escalations')], startedAt))
    console.warn(`[leitstand] removed stale temporary file ${removed}`);
  let held = !quickChecked;
  const health: Health = {
    status: problems.length ? 'damaged' : 'checking',
    problems,
    databaseFile: databaseFile(dataDir),
    sqliteVersion: sqliteVersion(db),
    schemaVersion: schemaVersion(db),
    evidence: {
      state: 'pending',
      checkedAt: null,
      eventsChecked: 0,
      firstBroken: null,
      filesChecked: 0,
      fileProblems: [],
    },
  };
  const settingsCache = { current: loadSettings(db) };
  let pending: ChangeEvent[] = [];
  /** Inside `batch`: the tickets written so far, whose derived data follows once at the batch's end. */
  let batched: Set<number> | null = null;
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
        // Derived data follows the change inside its transaction (the stored SLA clocks of changed tickets).
        const ticketIds = committed.flatMap((change) => (change.entity === 'ticket' ? change.ids : []));
        if (batched) ticketIds.forEach((id) => batched?.add(id));
        else if (ticketIds.length) domains.onTicketsWritten(ticketIds);
        return value;
      });
      pending.push(...committed);
      return result;
    },
  };
  const domains = composeDomains(ctx, settingsCache);
  /** One transaction for several writes; derived data of the tickets they wrote follows once, at the end. */
  const batch = <T>(work: () => T): T => {
    if (batched) return work();
    return transaction(db, () => {
      batched = new Set();
      try {
        const result = work();
        const ids = [...batched];
        batched = null;
        if (ids.length) domains.onTicketsWritten(ids);
        return result;
      } finally {
        batched = null;
      }
    });
  };
  const handlers: Handlers = { ...domains.handlers, 'system.health': () => health };
  return {
    db,
    cleanStart,
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
    applyEvidence: (report) => {
      const broken = report.chain.firstBroken;
      health.evidence = {
        state: broken || report.files.length ? 'broken' : 'ok',
        checkedAt: now().toISOString(),
        eventsChecked: report.chain.checked,
        firstBroken: broken,
        filesChecked: report.filesChecked,
        fileProblems: report.files.slice(0, 100),
      };
      if (health.status === 'damaged') return;
      // Recorded once per finding, so the break stays on record even if the rows are later rewritten.
      const findings = [
        ...(broken ? [{ what: 'chain', eventId: broken.eventId, reason: broken.reason }] : []),
        ...report.files.slice(0, 100).map((f) => ({ what: f.kind, id: f.id, file: f.file, problem: f.problem })),
      ];
      const unrecorded = findings.filter((finding) => !evidenceRecorded(db, JSON.stringify(finding)));
      if (unrecorded.length)
        ctx.write(
          () => {
            for (const finding of unrecorded)
              appendEvent(db, {
                ticketId: null,
                at: now().toISOString(),
                actor: 'Leitstand',
                kind: 'evidence.broken',
                data: { finding: JSON.stringify(finding) },
              });
          },
          () => [{ entity: 'system', ids: [] }],
        );
    },
    execute: (method, input) => {
      if (health.status === 'damaged' && contract[method].mutates) {
        throw new AppError('store_unavailable', 'store_damaged', { file: health.databaseFile });
      }
      pending = [];
      // Host methods (backups) are answered in main; one that reaches the store was sent to the wrong place.
      if (!Object.hasOwn(handlers, method)) throw new AppError('unknown_method', 'unknown_method', { method });
      const handler = handlers[method as keyof Handlers] as (input: unknown) => MethodOutput<typeof method>;
      // A user action is one transaction, however many changes it makes (an MSP reply moves tier and status):
      // all of it or none, and the clocks of its tickets are computed once. Work after an await (files first)
      // runs in transactions of its own.
      const value = contract[method].mutates ? batch(() => handler(input)) : handler(input);
      const changes = pending;
      pending = [];
      return { value, changes };
    },
    executeSync(method, input) {
      const { value, changes } = this.execute(method, input);
      if (value instanceof Promise) throw new Error(`${method} does not answer at once`);
      return { value, changes };
    },
    drainChanges: () => pending.splice(0),
    batch,
    close: () => {
      if (!db.isOpen) return;
      // Only a session whose full check passed vouches for the file it leaves behind.
      const verified = health.status === 'ok';
      // A clean stop leaves the WAL folded into the database file.
      if (health.status !== 'damaged') db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      db.close();
      if (verified) writeCleanMarker(databaseFile(dataDir), health.schemaVersion, now());
    },
  };
}
