import Papa from 'papaparse';
import { MAX_IMPORT_ROWS, type DirectoryKind } from '../../shared/contract/directory';
import { foldForSearch, type ImportField } from '../../shared/domain/directory';
import { AppError } from '../../shared/errors';

export type CsvTable = {
  encoding: 'utf-8' | 'windows-1252';
  separator: string;
  header: string[];
  /** Each record with its row as Excel numbers it (the header is row 1). */
  records: { line: number; cells: string[] }[];
  /** PowerShell's `#TYPE …` line was there (an `Export-Csv` of Windows PowerShell). */
  powershellType: boolean;
};

/**
 * Text as Excel, PowerShell or the M365 admin centre write it: UTF-8 with or without BOM, UTF-16 with BOM
 * (Excel's "Unicode text"), else Windows-1252 (Excel's "CSV (Trennzeichen-getrennt)" on a German Windows).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Parses the CSV (papaparse: RFC 4180 quoting, separator guessed among ; , tab); refuses what it cannot trust. */
export function parseCsv(bytes: Uint8Array): CsvTable {
  if (bytes.length === 0) throw new AppError('invalid_input', 'import_empty', {});
  const { text: decoded, encoding } = decodeText(bytes);
  // oxlint-disable-next-line no-control-regex -- control characters are what marks a binary file
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded))
    throw new AppError('invalid_input', 'import_not_text', {});
  let text = decoded;
  const powershellType = /^#TYPE [^\r\n]*\r?\n/.test(text);
  if (powershellType) text = text.replace(/^#TYPE [^\r\n]*\r?\n/, '');
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [';', ',', '\t', '|'],
    skipEmptyLines: 'greedy',
    preview: MAX_IMPORT_ROWS + 2,
  });
  const quoting = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoting) {
    throw new AppError('invalid_input', 'import_quotes', { line: (quoting.row ?? 0) + 1 + (powershellType ? 1 : 0) });
  }
  const [header, ...rows] = parsed.data;
  if (!header || header.every((cell) => !cell.trim())) throw new AppError('invalid_input', 'import_empty', {});
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError('invalid_input', 'import_too_many_rows', { max: MAX_IMPORT_ROWS });
  const offset = powershellType ? 2 : 1;
  return {
    encoding,
    separator: parsed.meta.delimiter,
    header: header.map((cell) => cell.trim()),
    records: rows.map((cells, index) => ({ line: index + offset + 1, cells })),
    powershellType,
  };
}

/** A header as compared: folded, letters and digits only ("E-Mail-Adresse" → "emailadresse"). */
const headerKey = (header: string) => foldForSearch(header).replace(/[^a-z0-9]/g, '');

/** Header names per field, best first; German and English, M365 admin centre, AD (`Get-ADUser`) and LDAP names. */
const synonyms: Record<DirectoryKind, Partial<Record<ImportField, string[]>>> = {
  people: {
    name: ['displayname', 'anzeigename', 'name', 'vollername', 'fullname', 'mitarbeiter', 'mitarbeiterin', 'cn'],
    firstName: ['firstname', 'givenname', 'vorname'],
    lastName: ['lastname', 'surname', 'sn', 'nachname', 'familienname'],
    email: ['emailaddress', 'mail', 'email', 'emailadresse', 'userprincipalname', 'upn'],
    department: ['department', 'abteilung', 'bereich', 'departmentnumber'],
    phone: ['phonenumber', 'officephone', 'telephonenumber', 'telefon', 'telefonnummer', 'phone', 'durchwahl'],
    mobile: ['mobilephone', 'mobile', 'handy', 'mobil', 'mobiltelefon', 'mobilnummer'],
    location: ['office', 'physicaldeliveryofficename', 'raum', 'buero', 'buro', 'standort', 'location', 'room'],
    role: ['title', 'jobtitle', 'rolle', 'position', 'funktion', 'role', 'titel'],
    vip: ['vip'],
    active: ['enabled', 'active', 'aktiv'],
    blocked: ['blockcredential', 'gesperrt', 'anmeldungblockiert'],
    notes: ['notes', 'notizen', 'bemerkung', 'bemerkungen', 'info', 'description'],
  },
  departments: {
    name: ['name', 'abteilung', 'department', 'bereich'],
    head: ['head', 'leitung', 'leiter', 'leiterin', 'manager', 'abteilungsleitung'],
    processes: ['processes', 'prozesse', 'geschaftsprozesse', 'geschaeftsprozesse', 'businessprocesses'],
    notes: ['notes', 'notizen', 'bemerkung'],
  },
  systems: {
    name: ['name', 'system', 'systemname', 'dienst', 'service', 'gerat', 'geraet', 'device'],
    kind: ['kind', 'type', 'art', 'typ'],
    location: ['location', 'standort', 'host', 'hostname', 'url', 'adresse', 'address'],
    criticality: ['criticality', 'kritikalitat', 'kritikalitaet', 'kritisch', 'wichtigkeit', 'businesscriticality'],
    departments: ['departments', 'abteilungen', 'abteilung', 'department'],
    processes: ['processes', 'prozesse', 'geschaftsprozesse', 'geschaeftsprozesse'],
    owner: ['owner', 'verantwortlich', 'verantwortlicher', 'besitzer', 'systemverantwortlich', 'ansprechpartner'],
    provider: ['provider', 'dienstleister', 'msp', 'betreuer', 'supportpartner'],
    runbooks: ['runbooks', 'checklisten', 'checklists'],
    notes: ['notes', 'notizen', 'bemerkung', 'beschreibung', 'description'],
    retired: ['retired', 'ausgemustert', 'stillgelegt', 'ausserbetrieb'],
  },
};

/** Column → field from the header alone; each field at most once, the best-named column wins. */
export function autoMapping(kind: DirectoryKind, header: readonly string[]): Record<string, string> {
  const keys = header.map(headerKey);
  const mapping: Record<string, string> = Object.fromEntries(header.map((column) => [column, '']));
  for (const [field, names] of Object.entries(synonyms[kind])) {
    for (const name of names ?? []) {
      const index = keys.indexOf(name);
      if (index >= 0 && mapping[header[index]!] === '') {
        mapping[header[index]!] = field;
        break;
      }
    }
  }
  return mapping;
}

export function detectFormat(table: CsvTable): 'm365' | 'ad' | 'generic' {
  const keys = new Set(table.header.map(headerKey));
  if (keys.has('userprincipalname') && keys.has('displayname') && (keys.has('blockcredential') || keys.has('licenses')))
    return 'm365';
  if (table.powershellType || keys.has('samaccountname') || keys.has('distinguishedname')) return 'ad';
  return 'generic';
}
