import { z } from 'zod';
import { categorySchema, languageSchema } from './enums';
import { line, requiredLine, text } from './fields';

/** Step, variable and template keys: short, lower-case, stable (conditions and runs refer to them). */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const checklistKindSchema = z.enum(['incident', 'serviceRequest', 'maintenance']);
export type ChecklistKind = z.infer<typeof checklistKindSchema>;

export const stepOwnerSchema = z.enum(['coordinator', 'msp', 'requester']);
export type StepOwner = z.infer<typeof stepOwnerSchema>;

export const answerSchema = z.enum(['yes', 'no']);
export type Answer = z.infer<typeof answerSchema>;

export const checklistStepSchema = z.strictObject({
  id: slugSchema,
  title: requiredLine(200),
  /** Markdown; rendered without raw HTML. */
  instructions: text(4000).default(''),
  required: z.boolean().default(true),
  /** A note or an attachment must be recorded to mark it done. */
  needsEvidence: z.boolean().default(false),
  /** Expected duration in minutes. */
  minutes: z.int().min(0).max(10_000).nullable().default(null),
  owner: stepOwnerSchema.default('coordinator'),
  /** A yes/no question ("VPN used?"); later steps may depend on its answer. */
  question: z.boolean().default(false),
  /** Only applies when an earlier question step was answered so. */
  condition: z.strictObject({ step: slugSchema, answer: answerSchema }).nullable().default(null),
  /** Due relative to a date variable, in working days ("-5": five working days before the start date). */
  due: z
    .strictObject({ from: slugSchema, workingDays: z.int().min(-120).max(120) })
    .nullable()
    .default(null),
});
export type ChecklistStep = z.infer<typeof checklistStepSchema>;

export const checklistSectionSchema = z.strictObject({
  title: requiredLine(200),
  steps: z.array(checklistStepSchema).min(1).max(80),
});

export const checklistVariableSchema = z.strictObject({
  key: slugSchema,
  label: requiredLine(100),
  type: z.enum(['text', 'date']),
  required: z.boolean().default(true),
});
export type ChecklistVariable = z.infer<typeof checklistVariableSchema>;

const issue = (key: string, path: (string | number)[], values: Record<string, string> = {}) => ({
  code: 'custom' as const,
  message: key,
  path,
  params: { key, ...values },
});

export const checklistTemplateSchema = z
  .strictObject({
    key: slugSchema,
    title: requiredLine(200),
    kind: checklistKindSchema,
    language: languageSchema,
    /** Ticket categories it fits (suggested at intake and on the ticket). */
    categories: z.array(categorySchema).max(9).default([]),
    /** Words in a ticket's title or description that suggest it. */
    keywords: z.array(line(60)).max(40).default([]),
    /** Filled when a service request starts (employee name, start date, …). */
    variables: z.array(checklistVariableSchema).max(12).default([]),
    sections: z.array(checklistSectionSchema).min(1).max(30),
  })
  .superRefine((template, ctx) => {
    const seen = new Map<string, ChecklistStep>();
    const dates = new Set(template.variables.filter((v) => v.type === 'date').map((v) => v.key));
    template.sections.forEach((section, s) =>
      section.steps.forEach((step, i) => {
        const path = ['sections', s, 'steps', i];
        if (seen.has(step.id)) ctx.addIssue(issue('rule_step_duplicate', [...path, 'id'], { step: step.id }));
        if (step.condition) {
          const target = seen.get(step.condition.step);
          if (!target?.question)
            ctx.addIssue(issue('rule_step_condition', [...path, 'condition'], { step: step.condition.step }));
        }
        if (step.due && !dates.has(step.due.from))
          ctx.addIssue(issue('rule_step_due', [...path, 'due', 'from'], { variable: step.due.from }));
        seen.set(step.id, step);
      }),
    );
    if (seen.size > 300) ctx.addIssue(issue('rule_steps_too_many', ['sections']));
    const keys = template.variables.map((v) => v.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue(issue('rule_variable_duplicate', ['variables']));
  });
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;
export type ChecklistTemplateInput = z.input<typeof checklistTemplateSchema>;

export const allSteps = (template: Pick<ChecklistTemplate, 'sections'>): ChecklistStep[] =>
  template.sections.flatMap((section) => section.steps);
