import { priorityFromRank, priorityRank } from '../../shared/domain/enums';
import type { Attachment, Note, Ticket, TicketSummary } from '../../shared/domain/ticket';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export type TicketRow = {
  id: number;
  number: string;
  year: number;
  seq: number;
  title: string;
  description: string;
  channel: string;
  requester_name: string;
  requester_department: string;
  requester_phone: string;
  requester_email: string;
  requester_person_id: number;
  first_contact: string;
  impact: string;
  urgency: string;
  priority: number;
  triage: string;
  status: string;
  tier: string;
  category: string | null;
  assignee: string | null;
  resolution: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  version: number;
  needs_triage: number;
};

/** Rows were written from validated domain values, so reading them back trusts their shape. */
export function rowToTicket(row: TicketRow): Ticket {
  const triage = JSON.parse(row.triage) as Pick<Ticket['triage'], 'suggested' | 'override'>;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    channel: row.channel as Ticket['channel'],
    requester: {
      name: row.requester_name,
      department: row.requester_department,
      phone: row.requester_phone,
      email: row.requester_email,
      personId: row.requester_person_id,
    },
    // Tickets from before the directory carry no system ids.
    firstContact: {
      systemIds: [],
      ...(JSON.parse(row.first_contact) as Partial<Ticket['firstContact']>),
    } as Ticket['firstContact'],
    triage: {
      impact: row.impact as Ticket['triage']['impact'],
      urgency: row.urgency as Ticket['triage']['urgency'],
      priority: priorityFromRank(row.priority),
      suggested: { ...triage.suggested, raisedBy: triage.suggested.raisedBy ?? null },
      override: triage.override,
    },
    status: row.status as Ticket['status'],
    tier: row.tier as Ticket['tier'],
    category: row.category as Ticket['category'],
    assignee: row.assignee,
    resolution: row.resolution,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    version: row.version,
    needsTriage: row.needs_triage === 1,
  };
}

export function ticketToColumns(ticket: Omit<Ticket, 'id' | 'number' | 'version'>) {
  return {
    title: ticket.title,
    description: ticket.description,
    channel: ticket.channel,
    requester_name: ticket.requester.name,
    requester_department: ticket.requester.department,
    requester_phone: ticket.requester.phone,
    requester_email: ticket.requester.email,
    requester_person_id: ticket.requester.personId,
    first_contact: JSON.stringify(ticket.firstContact),
    impact: ticket.triage.impact,
    urgency: ticket.triage.urgency,
    priority: priorityRank[ticket.triage.priority],
    triage: JSON.stringify({ suggested: ticket.triage.suggested, override: ticket.triage.override }),
    status: ticket.status,
    tier: ticket.tier,
    category: ticket.category,
    assignee: ticket.assignee,
    resolution: ticket.resolution,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    resolved_at: ticket.resolvedAt,
    needs_triage: ticket.needsTriage ? 1 : 0,
  };
}
export type TicketColumns = ReturnType<typeof ticketToColumns>;

export const summaryColumns = `id, number, title, status, priority, channel, category, tier,
  requester_name, requester_department, assignee, created_at, updated_at, needs_triage`;

/** The list's SLA columns, read from the stored clocks by primary key. */
export const slaSummaryColumns = `(SELECT s.next_due_at FROM ticket_sla s WHERE s.ticket_id = tickets.id) AS sla_due_at,
  (SELECT CASE WHEN s.first_due_at = s.next_due_at THEN s.first_risk_at ELSE s.resolution_risk_at END
     FROM ticket_sla s WHERE s.ticket_id = tickets.id) AS sla_risk_at`;

export type SummaryRow = { sla_due_at?: number | null; sla_risk_at?: number | null } & Pick<
  TicketRow,
  | 'id'
  | 'number'
  | 'title'
  | 'status'
  | 'priority'
  | 'channel'
  | 'category'
  | 'tier'
  | 'requester_name'
  | 'requester_department'
  | 'assignee'
  | 'created_at'
  | 'updated_at'
  | 'needs_triage'
>;

export const rowToSummary = (row: SummaryRow): TicketSummary => ({
  id: row.id,
  number: row.number,
  title: row.title,
  status: row.status as TicketSummary['status'],
  priority: priorityFromRank(row.priority),
  channel: row.channel as TicketSummary['channel'],
  category: row.category as TicketSummary['category'],
  tier: row.tier as TicketSummary['tier'],
  requesterName: row.requester_name,
  department: row.requester_department,
  assignee: row.assignee,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  needsTriage: row.needs_triage === 1,
  sla:
    row.sla_due_at != null
      ? {
          dueAt: new Date(row.sla_due_at).toISOString(),
          atRiskAt: row.sla_risk_at != null ? new Date(row.sla_risk_at).toISOString() : null,
        }
      : null,
});

