import type { ChecklistTemplate } from '../../shared/domain/checklist';
import type { StepRecord } from '../../shared/domain/checklistRun';
import type { Language } from '../../shared/domain/enums';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export type TemplateRow = {
  key: string;
  language: Language;
  version: number;
  origin: 'seeded' | 'custom';
  removed: number;
  data: string;
  updated_at: string;
};

export function templateRows(db: Db): TemplateRow[] {
  return sql(db, 'SELECT * FROM checklist_templates ORDER BY key, language').all() as TemplateRow[];
}

export function findTemplateRow(db: Db, key: string, language: Language): TemplateRow | undefined {
  return sql(db, 'SELECT * FROM checklist_templates WHERE key = ? AND language = ?').get(key, language) as
    TemplateRow | undefined;
}

export function writeTemplateRow(db: Db, row: TemplateRow): void {
  sql(
    db,
    `INSERT OR REPLACE INTO checklist_templates (key, language, version, origin, removed, data, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.key, row.language, row.version, row.origin, row.removed, row.data, row.updated_at);
}

export type RunRow = {
  id: number;
  ticket_id: number;
  template_key: string;
  language: Language;
  template_version: number;
  template: string;
  variables: string;
  started_at: string;
  started_by: string;
};

export function insertRun(db: Db, run: Omit<RunRow, 'id'>): number {
  const result = sql(
    db,
    `INSERT INTO checklist_runs (ticket_id, template_key, language, template_version, template, variables,
       started_at, started_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    run.ticket_id,
    run.template_key,
    run.language,
    run.template_version,
    run.template,
    run.variables,
    run.started_at,
    run.started_by,
  );
  return Number(result.lastInsertRowid);
}

export const findRunRow = (db: Db, id: number): RunRow | undefined =>
  sql(db, 'SELECT * FROM checklist_runs WHERE id = ?').get(id) as RunRow | undefined;

export const runRowsForTickets = (db: Db, ticketIds: readonly number[]): RunRow[] =>
  sql(db, 'SELECT * FROM checklist_runs WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(
    JSON.stringify(ticketIds),
  ) as RunRow[];

/** Runs on open tickets started from a service-request template. */
export const openServiceRequestRuns = (db: Db): RunRow[] =>
  sql(
    db,
    `SELECT r.* FROM checklist_runs r JOIN tickets t ON t.id = r.ticket_id
     WHERE t.is_open = 1 AND json_extract(r.template, '$.kind') = 'serviceRequest' ORDER BY r.id`,
  ).all() as RunRow[];

type StepRow = {
  run_id: number;
  step_id: string;
  state: StepRecord['state'];
  answer: StepRecord['answer'];
  note: string;
  attachment_id: number | null;
  actor: string | null;
  at: string | null;
  due_date: string | null;
};

export function stepRecords(db: Db, runIds: readonly number[]): Map<number, Map<string, StepRecord>> {
  const rows = sql(db, 'SELECT * FROM checklist_steps WHERE run_id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(runIds),
  ) as StepRow[];
  const byRun = new Map<number, Map<string, StepRecord>>();
  for (const row of rows) {
    const steps = byRun.get(row.run_id) ?? new Map<string, StepRecord>();
    steps.set(row.step_id, {
      state: row.state,
      answer: row.answer,
      note: row.note,
      attachmentId: row.attachment_id,
      actor: row.actor,
      at: row.at,
      dueDate: row.due_date,
    });
    byRun.set(row.run_id, steps);
  }
  return byRun;
}

export function writeStep(db: Db, runId: number, stepId: string, record: StepRecord): void {
  sql(
    db,
    `INSERT OR REPLACE INTO checklist_steps (run_id, step_id, state, answer, note, attachment_id, actor, at, due_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    runId,
    stepId,
    record.state,
    record.answer,
    record.note,
    record.attachmentId,
    record.actor,
    record.at,
    record.dueDate,
  );
}

export const parseTemplate = (json: string): ChecklistTemplate => JSON.parse(json) as ChecklistTemplate;
