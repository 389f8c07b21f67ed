import type { Db } from '../store/database';
import { sql } from '../store/statements';

/** A ticket as the full export writes it: its fields, and its SLA clocks as they were stored when they ran. */
export type ExportRow = {
  id: number;
  number: string;
  title: string;
  status: string;
  priority: number;
  impact: string;
  urgency: string;
  category: string | null;
  channel: string;
  tier: string;
  requester_name: string;
  requester_department: string;
  assignee: string | null;
  created_at: string;
  resolved_at: string | null;
  resolution: string | null;
  first_state: string | null;
  first_elapsed: number | null;
  resolution_state: string | null;
  resolution_elapsed: number | null;
};

/**
 * One page of the full export in id order, after `afterId` (keyset: each page costs its rows, not its offset);
 * with a range, only tickets that came in within [from, to).
 */
export function exportPage(
  db: Db,
  page: { afterId: number; limit: number; from: string | null; to: string | null },
): ExportRow[] {
  return sql(
    db,
    `SELECT t.id, t.number, t.title, t.status, t.priority, t.impact, t.urgency, t.category, t.channel, t.tier,
       t.requester_name, t.requester_department, t.assignee, t.created_at, t.resolved_at, t.resolution,
       s.first_state, CASE WHEN s.first_state IN ('met', 'breached') AND s.first_due_at IS NULL THEN s.first_target_ms - s.first_remaining_ms END AS first_elapsed,
       s.resolution_state,
       CASE WHEN s.resolution_state IN ('met', 'breached') AND s.resolution_due_at IS NULL THEN s.resolution_target_ms - s.resolution_remaining_ms END AS resolution_elapsed
     FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id
     WHERE t.id > :afterId AND (:from IS NULL OR (t.created_at >= :from AND t.created_at < :to))
     ORDER BY t.id LIMIT :limit`,
  ).all(page) as ExportRow[];
}
