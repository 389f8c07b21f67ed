import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { DirectoryKind, ImportPreview } from '../../shared/contract/directory';
import {
  departmentSchema,
  emailKey,
  foldForSearch,
  personSchema,
  systemSchema,
  type Department,
  type DirectorySystem,
  type Person,
} from '../../shared/domain/directory';
import type { MspProvider } from '../../shared/domain/msp';
import type { criticalitySchema, systemKindSchema } from '../../shared/domain/directory';
import { describeIssues, zodLocales } from '../validation';
import { importReason, type Reason } from '../../shared/i18n/directoryImport';
import { criticalityLabels, systemKindLabels } from '../../shared/i18n/directoryTexts';

/** Rows as they come, from a CSV file or an LDAP answer: a header and cells per row. */
export type SourceTable = { header: string[]; records: { line: number; cells: string[] }[] };

/** What is there already, to match rows against and to resolve owners and providers by name. */
export type DirectoryState = {
  people: Person[];
  departments: Department[];
  systems: DirectorySystem[];
  providers: MspProvider[];
};

type AnyRecord = Person | Department | DirectorySystem;
export type Outcome = {
  line: number;
  name: string;
  status: 'new' | 'changed' | 'unchanged' | 'invalid';
  reason: Reason | null;
  changes: string[];
  record: AnyRecord | null;
};

const yes = new Set(['1', 'true', 'wahr', 'ja', 'yes', 'y', 'j', 'x']);
const no = new Set(['0', 'false', 'falsch', 'nein', 'no', 'n', '']);
/** A cell Excel would run as a formula (`=…`, or `+ - @` followed by a call): refused, never stored. */
const isFormula = (value: string) => value.startsWith('=') || /^[+\-@].*[(|!]/.test(value);
const list = (value: string) =>
  value
    .split(/\s*[,|\n]\s*/)
    .map((item) => item.trim())
    .filter(Boolean);

/** A value as compared: folded, letters and digits only. */
const word = (value: string) => foldForSearch(value).replace(/[^a-z0-9]/g, '');
/** The names the screens and the export use, in both languages, are always understood. */
const fromLabels = <K extends string>(labels: { de: Record<K, string>; en: Record<K, string> }): Record<string, K> =>
  Object.fromEntries(
    (['de', 'en'] as const).flatMap((language) =>
      (Object.entries(labels[language]) as [K, string][]).map(([key, label]) => [word(label), key]),
    ),
  ) as Record<string, K>;

const kindWords: Record<string, z.infer<typeof systemKindSchema>> = {
  ...fromLabels(systemKindLabels),
  server: 'server',
  application: 'application',
  anwendung: 'application',
  software: 'application',
  cloud: 'cloud',
  clouddienst: 'cloud',
  cloudservice: 'cloud',
  network: 'network',
  netzwerk: 'network',
  printer: 'printer',
  drucker: 'printer',
  workstation: 'workstation',
  arbeitsplatz: 'workstation',
  pc: 'workstation',
  other: 'other',
  sonstiges: 'other',
  andere: 'other',
};
const criticalityWords: Record<string, z.infer<typeof criticalitySchema>> = {
  ...fromLabels(criticalityLabels),
  critical: 'critical',
  kritisch: 'critical',
  geschaftskritisch: 'critical',
  hoch: 'critical',
  important: 'important',
  wichtig: 'important',
  mittel: 'important',
  normal: 'normal',
  niedrig: 'normal',
  low: 'normal',
};
class RowProblem extends Error {
  constructor(readonly reason: Reason) {
    super(reason.en);
  }
}

function bool(value: string, field: string): boolean {
  const key = foldForSearch(value.trim());
  if (yes.has(key)) return true;
  if (no.has(key)) return false;
  throw new RowProblem(importReason('notYesNo', { field, value }));
}

function pick<T>(words: Record<string, T>, value: string, field: string): T {
  const found = Object.hasOwn(words, word(value)) ? words[word(value)] : undefined;
  if (found === undefined) throw new RowProblem(importReason('unknownValue', { field, value }));
  return found;
}

/** The fields a row sets, by kind; only mapped columns, so a file never blanks what it does not carry. */
function patchOf(kind: DirectoryKind, values: Map<string, string>, state: DirectoryState): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const get = (field: string) => values.get(field);
  const set = (field: string, value: unknown) => {
    if (value !== undefined) patch[field] = value;
  };
  if (kind === 'people') {
    const full = [get('firstName'), get('lastName')].filter(Boolean).join(' ');
    set('name', get('name') || full || (values.has('name') ? '' : undefined));
    for (const field of ['department', 'email', 'location', 'role', 'notes']) set(field, get(field));
    set('phone', get('phone') || get('mobile'));
    if (values.has('vip')) set('vip', bool(get('vip')!, 'vip'));
    if (values.has('active')) set('active', bool(get('active')!, 'active'));
    if (values.has('blocked')) set('active', !bool(get('blocked')!, 'blocked'));
  } else if (kind === 'departments') {
    for (const field of ['name', 'head', 'notes']) set(field, get(field));
    if (values.has('processes')) set('processes', list(get('processes')!));
  } else {
    for (const field of ['name', 'location', 'notes']) set(field, get(field));
    if (get('kind')) set('kind', pick(kindWords, get('kind')!, 'kind'));
    if (get('criticality')) set('criticality', pick(criticalityWords, get('criticality')!, 'criticality'));
    for (const field of ['departments', 'processes', 'runbooks']) if (values.has(field)) set(field, list(get(field)!));
    if (values.has('retired')) set('retired', bool(get('retired')!, 'retired'));
    const owner = get('owner');
    if (owner) {
      const key = foldForSearch(owner);
      const person = state.people.find((p) => emailKey(p.email) === key || foldForSearch(p.name) === key);
      if (!person) throw new RowProblem(importReason('unknownOwner', { value: owner }));
      set('ownerId', person.id);
    }
    const provider = get('provider');
    if (provider) {
      const key = foldForSearch(provider);
      const found = state.providers.find((p) => p.id === key || foldForSearch(p.name) === key);
      if (!found) throw new RowProblem(importReason('unknownProvider', { value: provider }));
      set('providerId', found.id);
    }
  }
  return patch;
}

