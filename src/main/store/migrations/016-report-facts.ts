import type { Migration } from './types';

/** What the facts row of a ticket holds, from the ticket, its stored clocks and its events (see the triggers). */
const factsOf = `
  SELECT t.id, t.created_at, t.resolved_at, t.priority, t.category, t.channel, trim(t.requester_department), t.tier,
    s.first_state, s.first_due_at, s.first_target_ms - s.first_remaining_ms,
    s.resolution_state, s.resolution_due_at, s.resolution_target_ms - s.resolution_remaining_ms,
    EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.kind = 'ticket.reopened'),
    (SELECT max(e.at) FROM events e WHERE e.ticket_id = t.id AND e.kind = 'ticket.transitioned'
       AND instr(e.data, '"checklistOverride":') > 0)
  FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id`;

/** A ticket's stored clocks written (INSERT OR REPLACE fires the insert trigger, UPDATE the other): into its facts. */
const clocksToFacts = `UPDATE report_facts SET first_state = NEW.first_state, first_due_at = NEW.first_due_at,
        first_ms = NEW.first_target_ms - NEW.first_remaining_ms, resolution_state = NEW.resolution_state,
        resolution_due_at = NEW.resolution_due_at,
        resolution_ms = NEW.resolution_target_ms - NEW.resolution_remaining_ms
      WHERE ticket_id = NEW.ticket_id;`;

/**
 * The reports read one row per ticket that holds every figure they count, kept beside the ticket by triggers in
 * the same transaction as any change to the ticket, its stored clocks or its events (so no write path — service, backfill, policy change — can leave it
 * behind), and read through two covering indexes in date order: a year of tickets is one range of an index, not
 * a table lookup per ticket and per figure. The key of a gate override is found as JSON writes it (inside a text
 * value its quotes would be escaped).
 */
export const migration016: Migration = {
  version: 16,
  name: 'Report facts',
  up: `
    CREATE TABLE report_facts (
      ticket_id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      priority INTEGER NOT NULL,
      category TEXT,
      channel TEXT NOT NULL,
      department TEXT NOT NULL,
      tier TEXT NOT NULL,
      first_state TEXT,
      first_due_at INTEGER,
      first_ms INTEGER,
      resolution_state TEXT,
      resolution_due_at INTEGER,
      resolution_ms INTEGER,
      reopened INTEGER NOT NULL DEFAULT 0,
      override_at TEXT
    ) STRICT;
    INSERT INTO report_facts ${factsOf};
    CREATE INDEX report_facts_created ON report_facts
      (created_at, priority, category, channel, department, first_state, first_due_at, first_ms);
    CREATE INDEX report_facts_resolved ON report_facts
      (resolved_at, priority, tier, resolution_state, resolution_due_at, resolution_ms, reopened, override_at)
      WHERE resolved_at IS NOT NULL;

    CREATE TRIGGER report_facts_ticket_in AFTER INSERT ON tickets BEGIN
      INSERT INTO report_facts (ticket_id, created_at, resolved_at, priority, category, channel, department, tier)
      VALUES (NEW.id, NEW.created_at, NEW.resolved_at, NEW.priority, NEW.category, NEW.channel,
        trim(NEW.requester_department), NEW.tier);
    END;
    CREATE TRIGGER report_facts_ticket AFTER UPDATE OF created_at, resolved_at, priority, category, channel,
      requester_department, tier ON tickets BEGIN
      UPDATE report_facts SET created_at = NEW.created_at, resolved_at = NEW.resolved_at, priority = NEW.priority,
        category = NEW.category, channel = NEW.channel, department = trim(NEW.requester_department), tier = NEW.tier
      WHERE ticket_id = NEW.id;
    END;
    CREATE TRIGGER report_facts_clocks_in AFTER INSERT ON ticket_sla BEGIN
${clocksToFacts}
    END;
    CREATE TRIGGER report_facts_clocks AFTER UPDATE ON ticket_sla BEGIN
${clocksToFacts}
    END;
    CREATE TRIGGER report_facts_reopened AFTER INSERT ON events WHEN NEW.kind = 'ticket.reopened' BEGIN
      UPDATE report_facts SET reopened = 1 WHERE ticket_id = NEW.ticket_id;
    END;
    CREATE TRIGGER report_facts_override AFTER INSERT ON events
      WHEN NEW.kind = 'ticket.transitioned' AND instr(NEW.data, '"checklistOverride":') > 0 BEGIN
      UPDATE report_facts SET override_at = NEW.at WHERE ticket_id = NEW.ticket_id;
    END;
  `,
};

/** The facts as their definition gives them (tests compare the kept table with it). */
export const reportFactsDefinition = factsOf;
