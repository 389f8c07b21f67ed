import { closeSync, fsyncSync, openSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { BackupCounts } from './types';
import { verifyChain } from '../../queries/audit';
import { checkProblems } from '../../store/integrity';
import { schemaVersion } from '../../store/database';

/** A file the database refers to, by its path inside the data directory. */
export type StoredFile = { path: string; sha256: string; size: number | null };

/**
 * A consistent copy of the live database in one read transaction of its own connection (`VACUUM INTO`): the
 * writer is never blocked or restarted (WAL), and the copy holds only live rows — no free pages, so data erased
 * before the backup cannot be read from it (a page-by-page `backup()` would carry old free pages along).
 */
export async function snapshotDatabase(liveFile: string, target: string): Promise<void> {
  const db = new DatabaseSync(liveFile, { readOnly: true });
  const flusher = startFlusher(target);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
    await flusher.stop();
  }
  const fd = openSync(target, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * SQLite writes the copy without syncing it; one fsync of 400 MB at the end would hold up every durable write of
 * the desk on the same disk (the file system flushes in order: the desk's next commit waits behind the copy).
 * A thread beside the copy flushes it every 100 ms instead, so at most a few MB wait at a time.
 */
function startFlusher(path: string): { stop: () => Promise<void> } {
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const fs = require('node:fs');
     try { require('node:os').setPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()), 19); } catch {}
     let stopping = false;
     parentPort.on('message', () => { stopping = true; });
     const flush = () => { try { const fd = fs.openSync(workerData, 'r'); try { fs.fdatasyncSync(fd); } finally { fs.closeSync(fd); } } catch {} };
     const tick = () => { flush(); if (stopping) parentPort.close(); else setTimeout(tick, 100); };
     setTimeout(tick, 100);`,
    { eval: true, workerData: path },
  );
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      await worker.terminate();
    },
  };
}

export type SnapshotReport = {
  problems: string[];
  schemaVersion: number;
  counts: BackupCounts;
  chainHead: { eventId: number; hash: string };
  eventsChecked: number;
  files: StoredFile[];
};

const count = (db: DatabaseSync, table: string) =>
  Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

/** Opens a database copy read-only and checks it: pages, the event chain to its head, and which files it needs. */
export function inspectDatabase(file: string): SnapshotReport {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const problems = checkProblems(db, 'integrity_check').map((problem) => `integrity: ${problem}`);
    const version = schemaVersion(db);
    if (problems.length)
      return {
        problems,
        schemaVersion: version,
        counts: { tickets: 0, events: 0, attachments: 0, people: 0 },
        chainHead: { eventId: 0, hash: '' },
        eventsChecked: 0,
        files: [],
      };
    const chain = verifyChain(db);
    if (!chain.ok && chain.firstBroken)
      problems.push(`chain: event ${chain.firstBroken.eventId} (${chain.firstBroken.reason})`);
    const head = db.prepare('SELECT event_id, hash FROM audit_head WHERE id = 1').get() as
      { event_id: number; hash: string } | undefined;
    // Files of erased rows are gone on purpose (schema 11 on); older copies have no such rows.
    const live = version >= 11 ? ' WHERE erased_at IS NULL' : '';
    const liveEscalations = version >= 11 ? ' WHERE files_erased_at IS NULL' : '';
    const attachments = db.prepare(`SELECT DISTINCT sha256, size FROM attachments${live}`).all() as {
      sha256: string;
      size: number;
    }[];
    const escalations = db
      .prepare(`SELECT packet_file, packet_sha256, eml_file, eml_sha256 FROM escalations${liveEscalations}`)
      .all() as {
      packet_file: string;
      packet_sha256: string;
      eml_file: string;
      eml_sha256: string;
    }[];
    const byPath = new Map<string, StoredFile>();
    for (const a of attachments)
      byPath.set(`attachments/${a.sha256.slice(0, 2)}/${a.sha256}`, {
        path: `attachments/${a.sha256.slice(0, 2)}/${a.sha256}`,
        sha256: a.sha256,
        size: a.size,
      });
    for (const e of escalations) {
      byPath.set(e.packet_file, { path: e.packet_file.replaceAll('\\', '/'), sha256: e.packet_sha256, size: null });
      byPath.set(e.eml_file, { path: e.eml_file.replaceAll('\\', '/'), sha256: e.eml_sha256, size: null });
    }
    return {
      problems,
      schemaVersion: version,
      counts: {
        tickets: count(db, 'tickets'),
        events: count(db, 'events'),
        attachments: count(db, 'attachments'),
        people: version >= 7 ? count(db, 'directory_people') : 0,
      },
      chainHead: { eventId: head?.event_id ?? 0, hash: head?.hash ?? '' },
      eventsChecked: chain.checked,
      files: [...byPath.values()],
    };
  } finally {
    db.close();
  }
}
