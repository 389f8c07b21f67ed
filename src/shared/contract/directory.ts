import { z } from 'zod';
import {
  departmentSchema,
  directoryHitSchema,
  importFields,
  personSchema,
  systemSchema,
  type ImportField,
} from '../domain/directory';
import { isBase64 } from '../domain/base64';
import { fileNameField, id, line, requiredLine } from '../domain/fields';
import { rule } from '../domain/rule';
import { ticketSummarySchema } from '../domain/ticket';
import { command, empty, query } from './common';

/** Import files up to 5 MB (as base64): some thousand rows; a bigger file is refused with its size named. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const maxImportBase64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
export const MAX_IMPORT_ROWS = 20_000;

export const directoryKindSchema = z.enum(['people', 'departments', 'systems']);
export type DirectoryKind = z.infer<typeof directoryKindSchema>;

const allImportFields = [...new Set(Object.values(importFields).flat())] as [ImportField, ...ImportField[]];
/** The field of a record a column fills; '' leaves the column out. */
export const importFieldSchema = z.union([z.literal(''), z.enum(allImportFields)]);

const csvSource = z.strictObject({
  kind: directoryKindSchema,
  fileName: fileNameField(),
  contentBase64: z
    .string()
    .refine((value) => value.length <= maxImportBase64, rule('rule_import_too_large', 'file too large (5 MB at most)'))
    .refine(isBase64, rule('rule_base64', 'is not base64')),
  /** Column → field; omitted: recognised from the header (M365, AD and the usual German/English names). */
  mapping: z.record(z.string().max(200), importFieldSchema).optional(),
});
export type CsvImportInput = z.input<typeof csvSource>;

export const ldapSourceSchema = z.strictObject({
  url: requiredLine(300).refine(
    (u) => /^ldaps?:\/\/[^\s/]+(:\d+)?\/?$/i.test(u),
    rule('rule_ldap_url', 'must be ldap://host[:port] or ldaps://…'),
  ),
  bindDn: line(300).default(''),
  /** Used for this bind only: never stored, never logged. */
  password: z.string().max(300).default(''),
  baseDn: requiredLine(300),
  filter: line(500).default('(objectClass=person)'),
});
export type LdapSource = z.input<typeof ldapSourceSchema>;

export const importRowSchema = z.strictObject({
  /** The line of the file (1 = header) or the entry's number in the LDAP answer. */
  line: z.int(),
  status: z.enum(['new', 'changed', 'unchanged', 'invalid']),
  name: z.string(),
  /** For invalid rows: why, in both languages (the store does not know the caller's; the screen picks). */
  reason: z.strictObject({ de: z.string(), en: z.string() }).nullable(),
  /** For changed rows: the fields that change. */
  changes: z.array(z.string()).default([]),
});

export const importPreviewSchema = z.strictObject({
  kind: directoryKindSchema,
  detected: z.strictObject({
    format: z.enum(['m365', 'ad', 'generic', 'ldap']),
    encoding: z.enum(['utf-8', 'windows-1252', 'ldap']),
    separator: z.string(),
  }),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  /** Columns nobody maps: shown, not an error. */
  unknownColumns: z.array(z.string()),
  counts: z.strictObject({ new: z.int(), changed: z.int(), unchanged: z.int(), invalid: z.int() }),
  /** The first rows of each kind (all invalid ones up to 500), so the preview stays small for big files. */
  rows: z.array(importRowSchema),
  /** Names the exact state previewed; apply refuses if the file or the directory differ from it. */
  token: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const applyResult = z.strictObject({ created: z.int(), updated: z.int(), unchanged: z.int() });
const withToken = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...shape, token: requiredLine(200) });

const listInput = z.strictObject({
  q: line(200).default(''),
  includeInactive: z.boolean().default(false),
  limit: z.int().min(1).max(10_000).default(500),
});

export const personWithCountSchema = personSchema.extend({ ticketCount: z.int() });
export const systemWithCountSchema = systemSchema.extend({ openTickets: z.int() });
export const departmentWithSizeSchema = departmentSchema.extend({ size: z.int() });

const removed = z.strictObject({ removed: z.literal(true) });

export const directoryContract = {
  'directory.people.list': query(listInput, z.strictObject({ people: z.array(personWithCountSchema), total: z.int() })),
  'directory.people.get': query(
    z.strictObject({ id }),
    z.strictObject({ person: personSchema, tickets: z.array(ticketSummarySchema), systems: z.array(systemSchema) }),
  ),
  'directory.people.save': command(z.strictObject({ person: personSchema }), personSchema),
  'directory.people.remove': command(z.strictObject({ id }), removed),
  'directory.departments.list': query(empty, z.strictObject({ departments: z.array(departmentWithSizeSchema) })),
  'directory.departments.save': command(z.strictObject({ department: departmentSchema }), departmentSchema),
  'directory.departments.remove': command(z.strictObject({ id }), removed),
  'directory.systems.list': query(
    listInput,
    z.strictObject({ systems: z.array(systemWithCountSchema), total: z.int() }),
  ),
  'directory.systems.get': query(
    z.strictObject({ id }),
    z.strictObject({
      system: systemSchema,
      owner: personSchema.nullable(),
      openTickets: z.array(ticketSummarySchema),
      recentTickets: z.array(ticketSummarySchema),
    }),
  ),
  'directory.systems.save': command(z.strictObject({ system: systemSchema }), systemSchema),
  'directory.systems.remove': command(z.strictObject({ id }), removed),
  /** One box over people, departments and systems: fuzzy, diacritics-insensitive. */
  'directory.search': query(
    z.strictObject({
      q: line(200),
      kinds: z
        .array(z.enum(['person', 'department', 'system']))
        .max(3)
        .default(['person', 'department', 'system']),
      limit: z.int().min(1).max(50).default(8),
    }),
    z.strictObject({ hits: z.array(directoryHitSchema) }),
  ),
  /** What the directory knows about a ticket's requester and systems: their other tickets, their provider. */
  'directory.forTicket': query(
    z.strictObject({ ticketId: id }),
    z.strictObject({
      person: z.strictObject({ person: personSchema, recentTickets: z.array(ticketSummarySchema) }).nullable(),
      systems: z.array(z.strictObject({ system: systemSchema, openTickets: z.array(ticketSummarySchema) })),
    }),
  ),
  /** A dry run: nothing is written. */
  'directory.import.preview': query(csvSource, importPreviewSchema, maxImportBase64 + 64 * 1024),
  /** All or nothing, and only the state the preview showed. */
  'directory.import.apply': command(withToken(csvSource.shape), applyResult, maxImportBase64 + 64 * 1024),
  'directory.ldap.preview': query(ldapSourceSchema, importPreviewSchema),
  'directory.ldap.apply': command(withToken(ldapSourceSchema.shape), applyResult),
  /** Excel-ready CSV (`;`, UTF-8 with BOM, formula-like cells neutralised). */
  'directory.export': query(
    z.strictObject({ kind: directoryKindSchema }),
    z.strictObject({ fileName: z.string(), contentBase64: z.string() }),
  ),
} as const;
