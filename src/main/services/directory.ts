import type { ChangeEvent, MethodOutput, ParsedInput } from '../../shared/contract';
import type { DirectoryKind, ImportPreview } from '../../shared/contract/directory';
import {
  foldForSearch,
  type Department,
  type DirectoryHit,
  type DirectoryRaise,
  type DirectorySystem,
  type Person,
} from '../../shared/domain/directory';
import type { FirstContact, Requester } from '../../shared/domain/ticket';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import * as q from '../queries/directory';
import { providerRows } from '../queries/msp';
import { findTicketRow } from '../queries/tickets';
import type { ServiceContext } from './context';
import { autoMapping, detectFormat, parseCsv } from './directoryCsv';
import { exportCsv } from './directoryExport';
import { importOutcomes, previewOf, type DirectoryState, type Outcome, type SourceTable } from './directoryImport';
import { ldapPeople } from './directoryLdap';

const changed = (): ChangeEvent[] => [{ entity: 'directory', ids: [] }];

type SearchTable = 'directory_people' | 'directory_systems';

/**
 * The typeahead's index: each record's folded words, held in memory. The service is the directory's only writer
 * (one store, one writer), and every write drops the index before it commits, so it is never older than the data.
 */
function searchIndex(load: (table: SearchTable) => { id: number; search: string }[]) {
  const tables = new Map<SearchTable, { id: number; search: string }[]>();
  return {
    drop: () => tables.clear(),
    /** Ids whose words contain every word of the query; word starts first, then the rest, each in id order. */
    find(table: SearchTable, words: readonly string[], limit: number): number[] {
      let entries = tables.get(table);
      if (!entries) {
        entries = load(table).map((e) => ({ id: e.id, search: ` ${e.search}` }));
        tables.set(table, entries);
      }
      const starts: number[] = [];
      const inside: number[] = [];
      const first = ` ${words[0]}`;
      for (const entry of entries) {
        if (!words.every((word) => entry.search.includes(word))) continue;
        if (entry.search.includes(first)) {
          starts.push(entry.id);
          if (starts.length >= limit) break;
        } else if (inside.length < limit) inside.push(entry.id);
      }
      return [...starts, ...inside].slice(0, limit);
    },
  };
}
const RECENT = 10;

