import { randomBytes } from 'node:crypto';
import type { ChangeEvent, MethodOutput, ParsedInput } from '../../shared/contract';
import type { ErasureRecord, Footprint } from '../../shared/contract/privacy';
import {
  defaultRetention,
  identifierList,
  retentionSchema,
  type Identifiers,
  type PrivacySubject,
} from '../../shared/domain/privacy';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import { directoryPerson, directoryPersonByEmail, eventsOf, ticketsOf } from '../queries/privacy';
import { readSettingsRows, writeSetting } from '../queries/settings';
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import type { ServiceContext } from './context';
import { applyErasure, compactAfterErasure, sweepErasedFiles, type ErasureGroup } from './privacyErase';
import { buildPrivacyExport } from './privacyExport';
import { recordSections, saveRecordEdits } from './privacyRecord';

type Resolved = { personId: number | null; ids: Identifiers; words: string[] };

/** The person as the desk knows them: the directory record (by id or e-mail) and what was typed. */
function resolve(db: Db, subject: PrivacySubject): Resolved {
  const person =
    subject.personId !== undefined
      ? directoryPerson(db, subject.personId)
      : subject.email
        ? directoryPersonByEmail(db, subject.email)
        : null;
  if (subject.personId !== undefined && !person)
    throw new AppError('not_found', 'not_found_person', { id: subject.personId });
  const value = (key: string) => (person && typeof person.data[key] === 'string' ? [person.data[key]] : []);
  const ids: Identifiers = {
    names: [...value('name'), ...(subject.name ? [subject.name] : [])].filter(Boolean),
    emails: [...value('email'), ...(subject.email ? [subject.email] : [])].filter(Boolean),
    phones: [...value('phone'), ...(subject.phone ? [subject.phone] : [])].filter(Boolean),
  };
  return { personId: person?.id ?? null, ids, words: identifierList(ids) };
}

function footprintOf(db: Db, resolved: Resolved): Footprint {
  const found = ticketsOf(db, resolved.personId, resolved.ids, resolved.words);
  const rows = found.map(({ id, role }) => {
    const t = sql(db, 'SELECT number, title, status, is_open FROM tickets WHERE id = ?').get(id) as {
      number: string;
      title: string;
      status: string;
      is_open: number;
    };
    return { id, number: t.number, title: t.title, status: t.status, open: t.is_open === 1, role };
  });
  const ids = new Set(found.map((t) => t.id));
  const inList = [...ids].join(',') || '0';
  const count = (query: string) => Number((sql(db, query).get() as { n: number }).n);
  return {
    identifiers: resolved.words,
    personId: resolved.personId,
    tickets: rows,
    counts: {
      tickets: rows.length,
      openTickets: rows.filter((t) => t.open).length,
      // Ids are integers of our own rows: safe to inline (the list can be long).
      notes: count(`SELECT count(*) AS n FROM notes WHERE ticket_id IN (${inList})`),
      events: eventsOf(db, ids, resolved.words).length,
      attachments: count(`SELECT count(*) AS n FROM attachments WHERE erased_at IS NULL AND ticket_id IN (${inList})`),
      escalations: count(`SELECT count(*) AS n FROM escalations WHERE ticket_id IN (${inList})`),
    },
  };
}

/** "Person 7f3a": short, readable, and not yet used on this desk. */
function newPseudonym(db: Db): string {
  for (;;) {
    const candidate = `Person ${randomBytes(2).toString('hex')}`;
    const taken = sql(
      db,
      'SELECT 1 FROM tickets WHERE requester_name = ? UNION SELECT 1 FROM privacy_erasures WHERE pseudonym = ?',
    ).get(candidate, candidate);
    if (!taken) return candidate;
  }
}

const RETENTION_KEY = 'privacy.retention';
const RETENTION_RUN_KEY = 'privacy.retentionRun';

function retentionOf(db: Db) {
  const rows = readSettingsRows(db);
  const parsed = retentionSchema.safeParse(rows[RETENTION_KEY]);
  const run = (rows[RETENTION_RUN_KEY] ?? { at: null, count: 0 }) as { at: string | null; count: number };
  return { ...(parsed.success ? parsed.data : defaultRetention), lastRunAt: run.at, lastCount: run.count };
}

