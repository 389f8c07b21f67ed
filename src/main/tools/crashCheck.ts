import { DatabaseSync } from 'node:sqlite';
import { checkEvidence } from '../app/evidenceCheck';
import { verifyChain } from '../queries/audit';
import { databaseFile } from '../store/database';

/**
 * What the writer knows was acknowledged, per ticket: how many changes (each bumps the version by exactly one, so
 * the stored version is at least 1 + changes; answers arrive out of order, so no single answer's version is the
 * bound), the highest acknowledged title counter, and the acknowledged notes.
 */
export type Ledger = Map<number, { changes: number; counter: number; notes: Map<number, string> }>;

/** Acknowledged files: attachments with their recorded hash and size, escalations whose packet was answered. */
export type FileLedger = { attachments: Map<number, { sha256: string; size: number }>; escalations: Set<number> };

/**
 * Checks a data directory after a kill: the file is sound, the chain holds, every acknowledged change is
 * there, and nothing is half-written (each ticket's version counts exactly its ticket events, it has its stored SLA clocks, notes match their events,
 * every ticket has its search row). Returns the problems found.
 */
export function checkAfterCrash(dataDir: string, ledger: Ledger, files: FileLedger): string[] {
  const file = databaseFile(dataDir);
  const db = new DatabaseSync(file);
  const problems: string[] = [];
  try {
    const integrity = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok')
      problems.push(`integrity_check: ${JSON.stringify(integrity.slice(0, 3))}`);
    const chain = verifyChain(db);
    if (!chain.ok) problems.push(`audit chain broken at ${JSON.stringify(chain.firstBroken)}`);

    const ticket = db.prepare('SELECT version, title FROM tickets WHERE id = ?');
    const note = db.prepare('SELECT body FROM notes WHERE id = ? AND ticket_id = ?');
    for (const [id, acked] of ledger) {
      const row = ticket.get(id) as { version: number; title: string } | undefined;
      if (!row) {
        problems.push(`acknowledged ticket ${id} is missing`);
        continue;
      }
      if (row.version < 1 + acked.changes) {
        problems.push(`ticket ${id}: version ${row.version}, but ${acked.changes} changes were acknowledged`);
      }
      const counter = Number(/#(\d+)$/.exec(row.title)?.[1] ?? 0);
      if (counter < acked.counter) problems.push(`ticket ${id}: title update #${acked.counter} lost (has #${counter})`);
      for (const [noteId, body] of acked.notes) {
        const found = note.get(noteId, id) as { body: string } | undefined;
        if (found?.body !== body) problems.push(`ticket ${id}: acknowledged note ${noteId} missing or changed`);
      }
    }

    const halfWritten = db
      .prepare(
        `SELECT t.id, t.version, (SELECT count(*) FROM events e WHERE e.ticket_id = t.id AND e.kind LIKE 'ticket.%') AS events,
                (SELECT count(*) FROM ticket_sla s WHERE s.ticket_id = t.id) AS clocks,
                (SELECT count(*) FROM notes n WHERE n.ticket_id = t.id) AS notes,
                (SELECT count(*) FROM events e WHERE e.ticket_id = t.id AND e.kind IN ('ticket.noted', 'ticket.replied', 'ticket.mailIn')) AS noteEvents,
                (SELECT count(*) FROM tickets_fts f WHERE f.rowid = t.id) AS searchRows,
                t.is_open AS open,
                (SELECT count(*) FROM tickets_open_fts o WHERE o.rowid = t.id) AS openSearchRows,
                (SELECT count(*) FROM board_slots b WHERE b.ticket_id = t.id AND b.status = t.status
                   AND b.priority = t.priority) AS boardSlots
         FROM tickets t`,
      )
      .all() as {
      id: number;
      version: number;
      events: number;
      notes: number;
      noteEvents: number;
      searchRows: number;
      clocks: number;
      open: number;
      openSearchRows: number;
      boardSlots: number;
    }[];
    for (const row of halfWritten) {
      if (row.version !== row.events)
        problems.push(`ticket ${row.id}: version ${row.version} but ${row.events} events`);
      if (row.notes !== row.noteEvents)
        problems.push(`ticket ${row.id}: ${row.notes} notes but ${row.noteEvents} note events`);
      if (row.searchRows !== 1) problems.push(`ticket ${row.id}: ${row.searchRows} search rows`);
      if (row.clocks !== 1) problems.push(`ticket ${row.id}: ${row.clocks} stored SLA clocks`);
      // Derived indexes (board slots, open tickets' search) hold an open ticket exactly once, a closed one never.
      if (row.openSearchRows !== row.open) problems.push(`ticket ${row.id}: ${row.openSearchRows} open search rows`);
      if (row.boardSlots !== row.open) problems.push(`ticket ${row.id}: ${row.boardSlots} matching board slots`);
    }
    const attachment = db.prepare('SELECT sha256, size FROM attachments WHERE id = ?');
    for (const [id, acked] of files.attachments) {
      const row = attachment.get(id) as { sha256: string; size: number } | undefined;
      if (row?.sha256 !== acked.sha256 || row.size !== acked.size)
        problems.push(`acknowledged attachment ${id} missing`);
    }
    const escalation = db.prepare('SELECT 1 FROM escalations WHERE id = ?');
    for (const id of files.escalations) if (!escalation.get(id)) problems.push(`acknowledged escalation ${id} missing`);
  } finally {
    db.close();
  }
  // Every row that refers to a file (acknowledged or not) finds it complete, with its recorded hash.
  for (const broken of checkEvidence(file, dataDir).files)
    problems.push(`${broken.kind} ${broken.id} (${broken.file}): ${broken.problem}`);
  return problems;
}

/**
 * After a kill during backups: every backup listed is complete and passes its verification (a killed run leaves
 * only a partial folder, which is never listed).
 */
export async function checkBackupsAfterCrash(root: string, dataDir: string): Promise<string[]> {
  const { findBackups } = await import('../host/backups/catalogue');
  const { verifyBackup } = await import('../host/backups/job');
  const problems: string[] = [];
  const { backups, unreadable } = findBackups(root);
  for (const name of unreadable) problems.push(`backup ${name} is listed but unreadable`);
  for (const backup of backups) {
    const checked = await verifyBackup({ kind: 'verify', dataDir, root, id: backup.manifest.id });
    if (checked.verification.state !== 'ok')
      problems.push(`backup ${backup.manifest.id}: ${checked.verification.problems.join('; ')}`);
  }
  return problems;
}
