import { z } from 'zod';
import { answerSchema, checklistKindSchema, checklistTemplateSchema, slugSchema } from '../domain/checklist';
import { stepStateSchema } from '../domain/checklistRun';
import { categorySchema, languageSchema } from '../domain/enums';
import { id, isoTime, line, requiredLine, text } from '../domain/fields';
import { requesterSchema, ticketSchema } from '../domain/ticket';
import { command, query } from './common';

const templateRef = z.strictObject({ key: slugSchema, language: languageSchema });

export const storedTemplateSchema = z.strictObject({
  template: checklistTemplateSchema,
  /** Raised by every save; a run keeps the version it started with. */
  version: z.int(),
  /** Shipped with Leitstand (restorable) or written here. */
  origin: z.enum(['seeded', 'custom']),
  /** A shipped runbook edited here. */
  changed: z.boolean(),
});
export type StoredTemplate = z.infer<typeof storedTemplateSchema>;

export const templateSummarySchema = z.strictObject({
  key: slugSchema,
  language: languageSchema,
  title: z.string(),
  kind: checklistKindSchema,
  categories: z.array(categorySchema),
  steps: z.int(),
  version: z.int(),
  origin: z.enum(['seeded', 'custom']),
  changed: z.boolean(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const runStepSchema = z.strictObject({
  id: slugSchema,
  state: stepStateSchema,
  answer: answerSchema.nullable(),
  note: z.string(),
  attachmentId: z.int().nullable(),
  actor: z.string().nullable(),
  at: isoTime.nullable(),
  dueDate: z.iso.date().nullable(),
  /** False when its condition (an earlier answer) does not hold. */
  applicable: z.boolean(),
});

export const progressSchema = z.strictObject({
  done: z.int(),
  total: z.int(),
  overdue: z.int(),
  openRequired: z.int(),
});

export const runSchema = z.strictObject({
  id: z.int(),
  ticketId: z.int(),
  template: checklistTemplateSchema,
  templateVersion: z.int(),
  variables: z.record(z.string(), z.string()),
  startedAt: isoTime,
  startedBy: z.string(),
  steps: z.array(runStepSchema),
  progress: progressSchema,
});
export type ChecklistRun = z.infer<typeof runSchema>;

/** Imports are text (a file's content): at most 1 MB, JSON (one template or a list) or a markdown checklist. */
const importInput = z.strictObject({
  format: z.enum(['json', 'markdown']),
  content: z.string().max(1_000_000),
  /** For markdown, which has no place for them. */
  language: languageSchema.default('de'),
  kind: checklistKindSchema.default('incident'),
});

const variableValues = z.record(slugSchema, line(200)).default({});

export const checklistsContract = {
  'checklists.templates.list': query(
    z.strictObject({ language: languageSchema.optional(), q: line(100).optional() }),
    z.strictObject({ items: z.array(templateSummarySchema) }),
  ),
  'checklists.templates.get': query(templateRef, storedTemplateSchema),
  'checklists.templates.save': command(
    z.strictObject({ template: checklistTemplateSchema, expectedVersion: z.int().positive().optional() }),
    storedTemplateSchema,
  ),
  'checklists.templates.remove': command(templateRef, z.strictObject({ removed: z.literal(true) })),
  'checklists.templates.restore': command(templateRef, storedTemplateSchema),
  'checklists.templates.import': command(importInput, z.strictObject({ saved: z.array(templateSummarySchema) })),
  'checklists.templates.export': query(
    templateRef.extend({ format: z.enum(['json', 'markdown']) }),
    z.strictObject({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  ),
  /** Runbooks that fit a ticket (or an intake in progress): by category, then by keywords in its text. */
  'checklists.templates.suggest': query(
    z.strictObject({
      category: categorySchema.nullable().default(null),
      text: text(20_000).default(''),
      language: languageSchema,
      /** The ticket's systems: their runbooks (directory) come first. */
      systemIds: z.array(id).max(20).default([]),
    }),
    z.strictObject({ items: z.array(templateSummarySchema.extend({ because: z.array(z.string()) })) }),
  ),
  'checklists.runs.start': command(templateRef.extend({ ticketId: id, variables: variableValues }), runSchema),
  'checklists.runs.get': query(z.strictObject({ id }), runSchema),
  'checklists.runs.setStep': command(
    z.strictObject({
      runId: id,
      stepId: slugSchema,
      state: stepStateSchema,
      answer: answerSchema.nullable().optional(),
      note: text(4000).optional(),
      attachmentId: id.nullable().optional(),
    }),
    runSchema,
  ),
  'checklists.runs.forTicket': query(z.strictObject({ ticketId: id }), z.strictObject({ runs: z.array(runSchema) })),
  /** Starts a service request (onboarding, offboarding, …): creates its ticket and the run in one step. */
  'serviceRequests.start': command(
    templateRef.extend({
      variables: variableValues,
      requester: requesterSchema,
      title: requiredLine(200).optional(),
    }),
    z.strictObject({ ticket: ticketSchema, run: runSchema }),
  ),
  /** Open service requests by their date (start date, last day), for the onboarding overview. */
  'serviceRequests.list': query(
    z.strictObject({}),
    z.strictObject({
      items: z.array(
        z.strictObject({
          ticketId: z.int(),
          number: z.string(),
          title: z.string(),
          runId: z.int(),
          templateTitle: z.string(),
          date: z.iso.date().nullable(),
          progress: progressSchema,
        }),
      ),
    }),
  ),
} as const;
