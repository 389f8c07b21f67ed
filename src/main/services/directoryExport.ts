import type { DirectoryKind } from '../../shared/contract/directory';
import type { DirectoryState } from './directoryImport';
import { criticalityLabels, systemKindLabels } from '../../shared/i18n/directoryTexts';

type Language = 'de' | 'en';
type Column<T> = [header: Record<Language, string>, value: (record: T, language: Language) => string];

const yesNo = (value: boolean, language: Language) =>
  value ? (language === 'de' ? 'ja' : 'yes') : language === 'de' ? 'nein' : 'no';
const kindWord = systemKindLabels;
const criticalityWord = criticalityLabels;

/**
 * A cell Excel would run as a formula (`= + - @`, or a tab or CR first) gets a leading apostrophe: shown as the
 * text it is, never executed. Quotes double; every cell is quoted, so `;` and line breaks stay inside it.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The three lists as Excel opens them with a double-click: `;`, UTF-8 with BOM, CRLF; headers re-import. */
export function exportCsv(kind: DirectoryKind, state: DirectoryState, now: Date, language: Language = 'de') {
  const personName = (id: number) => {
    const person = state.people.find((p) => p.id === id);
    return person ? person.email || person.name : '';
  };
  const tables = {
    people: [
      [{ de: 'Name', en: 'Name' }, (p) => p.name],
      [{ de: 'Abteilung', en: 'Department' }, (p) => p.department],
      [{ de: 'E-Mail', en: 'E-mail' }, (p) => p.email],
      [{ de: 'Telefon', en: 'Phone' }, (p) => p.phone],
      [{ de: 'Standort', en: 'Location' }, (p) => p.location],
      [{ de: 'Rolle', en: 'Role' }, (p) => p.role],
      [{ de: 'VIP', en: 'VIP' }, (p, l) => yesNo(p.vip, l)],
      [{ de: 'Aktiv', en: 'Active' }, (p, l) => yesNo(p.active, l)],
      [{ de: 'Notizen', en: 'Notes' }, (p) => p.notes],
    ] satisfies Column<DirectoryState['people'][number]>[],
    departments: [
      [{ de: 'Name', en: 'Name' }, (d) => d.name],
      [{ de: 'Leitung', en: 'Head' }, (d) => d.head],
      [{ de: 'Prozesse', en: 'Processes' }, (d) => d.processes.join(', ')],
      [{ de: 'Notizen', en: 'Notes' }, (d) => d.notes],
    ] satisfies Column<DirectoryState['departments'][number]>[],
    systems: [
      [{ de: 'Name', en: 'Name' }, (s) => s.name],
      [{ de: 'Art', en: 'Kind' }, (s, l) => kindWord[l][s.kind]],
      [{ de: 'Standort', en: 'Location' }, (s) => s.location],
      [{ de: 'Kritikalität', en: 'Criticality' }, (s, l) => criticalityWord[l][s.criticality]],
      [{ de: 'Abteilungen', en: 'Departments' }, (s) => s.departments.join(', ')],
      [{ de: 'Prozesse', en: 'Processes' }, (s) => s.processes.join(', ')],
      [{ de: 'Verantwortlich', en: 'Owner' }, (s) => (s.ownerId ? personName(s.ownerId) : '')],
      [{ de: 'Dienstleister', en: 'Provider' }, (s) => s.providerId],
      [{ de: 'Checklisten', en: 'Checklists' }, (s) => s.runbooks.join(', ')],
      [{ de: 'Notizen', en: 'Notes' }, (s) => s.notes],
      [{ de: 'Außer Betrieb', en: 'Retired' }, (s, l) => yesNo(s.retired, l)],
    ] satisfies Column<DirectoryState['systems'][number]>[],
  };
  const render = <T>(columns: Column<T>[], records: T[]) =>
    [
      columns.map(([header]) => csvCell(header[language])).join(';'),
      ...records.map((r) => columns.map(([, value]) => csvCell(value(r, language))).join(';')),
    ].join('\r\n');
  const body =
    kind === 'people'
      ? render(tables.people, state.people)
      : kind === 'departments'
        ? render(tables.departments, state.departments)
        : render(tables.systems, state.systems);
  const names = {
    people: { de: 'Personen', en: 'people' },
    departments: { de: 'Abteilungen', en: 'departments' },
    systems: { de: 'Systeme', en: 'systems' },
  };
  const fileName = `Leitstand-${names[kind][language]}-${now.toISOString().slice(0, 10)}.csv`;
  return { fileName, contentBase64: Buffer.from(`\uFEFF${body}\r\n`, 'utf8').toString('base64') };
}