export function findTicketRow(db: Db, id: number): TicketRow | undefined {
  return sql(db, 'SELECT * FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
}

/** Next number of the year, e.g. 2026-0001; four digits at least, more when a year needs them. */
export function nextTicketNumber(db: Db, year: number): { number: string; seq: number } {
  const row = sql(
    db,
    `INSERT INTO ticket_counters (year, last) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`,
  ).get(year) as { last: number };
  return { number: `${year}-${String(row.last).padStart(4, '0')}`, seq: row.last };
}

export function insertTicket(db: Db, columns: TicketColumns, number: string, year: number, seq: number): number {
  const names = Object.keys(columns);
  const row = sql(
    db,
    `INSERT INTO tickets (number, year, seq, ${names.join(', ')})
       VALUES (?, ?, ?, ${names.map(() => '?').join(', ')}) RETURNING id`,
  ).get(number, year, seq, ...Object.values(columns)) as { id: number };
  return row.id;
}

/**
 * Writes only the columns that differ, so untouched indexes are left alone, and always bumps the version: a note
 * added in the same millisecond as the last change alters no column but is still a change.
 */
export function updateTicketRow(db: Db, id: number, before: TicketColumns, after: TicketColumns): void {
  const changed = (Object.keys(after) as (keyof TicketColumns)[]).filter((name) => after[name] !== before[name]);
  const assignments = [...changed.map((name) => `${name} = ?`), 'version = version + 1'].join(', ');
  sql(db, `UPDATE tickets SET ${assignments} WHERE id = ?`).run(...changed.map((name) => after[name]), id);
}

/** Columns whose text the search index holds. */
export const searchedColumns: readonly (keyof TicketColumns)[] = [
  'title',
  'description',
  'requester_name',
  'requester_department',
  'first_contact',
];

type NoteRow = { id: number; ticket_id: number; kind: string; body: string; author: string; created_at: string };
const rowToNote = (row: NoteRow): Note => ({
  id: row.id,
  ticketId: row.ticket_id,
  kind: row.kind as Note['kind'],
  body: row.body,
  author: row.author,
  createdAt: row.created_at,
});

export function insertNote(db: Db, note: Omit<Note, 'id'>): Note {
  const row = sql(
    db,
    'INSERT INTO notes (ticket_id, kind, body, author, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
  ).get(note.ticketId, note.kind, note.body, note.author, note.createdAt) as NoteRow;
  return rowToNote(row);
}

export function notesForTicket(db: Db, ticketId: number): Note[] {
  return (sql(db, 'SELECT * FROM notes WHERE ticket_id = ? ORDER BY id').all(ticketId) as NoteRow[]).map(rowToNote);
}

type AttachmentRow = {
  id: number;
  ticket_id: number;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  author: string;
  created_at: string;
};
const rowToAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  ticketId: row.ticket_id,
  fileName: row.file_name,
  mimeType: row.mime_type,
  size: row.size,
  sha256: row.sha256,
  author: row.author,
  createdAt: row.created_at,
});

export function insertAttachment(db: Db, attachment: Omit<Attachment, 'id'>): Attachment {
  const row = sql(
    db,
    `INSERT INTO attachments (ticket_id, file_name, mime_type, size, sha256, author, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  ).get(
    attachment.ticketId,
    attachment.fileName,
    attachment.mimeType,
    attachment.size,
    attachment.sha256,
    attachment.author,
    attachment.createdAt,
  ) as AttachmentRow;
  return rowToAttachment(row);
}

export function attachmentsForTicket(db: Db, ticketId: number): Attachment[] {
  // Attachments erased with their requester's data (GDPR) are gone from the ticket.
  const rows = sql(db, 'SELECT * FROM attachments WHERE ticket_id = ? AND erased_at IS NULL ORDER BY id').all(ticketId);
  return (rows as AttachmentRow[]).map(rowToAttachment);
}

export function findAttachment(db: Db, id: number): Attachment | undefined {
  const row = sql(db, 'SELECT * FROM attachments WHERE id = ? AND erased_at IS NULL').get(id) as
    AttachmentRow | undefined;
  return row ? rowToAttachment(row) : undefined;
}
