import { ownValue } from '../domain/own';

/** A reason in both languages: the store does not know the caller's, the screen shows its own. */
export type Reason = { de: string; en: string };

/** Import fields as the mapping step and the row reasons name them. */
export const importFieldLabels = {
  de: {
    name: 'Name',
    firstName: 'Vorname',
    lastName: 'Nachname',
    department: 'Abteilung',
    email: 'E-Mail',
    phone: 'Telefon',
    mobile: 'Mobil',
    location: 'Raum/Standort',
    role: 'Rolle',
    vip: 'VIP',
    active: 'Aktiv',
    blocked: 'Anmeldung gesperrt',
    notes: 'Notizen',
    head: 'Leitung',
    processes: 'Geschäftsprozesse',
    kind: 'Art',
    criticality: 'Kritikalität',
    departments: 'Abteilungen',
    owner: 'Verantwortlich',
    provider: 'Dienstleister',
    runbooks: 'Checklisten',
    retired: 'Außer Betrieb',
  },
  en: {
    name: 'Name',
    firstName: 'First name',
    lastName: 'Last name',
    department: 'Department',
    email: 'E-mail',
    phone: 'Phone',
    mobile: 'Mobile',
    location: 'Room/location',
    role: 'Role',
    vip: 'VIP',
    active: 'Active',
    blocked: 'Sign-in blocked',
    notes: 'Notes',
    head: 'Head',
    processes: 'Business processes',
    kind: 'Kind',
    criticality: 'Criticality',
    departments: 'Departments',
    owner: 'Owner',
    provider: 'Provider',
    runbooks: 'Checklists',
    retired: 'Retired',
  },
} as const;

const texts = {
  de: {
    notYesNo: '{field}: „{value}“ ist weder ja noch nein',
    unknownValue: '{field}: „{value}“ ist kein bekannter Wert',
    unknownOwner: 'Verantwortlich: „{value}“ steht nicht im Verzeichnis (erst die Personen importieren)',
    unknownProvider: 'Dienstleister: „{value}“ ist nicht angelegt',
    formula: '{field}: eine Formel statt eines Werts (in Excel als Wert einfügen)',
    duplicate: 'doppelt in der Datei (wie Zeile {line})',
  },
  en: {
    notYesNo: '{field}: "{value}" is neither yes nor no',
    unknownValue: '{field}: "{value}" is not a known value',
    unknownOwner: 'Owner: "{value}" is not in the directory (import the people first)',
    unknownProvider: 'Provider: "{value}" is not set up',
    formula: '{field}: a formula instead of a value (paste it as a value in Excel)',
    duplicate: 'twice in the file (as row {line})',
  },
} as const;

export function importReason(key: keyof (typeof texts)['de'], params: Record<string, string | number>): Reason {
  const fill = (language: 'de' | 'en') =>
    texts[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = ownValue(params, name);
      if (value === undefined) return whole;
      if (name === 'field') return ownValue(importFieldLabels[language], String(value)) ?? String(value);
      return String(value).slice(0, 80);
    });
  return { de: fill('de'), en: fill('en') };
}