const schemas = { people: personSchema, departments: departmentSchema, systems: systemSchema } as const;

function invalid(schema: z.ZodType, value: unknown): Reason | null {
  const de = schema.safeParse(value, { error: zodLocales.de.localeError });
  if (de.success) return null;
  const en = schema.safeParse(value, { error: zodLocales.en.localeError });
  return {
    de: describeIssues(de.error.issues, 'de', value).summary,
    en: describeIssues(en.success ? [] : en.error.issues, 'en', value).summary,
  };
}

/** The key a row is matched by: the e-mail for people (else the name), the name for the rest. */
const matchKey = (kind: DirectoryKind, record: Record<string, unknown>) =>
  kind === 'people' && typeof record.email === 'string' && record.email
    ? `@${emailKey(record.email)}`
    : `#${foldForSearch(typeof record.name === 'string' ? record.name : '')}`;

/** Every row of the source, checked and compared with the directory. Pure: writes nothing. */
export function importOutcomes(
  kind: DirectoryKind,
  table: SourceTable,
  mapping: ReadonlyMap<string, string>,
  state: DirectoryState,
  source: 'csv' | 'ldap',
): Outcome[] {
  const existing: AnyRecord[] = state[kind];
  const byKey = new Map<string, AnyRecord>();
  for (const record of existing) {
    const email = kind === 'people' ? emailKey((record as Person).email) : null;
    byKey.set(email ? `@${email}` : `#${foldForSearch(record.name)}`, record);
    if (email) byKey.set(`#${foldForSearch(record.name)}`, byKey.get(`#${foldForSearch(record.name)}`) ?? record);
  }
  const seen = new Map<string, number>();
  const columns = table.header.map((column) => mapping.get(column) ?? '');
  return table.records.map(({ line, cells }): Outcome => {
    const values = new Map<string, string>();
    const marked = new Set<string>();
    columns.forEach((field, index) => {
      if (!field || values.get(field)) return;
      let value = (cells[index] ?? '').trim();
      // A leading apostrophe marks text (Excel's convention, and our export's): taken as the text after it.
      if (/^'[=+\-@\t\r]/.test(value)) {
        value = value.slice(1);
        marked.add(field);
      }
      values.set(field, value);
    });
    const name = values.get('name') || [values.get('firstName'), values.get('lastName')].filter(Boolean).join(' ');
    const fail = (reason: Reason): Outcome => ({ line, name, status: 'invalid', reason, changes: [], record: null });
    const formula = [...values.entries()].find(([field, value]) => !marked.has(field) && isFormula(value));
    if (formula) return fail(importReason('formula', { field: formula[0] }));
    let patch: Record<string, unknown>;
    try {
      patch = patchOf(kind, values, state);
    } catch (error) {
      if (error instanceof RowProblem) return fail(error.reason);
      throw error;
    }
    const key = matchKey(kind, patch);
    const earlier = seen.get(key);
    if (earlier !== undefined) return fail(importReason('duplicate', { line: earlier }));
    seen.set(key, line);
    // A person without e-mail in the directory is found by name; one with another address is someone else.
    const byName =
      kind === 'people' ? byKey.get(`#${foldForSearch(typeof patch.name === 'string' ? patch.name : '')}`) : undefined;
    const before = byKey.get(key) ?? (byName && !(byName as Person).email ? byName : undefined);
    const merged = {
      ...before,
      ...patch,
      id: before?.id ?? 0,
      source: before ? (before.source ?? source) : source,
    };
    const reason = invalid(schemas[kind], merged);
    if (reason) return fail(reason);
    const record = schemas[kind].parse(merged) as AnyRecord;
    if (!before) return { line, name: record.name, status: 'new', reason: null, changes: [], record };
    const changes = Object.keys(patch).filter(
      (field) =>
        JSON.stringify((record as Record<string, unknown>)[field]) !==
        JSON.stringify((before as Record<string, unknown>)[field]),
    );
    return { line, name: record.name, status: changes.length ? 'changed' : 'unchanged', reason: null, changes, record };
  });
}

const SHOWN_ROWS = 500;

/** The preview: counts, the rows worth reading (invalid first), and a token naming exactly this outcome. */
export function previewOf(
  kind: DirectoryKind,
  outcomes: readonly Outcome[],
  detected: ImportPreview['detected'],
  header: string[],
  mapping: ReadonlyMap<string, string>,
): ImportPreview {
  const counts = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  const order = { invalid: 0, changed: 1, new: 2, unchanged: 3 } as const;
  const rows = [...outcomes]
    .sort((a, b) => order[a.status] - order[b.status] || a.line - b.line)
    .slice(0, SHOWN_ROWS)
    .map(({ line, name, status, reason, changes }) => ({ line, name, status, reason, changes }));
  const token = createHash('sha256')
    .update(JSON.stringify([kind, [...mapping], outcomes.map((o) => [o.line, o.status, o.record])]))
    .digest('hex');
  const mapped = Object.fromEntries(header.map((column) => [column, mapping.get(column) ?? '']));
  return {
    kind,
    detected,
    columns: header,
    mapping: mapped,
    unknownColumns: header.filter((column) => !mapping.get(column)),
    counts,
    rows,
    token,
  };
}