/** Runs `work` with every freed page zeroed (the file is rebuilt after); back to FAST if it fails. */
function zeroingFreedPages<T>(db: Db, work: () => T): T {
  db.exec('PRAGMA secure_delete = ON');
  try {
    return work();
  } catch (error) {
    db.exec('PRAGMA secure_delete = FAST');
    throw error;
  }
}

const toRecord = (row: Record<string, unknown>): ErasureRecord => ({
  id: Number(row.id),
  eventId: Number(row.event_id),
  at: String(row.at),
  actor: String(row.actor),
  pseudonym: String(row.pseudonym),
  basis: String(row.basis),
  scope: row.scope === 'retention' ? 'retention' : 'person',
  counts: JSON.parse(String(row.counts)) as ErasureRecord['counts'],
  backupsUntil: typeof row.backups_until === 'string' ? row.backups_until : null,
});

export function privacyService(ctx: ServiceContext) {
  const actor = () => ctx.settings().coordinatorName;
  /** After the commit: the files of erased rows go, and the database file keeps nothing of the erased data. */
  const finish = async (record: ErasureRecord): Promise<ErasureRecord> => {
    await Promise.resolve();
    sweepErasedFiles(ctx.db, ctx.dataDir);
    try {
      compactAfterErasure(ctx.db);
    } finally {
      ctx.db.exec('PRAGMA secure_delete = FAST');
    }
    return record;
  };
  const changesOf = (groups: ErasureGroup[]): ChangeEvent[] => [
    { entity: 'ticket', ids: [...new Set(groups.flatMap((g) => g.tickets.map((t) => t.id)))] },
    { entity: 'directory', ids: groups.flatMap((g) => (g.personId === null ? [] : [g.personId])) },
    { entity: 'system', ids: [] },
  ];
  return {
    'privacy.find': ({ subject }: ParsedInput<'privacy.find'>): MethodOutput<'privacy.find'> =>
      footprintOf(ctx.db, resolve(ctx.db, subject)),

    'privacy.export': ({
      subject,
      language,
    }: ParsedInput<'privacy.export'>): Promise<MethodOutput<'privacy.export'>> => {
      const resolved = resolve(ctx.db, subject);
      const footprint = footprintOf(ctx.db, resolved);
      if (!footprint.tickets.length && resolved.personId === null)
        throw new AppError('not_found', 'privacy_nothing_found');
      return buildPrivacyExport(ctx, footprint, resolved.personId, language);
    },

    'privacy.erase': (
      input: ParsedInput<'privacy.erase'>,
    ): Promise<MethodOutput<'privacy.erase'>> | MethodOutput<'privacy.erase'> => {
      const resolved = resolve(ctx.db, input.subject);
      const found = ticketsOf(ctx.db, resolved.personId, resolved.ids, resolved.words);
      const person = resolved.personId === null ? null : directoryPerson(ctx.db, resolved.personId);
      // A directory record erased before carries its pseudonym: nothing of the person is left in it.
      const personLeft =
        person !== null &&
        !sql(ctx.db, 'SELECT 1 FROM privacy_erasures WHERE pseudonym = ?').get(
          typeof person.data.name === 'string' ? person.data.name : '',
        );
      if (!found.length && !personLeft) throw new AppError('not_found', 'privacy_nothing_found');
      const open = found
        .filter((t) => t.role === 'requester')
        .filter((t) => sql(ctx.db, 'SELECT 1 FROM tickets WHERE id = ? AND is_open = 1').get(t.id)).length;
      if (open > 0 && !input.confirmOpen) throw new AppError('conflict', 'privacy_open_tickets', { count: open });
      const group: ErasureGroup = {
        identifiers: resolved.words,
        pseudonym: newPseudonym(ctx.db),
        tickets: found.map((t) => ({ id: t.id, requester: t.role === 'requester' })),
        eventIds: eventsOf(ctx.db, new Set(found.map((t) => t.id)), resolved.words),
        personId: personLeft ? resolved.personId : null,
      };
      // Everything the erasure frees is zeroed, whatever it costs (back to FAST once the file is rebuilt).
      const record = zeroingFreedPages(ctx.db, () =>
        ctx.write(
          () =>
            applyErasure(ctx.db, {
              groups: [group],
              basis: input.basis,
              scope: 'person',
              keepAttachments: input.keepAttachments,
              at: ctx.now().toISOString(),
              actor: actor(),
            }),
          () => changesOf([group]),
        ),
      );
      return finish(record);
    },

    'privacy.erasures': (): MethodOutput<'privacy.erasures'> =>
      (sql(ctx.db, 'SELECT * FROM privacy_erasures ORDER BY id DESC').all() as Record<string, unknown>[]).map(toRecord),

    'privacy.retention.get': (): MethodOutput<'privacy.retention.get'> => retentionOf(ctx.db),
    'privacy.retention.update': ({
      retention,
    }: ParsedInput<'privacy.retention.update'>): MethodOutput<'privacy.retention.update'> => {
      ctx.write(
        () => {
          const before = retentionOf(ctx.db);
          writeSetting(ctx.db, RETENTION_KEY, retention);
          appendEvent(ctx.db, {
            ticketId: null,
            at: ctx.now().toISOString(),
            actor: actor(),
            kind: 'privacy.retentionUpdated',
            data: {
              before: { enabled: before.enabled, closedMonths: before.closedMonths, basis: before.basis },
              after: retention,
            },
          });
        },
        () => [{ entity: 'system', ids: [] }],
      );
      return retentionOf(ctx.db);
    },

    'privacy.retention.run': ():
      Promise<MethodOutput<'privacy.retention.run'>> | MethodOutput<'privacy.retention.run'> => {
      const retention = retentionOf(ctx.db);
      const now = ctx.now();
      if (!retention.enabled) return { tickets: 0, erasure: null };
      const cutoff = new Date(now);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - retention.closedMonths);
      const due = sql(
        ctx.db,
        `SELECT id, requester_name, requester_email, requester_phone FROM tickets
          WHERE requester_erased = 0 AND status IN ('resolved', 'closed') AND resolved_at IS NOT NULL AND resolved_at < ?
          ORDER BY id LIMIT 500`,
      ).all(cutoff.toISOString()) as {
        id: number;
        requester_name: string;
        requester_email: string;
        requester_phone: string;
      }[];
      if (!due.length) return { tickets: 0, erasure: null };
      // One pseudonym per requester in a run; only their closed tickets, never the directory or newer tickets.
      const byRequester = new Map<string, ErasureGroup>();
      for (const t of due) {
        const key = (t.requester_email || t.requester_name).toLocaleLowerCase('de');
        const group = byRequester.get(key) ?? {
          identifiers: identifierList({
            names: [t.requester_name],
            emails: [t.requester_email].filter(Boolean),
            phones: [t.requester_phone].filter(Boolean),
          }),
          pseudonym: '',
          tickets: [],
          eventIds: [],
          personId: null,
        };
        group.tickets.push({ id: t.id, requester: true });
        byRequester.set(key, group);
      }
      const groups = [...byRequester.values()];
      for (const group of groups) {
        group.pseudonym = newPseudonym(ctx.db);
        group.eventIds = eventsOf(ctx.db, new Set(group.tickets.map((t) => t.id)), []);
      }
      const record = zeroingFreedPages(ctx.db, () =>
        ctx.write(
          () => {
            const made = applyErasure(ctx.db, {
              groups,
              basis: retention.basis,
              scope: 'retention',
              keepAttachments: false,
              at: now.toISOString(),
              actor: 'Leitstand',
            });
            writeSetting(ctx.db, RETENTION_RUN_KEY, { at: now.toISOString(), count: due.length });
            return made;
          },
          () => changesOf(groups),
        ),
      );
      return finish(record).then((erasure) => ({ tickets: due.length, erasure }));
    },

    'privacy.record': ({ language }: ParsedInput<'privacy.record'>): MethodOutput<'privacy.record'> =>
      recordSections(ctx.db, language),
    'privacy.record.update': ({
      language,
      sections,
    }: ParsedInput<'privacy.record.update'>): MethodOutput<'privacy.record.update'> => {
      ctx.write(
        () => saveRecordEdits(ctx.db, language, sections, { at: ctx.now().toISOString(), actor: actor() }),
        () => [{ entity: 'system', ids: [] }],
      );
      return recordSections(ctx.db, language);
    },
  };
}