/** People, departments and systems of the company; imports, export, search; what tickets refer to. */
export function directoryService(ctx: ServiceContext) {
  const actor = () => ctx.settings().coordinatorName;
  const at = () => ctx.now().toISOString();
  const index = searchIndex((table) => q.searchKeys(ctx.db, table));
  const log = (kind: string, data: Record<string, unknown>) => {
    // Every directory change writes an event: the one place to drop the typeahead's index.
    index.drop();
    appendEvent(ctx.db, { ticketId: null, at: at(), actor: actor(), kind, data });
  };
  const found = (table: SearchTable, words: string[], limit: number) =>
    q.rowsByIds(ctx.db, table, index.find(table, words, limit));

  const state = (): DirectoryState => ({
    people: q.allPeople(ctx.db),
    departments: q.allDepartments(ctx.db),
    systems: q.allSystems(ctx.db),
    providers: providerRows(ctx.db),
  });

  function requirePerson(id: number): Person {
    const person = q.findPerson(ctx.db, id);
    if (!person) throw new AppError('not_found', 'not_found_person', { id });
    return person;
  }
  function requireSystem(id: number): DirectorySystem {
    const system = q.findSystem(ctx.db, id);
    if (!system) throw new AppError('not_found', 'not_found_system', { id });
    return system;
  }

  /** Unique e-mail (people) and name (departments, systems): said plainly, at the field. */
  function checkUnique(kind: DirectoryKind, record: Person | Department | DirectorySystem) {
    const clash =
      kind === 'people'
        ? (() => {
            const other = q.personByEmail(ctx.db, (record as Person).email);
            return other && other.id !== record.id ? other : undefined;
          })()
        : q.otherWithName(
            ctx.db,
            kind === 'systems' ? 'directory_systems' : 'directory_departments',
            record.name,
            record.id,
          );
    if (!clash) return;
    const name =
      'name' in clash && typeof clash.name === 'string'
        ? clash.name
        : (JSON.parse((clash as { data: string }).data) as { name: string }).name;
    throw new AppError(
      'invalid_input',
      kind === 'people' ? 'directory_email_taken' : 'directory_name_taken',
      { name },
      [{ path: [kind === 'people' ? 'email' : 'name'] }],
    );
  }

  function save<T extends Person | Department | DirectorySystem>(
    kind: DirectoryKind,
    record: T,
    write: (record: T, at: string) => T,
    event: string,
  ): T {
    if (record.id !== 0) {
      const found =
        kind === 'people'
          ? q.findPerson(ctx.db, record.id)
          : kind === 'systems'
            ? q.findSystem(ctx.db, record.id)
            : q.findDepartment(ctx.db, record.id);
      if (!found) throw new AppError('not_found', 'not_found_directory', { id: record.id });
    }
    checkUnique(kind, record);
    return ctx.write(() => {
      const saved = write(record, at());
      log(event, { record: saved });
      return saved;
    }, changed);
  }

  function remove(kind: 'people' | 'departments' | 'systems', id: number) {
    const found =
      kind === 'people'
        ? q.findPerson(ctx.db, id)
        : kind === 'systems'
          ? q.findSystem(ctx.db, id)
          : q.findDepartment(ctx.db, id);
    if (!found) throw new AppError('not_found', 'not_found_directory', { id });
    ctx.write(() => {
      const when = at();
      if (kind === 'people') q.removePerson(ctx.db, id, when);
      else if (kind === 'systems') q.removeSystem(ctx.db, id, when);
      else q.removeDepartment(ctx.db, id, when);
      // Tickets keep the name they were filed with; the link stays for the history.
      log(`directory.${kind}.removed`, { id, name: found.name });
    }, changed);
    return { removed: true as const };
  }

  function outcomesFrom(kind: DirectoryKind, table: SourceTable, mapping: Map<string, string>, source: 'csv' | 'ldap') {
    return importOutcomes(kind, table, mapping, state(), source);
  }

  function mappingFor(kind: DirectoryKind, header: string[], given: Record<string, string> | undefined) {
    const auto = autoMapping(kind, header);
    const map = new Map(Object.entries(auto));
    if (given) for (const [column, field] of Object.entries(given)) if (map.has(column)) map.set(column, field);
    return map;
  }

  function csvPreview(input: ParsedInput<'directory.import.preview'>) {
    const table = parseCsv(Buffer.from(input.contentBase64, 'base64'));
    const mapping = mappingFor(input.kind, table.header, input.mapping);
    const outcomes = outcomesFrom(input.kind, table, mapping, 'csv');
    const detected = { format: detectFormat(table), encoding: table.encoding, separator: table.separator };
    return { outcomes, preview: previewOf(input.kind, outcomes, detected, table.header, mapping) };
  }

  function ldapPreviewOf(table: SourceTable) {
    const mapping = mappingFor('people', table.header, undefined);
    const outcomes = outcomesFrom('people', table, mapping, 'ldap');
    const detected = { format: 'ldap' as const, encoding: 'ldap' as const, separator: '' };
    return { outcomes, preview: previewOf('people', outcomes, detected, table.header, mapping) };
  }

  /** Writes a previewed import in one transaction, only if it is still exactly what was previewed. */
  function apply(kind: DirectoryKind, compute: () => { outcomes: Outcome[]; preview: ImportPreview }, token: string) {
    return ctx.write(() => {
      const { outcomes, preview } = compute();
      if (preview.token !== token) throw new AppError('conflict', 'import_changed', {});
      if (preview.counts.invalid > 0) {
        const firstBad = outcomes.find((o) => o.status === 'invalid')!;
        throw new AppError('invalid_input', 'import_has_invalid', {
          count: preview.counts.invalid,
          line: firstBad.line,
        });
      }
      const when = at();
      for (const outcome of outcomes) {
        if (outcome.status !== 'new' && outcome.status !== 'changed') continue;
        const record = outcome.record!;
        const saved =
          kind === 'people'
            ? q.writePerson(ctx.db, record as Person, when)
            : kind === 'systems'
              ? q.writeSystem(ctx.db, record as DirectorySystem, when)
              : q.writeDepartment(ctx.db, record as Department, when);
        log(`directory.${kind}.imported`, {
          line: outcome.line,
          status: outcome.status,
          changes: outcome.changes,
          record: saved,
        });
      }
      return { created: preview.counts.new, updated: preview.counts.changed, unchanged: preview.counts.unchanged };
    }, changed);
  }

  /** Raises of the impact a ticket's requester and systems bring; unknown ids are refused at their field. */
  function raisesFor(requester: Requester, firstContact: FirstContact): DirectoryRaise[] {
    const raises: DirectoryRaise[] = [];
    for (const id of firstContact.systemIds) {
      const system = q.findSystem(ctx.db, id);
      if (!system)
        throw new AppError('invalid_input', 'directory_unknown_system', { id }, [
          { path: ['firstContact', 'systemIds'] },
        ]);
      if (system.criticality === 'critical' && !system.retired)
        raises.push({ kind: 'criticalSystem', name: system.name });
    }
    if (requester.personId) {
      const person = q.findPerson(ctx.db, requester.personId);
      if (!person)
        throw new AppError('invalid_input', 'directory_unknown_person', { id: requester.personId }, [
          { path: ['requester', 'personId'] },
        ]);
      if (person.vip) raises.push({ kind: 'vip', name: person.name });
    }
    return raises;
  }

  /** Derived data of a ticket write: its links follow the requester and systems it names (same transaction). */
  function syncLinks(ids: readonly number[]) {
    for (const id of ids) {
      const names = q.ticketNames(ctx.db, id);
      if (!names) continue;
      // Most writes (a note, a status move) name the same person and systems: nothing to rewrite then.
      const links = q.linksOfTicket(ctx.db, id);
      const systems = [...new Set(names.systemIds)].sort((a, b) => a - b);
      if ((links.personId ?? 0) === names.personId && JSON.stringify(links.systemIds) === JSON.stringify(systems))
        continue;
      q.setTicketLinks(ctx.db, id, names.personId || null, systems);
    }
  }

  const hitOfPerson = (p: Person): DirectoryHit => ({
    kind: 'person',
    id: p.id,
    label: p.name,
    detail: [p.department, p.email, p.phone].filter(Boolean).join(' · '),
    fill: { department: p.department, email: p.email, phone: p.phone },
    raise: p.vip ? { kind: 'vip', name: p.name } : null,
  });
  const hitOfSystem = (s: DirectorySystem): DirectoryHit => ({
    kind: 'system',
    id: s.id,
    label: s.name,
    detail: [s.location, ...s.departments].filter(Boolean).join(' · '),
    fill: null,
    raise: s.criticality === 'critical' && !s.retired ? { kind: 'criticalSystem', name: s.name } : null,
  });

  const handlers = {
    'directory.people.list': ({
      q: query,
      includeInactive,
      limit,
    }: ParsedInput<'directory.people.list'>): MethodOutput<'directory.people.list'> => {
      const words = foldForSearch(query).split(/\s+/).filter(Boolean);
      const all = words.length
        ? q
            .searchRows(ctx.db, 'directory_people', words, 100_000)
            .map((r) => ({ ...(JSON.parse(r.data) as Person), id: r.id }))
        : q.allPeople(ctx.db);
      const shown = all.filter((p) => includeInactive || p.active);
      const counts = q.linkCounts(ctx.db, 'person', false);
      return {
        people: shown.slice(0, limit).map((p) => ({ ...p, ticketCount: counts.get(p.id) ?? 0 })),
        total: shown.length,
      };
    },
    'directory.people.get': ({ id }: ParsedInput<'directory.people.get'>): MethodOutput<'directory.people.get'> => {
      const person = requirePerson(id);
      return {
        person,
        tickets: q.linkedTickets(ctx.db, 'person', id, { openOnly: false, limit: 50 }),
        systems: q.allSystems(ctx.db).filter((s) => s.ownerId === id),
      };
    },
    'directory.people.save': ({ person }: ParsedInput<'directory.people.save'>) =>
      save('people', person, (p, when) => q.writePerson(ctx.db, p, when), 'directory.people.saved'),
    'directory.people.remove': ({ id }: ParsedInput<'directory.people.remove'>) => remove('people', id),
    'directory.departments.list': (): MethodOutput<'directory.departments.list'> => {
      const people = q.allPeople(ctx.db).filter((p) => p.active);
      const sizeOf = (name: string) => people.filter((p) => foldForSearch(p.department) === foldForSearch(name)).length;
      return { departments: q.allDepartments(ctx.db).map((d) => ({ ...d, size: sizeOf(d.name) })) };
    },
    'directory.departments.save': ({ department }: ParsedInput<'directory.departments.save'>) =>
      save('departments', department, (d, when) => q.writeDepartment(ctx.db, d, when), 'directory.departments.saved'),
    'directory.departments.remove': ({ id }: ParsedInput<'directory.departments.remove'>) => remove('departments', id),
    'directory.systems.list': ({
      q: query,
      includeInactive,
      limit,
    }: ParsedInput<'directory.systems.list'>): MethodOutput<'directory.systems.list'> => {
      const words = foldForSearch(query).split(/\s+/).filter(Boolean);
      const all = words.length
        ? q
            .searchRows(ctx.db, 'directory_systems', words, 100_000)
            .map((r) => ({ ...(JSON.parse(r.data) as DirectorySystem), id: r.id }))
        : q.allSystems(ctx.db);
      const shown = all.filter((s) => includeInactive || !s.retired);
      const counts = q.linkCounts(ctx.db, 'system', true);
      return {
        systems: shown.slice(0, limit).map((s) => ({ ...s, openTickets: counts.get(s.id) ?? 0 })),
        total: shown.length,
      };
    },
    'directory.systems.get': ({ id }: ParsedInput<'directory.systems.get'>): MethodOutput<'directory.systems.get'> => {
      const system = requireSystem(id);
      return {
        system,
        owner: system.ownerId ? (q.findPerson(ctx.db, system.ownerId) ?? null) : null,
        openTickets: q.linkedTickets(ctx.db, 'system', id, { openOnly: true, limit: 50 }),
        recentTickets: q.linkedTickets(ctx.db, 'system', id, { openOnly: false, limit: 20 }),
      };
    },
    'directory.systems.save': ({ system }: ParsedInput<'directory.systems.save'>) => {
      if (system.ownerId) requirePerson(system.ownerId);
      if (system.providerId && !providerRows(ctx.db).some((p) => p.id === system.providerId))
        throw new AppError('invalid_input', 'not_found_provider', { id: system.providerId }, [
          { path: ['providerId'] },
        ]);
      return save('systems', system, (s, when) => q.writeSystem(ctx.db, s, when), 'directory.systems.saved');
    },
    'directory.systems.remove': ({ id }: ParsedInput<'directory.systems.remove'>) => remove('systems', id),
    'directory.search': ({
      q: query,
      kinds,
      limit,
    }: ParsedInput<'directory.search'>): MethodOutput<'directory.search'> => {
      const words = foldForSearch(query).split(/\s+/).filter(Boolean).slice(0, 6);
      if (!words.length) return { hits: [] };
      const hits: DirectoryHit[] = [];
      if (kinds.includes('person'))
        hits.push(
          ...found('directory_people', words, limit).map((r) =>
            hitOfPerson({ ...(JSON.parse(r.data) as Person), id: r.id }),
          ),
        );
      if (kinds.includes('system'))
        hits.push(
          ...found('directory_systems', words, limit).map((r) =>
            hitOfSystem({ ...(JSON.parse(r.data) as DirectorySystem), id: r.id }),
          ),
        );
      if (kinds.includes('department')) {
        const key = words.join(' ');
        for (const d of q.allDepartments(ctx.db))
          if (foldForSearch(d.name).includes(key))
            hits.push({ kind: 'department', id: d.id, label: d.name, detail: d.head, fill: null, raise: null });
      }
      return { hits: hits.slice(0, limit * kinds.length) };
    },
    'directory.forTicket': ({ ticketId }: ParsedInput<'directory.forTicket'>): MethodOutput<'directory.forTicket'> => {
      const row = findTicketRow(ctx.db, ticketId);
      if (!row) throw new AppError('not_found', 'not_found_ticket', { id: ticketId });
      const links = q.linksOfTicket(ctx.db, ticketId);
      const person = links.personId ? q.findPerson(ctx.db, links.personId) : undefined;
      return {
        person: person
          ? {
              person,
              recentTickets: q.linkedTickets(ctx.db, 'person', person.id, {
                openOnly: false,
                limit: RECENT,
                exceptTicket: ticketId,
              }),
            }
          : null,
        systems: links.systemIds.flatMap((id) => {
          const system = q.findSystem(ctx.db, id);
          return system
            ? [
                {
                  system,
                  openTickets: q.linkedTickets(ctx.db, 'system', id, {
                    openOnly: true,
                    limit: RECENT,
                    exceptTicket: ticketId,
                  }),
                },
              ]
            : [];
        }),
      };
    },
    'directory.import.preview': (input: ParsedInput<'directory.import.preview'>) => csvPreview(input).preview,
    'directory.import.apply': ({ token, ...input }: ParsedInput<'directory.import.apply'>) =>
      apply(input.kind, () => csvPreview(input), token),
    'directory.ldap.preview': async (input: ParsedInput<'directory.ldap.preview'>) =>
      ldapPreviewOf(await ldapPeople(input)).preview,
    'directory.ldap.apply': async ({ token, ...input }: ParsedInput<'directory.ldap.apply'>) => {
      const table = await ldapPeople(input);
      return apply('people', () => ldapPreviewOf(table), token);
    },
    'directory.export': ({ kind }: ParsedInput<'directory.export'>): MethodOutput<'directory.export'> =>
      exportCsv(kind, state(), ctx.now(), ctx.settings().language === 'en' ? 'en' : 'de'),
  };
  return { handlers, raisesFor, syncLinks };
}
