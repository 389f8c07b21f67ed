import { z } from 'zod';
import { categorySchema, prioritySchema, priorityFromRank, priorityRank, statusSchema, type Priority } from './enums';
import { id, line, requiredLine, text } from './fields';
import { rule } from './rule';

/** A problem's life: analysed, its workaround known, its fix under way, fixed, and closed once the fix has held. */
export const problemStateSchema = z.enum(['analysing', 'knownError', 'fixInProgress', 'resolved', 'closed']);
export type ProblemState = z.infer<typeof problemStateSchema>;

/** Where a problem may move. A fix that did not hold sends a resolved problem back to analysis. */
export const problemMoves: Record<ProblemState, readonly ProblemState[]> = {
  analysing: ['knownError', 'fixInProgress', 'resolved'],
  knownError: ['analysing', 'fixInProgress', 'resolved'],
  fixInProgress: ['analysing', 'knownError', 'resolved'],
  resolved: ['analysing', 'closed'],
  closed: [],
};
export const canMoveProblem = (from: ProblemState, to: ProblemState) => from === to || problemMoves[from].includes(to);
export const isOpenProblem = (state: ProblemState) => state !== 'resolved' && state !== 'closed';

export const MAX_PROBLEM_TEXT = 8000;

/** What the coordinator writes about a problem. */
export const problemContentSchema = z
  .strictObject({
    title: requiredLine(200),
    statement: text(MAX_PROBLEM_TEXT).default(''),
    systemIds: z.array(id).max(20).default([]),
    state: problemStateSchema.default('analysing'),
    workaround: text(MAX_PROBLEM_TEXT).default(''),
    rootCause: text(MAX_PROBLEM_TEXT).default(''),
  })
  .refine(
    (p) => p.state !== 'knownError' || p.workaround.trim() !== '',
    rule('rule_problem_workaround', 'a known error needs its workaround'),
  )
  .refine(
    (p) => !['resolved', 'closed'].includes(p.state) || p.rootCause.trim() !== '',
    rule('rule_problem_root_cause', 'a resolved problem needs its root cause'),
  );
export type ProblemContent = z.infer<typeof problemContentSchema>;

export const factorKindSchema = z.enum(['process', 'technology', 'communication', 'supplier']);
export type FactorKind = z.infer<typeof factorKindSchema>;

/** The blameless analysis: why after why, what contributed (never who), what went well, notes on the timeline. */
export const rcaSchema = z.strictObject({
  whys: z.array(text(2000)).max(10).default([]),
  factors: z
    .array(z.strictObject({ kind: factorKindSchema, text: requiredLine(1000) }))
    .max(40)
    .default([]),
  wentWell: text(MAX_PROBLEM_TEXT).default(''),
  /** The coordinator's notes on entries of the assembled timeline, by the event they belong to. */
  annotations: z
    .array(z.strictObject({ eventId: id, text: requiredLine(1000) }))
    .max(200)
    .default([]),
});
export type Rca = z.infer<typeof rcaSchema>;
export const emptyRca: Rca = { whys: [], factors: [], wentWell: '', annotations: [] };

export const actionStateSchema = z.enum(['open', 'inProgress', 'done', 'dropped']);
export type ActionState = z.infer<typeof actionStateSchema>;
export const isOpenAction = (state: ActionState) => state === 'open' || state === 'inProgress';

export const actionItemSchema = z.strictObject({
  id,
  problemId: id,
  title: z.string(),
  owner: z.string(),
  due: z.iso.date(),
  state: actionStateSchema,
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const linkedIncidentSchema = z.strictObject({
  id,
  number: z.string(),
  title: z.string(),
  status: statusSchema,
  priority: prioritySchema,
  createdAt: z.string(),
  linkedAt: z.string(),
});
export type LinkedIncident = z.infer<typeof linkedIncidentSchema>;

/** Whether prevention works: how often the problem came back before and after its fix. */
export const measuresSchema = z.strictObject({
  fixedAt: z.string().nullable(),
  perWeekBefore: z.number(),
  perWeekAfter: z.number().nullable(),
  recurrenceAfterFix: z.int(),
});

export const problemSummarySchema = z.strictObject({
  id,
  title: z.string(),
  state: problemStateSchema,
  priority: prioritySchema,
  incidents: z.int(),
  openIncidents: z.int(),
  openActions: z.int(),
  overdueActions: z.int(),
  systemIds: z.array(id),
  updatedAt: z.string(),
});
export type ProblemSummary = z.infer<typeof problemSummarySchema>;

export const problemSchema = z.strictObject({
  ...problemSummarySchema.shape,
  content: problemContentSchema,
  version: z.int(),
  createdAt: z.string(),
  rca: rcaSchema,
  actions: z.array(actionItemSchema),
  linked: z.array(linkedIncidentSchema),
  /** The knowledge-base article the workaround is published as (null: not yet). */
  articleId: id.nullable(),
  measures: measuresSchema,
});
export type Problem = z.infer<typeof problemSchema>;

export const patternSchema = z.strictObject({
  /** Names this group of tickets (the same tickets, the same key). */
  key: z.string(),
  ticketIds: z.array(id),
  tickets: z.array(
    z.strictObject({
      id,
      number: z.string(),
      title: z.string(),
      status: statusSchema,
      createdAt: z.string(),
      requester: z.string(),
    }),
  ),
  /** Why they belong together: the words most of them share, their systems, category, departments, span. */
  words: z.array(z.string()),
  systemIds: z.array(id),
  category: categorySchema.nullable(),
  departments: z.array(z.string()),
  requesters: z.int(),
  from: z.string(),
  to: z.string(),
  similarity: z.number(),
});
export type Pattern = z.infer<typeof patternSchema>;

/**
 * A problem's priority from its incidents: the most urgent one's, raised a level once five or more came in (many
 * small failures cost as much as one big one); P4 while none is linked.
 */
export function problemPriority(incidents: readonly { priority: Priority }[]): Priority {
  if (!incidents.length) return 'P4';
  const best = Math.min(...incidents.map((i) => priorityRank[i.priority]));
  return priorityFromRank(incidents.length >= 5 ? Math.max(1, best - 1) : best);
}

export const problemSettingsSchema = z.strictObject({
  windowDays: z.int().min(7).max(365),
  minSize: z.int().min(2).max(20),
});
export const defaultProblemSettings = { windowDays: 60, minSize: 3 };

export const actionInputSchema = z.strictObject({
  id: id.optional(),
  problemId: id,
  title: requiredLine(300),
  owner: line(120).default(''),
  due: z.iso.date(),
});

export const timelineKindSchema = z.enum(['reported', 'triaged', 'escalated', 'mspReply', 'resolved', 'reopened']);
export type TimelineKind = z.infer<typeof timelineKindSchema>;
/** One step of the RCA timeline, assembled from the linked tickets' event logs. */
export const timelineEntrySchema = z.strictObject({
  eventId: id,
  at: z.string(),
  kind: timelineKindSchema,
  ticketId: id,
  ticketNumber: z.string(),
  /** What the step says (a priority, a provider, a resolution), without people's names. */
  detail: z.string(),
  annotation: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
