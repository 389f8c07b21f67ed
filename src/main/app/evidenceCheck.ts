import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { FileProblemReport } from '../../shared/contract/system';
import { verifyChain } from '../queries/audit';
import { fileProblem } from '../files/verifiedRead';
import { blobPath } from '../services/ticketAttachments';
import type { Db } from '../store/database';

/**
 * The evidence behind the database: the event chain and every file a row refers to. Runs on its own read-only
 * connection in a background thread, so the desk never waits for it (the chain at ~100,000 events takes about
 * 0.4 s, the file hashes longer).
 */

type FileRow = {
  kind: FileProblemReport['kind'];
  id: number;
  file: string;
  path: string;
  sha256: string;
  size?: number;
};

function fileRows(db: Db, dataDir: string): FileRow[] {
  const attachments = db
    .prepare('SELECT id, file_name, size, sha256 FROM attachments WHERE erased_at IS NULL ORDER BY id')
    .all() as {
    id: number;
    file_name: string;
    size: number;
    sha256: string;
  }[];
  const escalations = db
    .prepare(
      'SELECT id, packet_file, packet_sha256, eml_file, eml_sha256 FROM escalations WHERE files_erased_at IS NULL ORDER BY id',
    )
    .all() as { id: number; packet_file: string; packet_sha256: string; eml_file: string; eml_sha256: string }[];
  return [
    ...attachments.map((a): FileRow => ({
      kind: 'attachment',
      id: a.id,
      file: a.file_name,
      path: blobPath(dataDir, a.sha256),
      sha256: a.sha256,
      size: a.size,
    })),
    ...escalations.flatMap((e): FileRow[] => [
      { kind: 'packet', id: e.id, file: e.packet_file, path: join(dataDir, e.packet_file), sha256: e.packet_sha256 },
      { kind: 'mail', id: e.id, file: e.eml_file, path: join(dataDir, e.eml_file), sha256: e.eml_sha256 },
    ]),
  ];
}

export type EvidenceReport = {
  type: 'evidence';
  chain: ReturnType<typeof verifyChain>;
  files: FileProblemReport[];
  filesChecked: number;
};

export function checkEvidence(file: string, dataDir: string): EvidenceReport {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    // One read transaction: chain and file rows from the same moment, however many writes follow meanwhile.
    db.exec('BEGIN');
    const chain = verifyChain(db);
    const rows = fileRows(db, dataDir);
    db.exec('COMMIT');
    const files = rows.flatMap((row): FileProblemReport[] => {
      const problem = fileProblem(row.path, {
        sha256: row.sha256,
        ...(row.size !== undefined ? { size: row.size } : {}),
      });
      return problem ? [{ kind: row.kind, id: row.id, file: row.file, problem }] : [];
    });
    return { type: 'evidence', chain, files, filesChecked: rows.length };
  } finally {
    db.close();
  }
}
