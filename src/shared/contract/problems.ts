import { z } from 'zod';
import { languageSchema } from '../domain/enums';
import { id, line, requiredLine, text } from '../domain/fields';
import {
  actionInputSchema,
  actionItemSchema,
  actionStateSchema,
  patternSchema,
  problemContentSchema,
  problemSchema,
  problemStateSchema,
  problemSummarySchema,
  rcaSchema,
  timelineEntrySchema,
} from '../domain/problem';
import { command, query } from './common';

const ticketIds = z.array(id).min(1).max(500);
/** An open problem a text reads like, with why (the shared words) and what helps meanwhile. */
const matchSchema = z.strictObject({
  id,
  title: z.string(),
  state: problemStateSchema,
  workaround: z.string(),
  articleId: id.nullable(),
  score: z.number(),
  words: z.array(z.string()),
});
const problemDetail = z.strictObject({ problem: problemSchema, timeline: z.array(timelineEntrySchema) });
const planned = actionItemSchema.extend({ problemTitle: z.string() });

export const problemsContract = {
  'problems.patterns.list': query(
    z.strictObject({
      /** How far back (default: the detection window of the settings). */
      days: z.int().min(1).max(365).optional(),
      limit: z.int().min(1).max(200).default(50),
    }),
    z.strictObject({ patterns: z.array(patternSchema), windowDays: z.int(), minSize: z.int() }),
  ),
  /** Not offered again for these tickets (a new alike ticket makes it a new pattern). */
  'problems.patterns.dismiss': command(
    z.strictObject({ ticketIds: ticketIds.min(2), reason: requiredLine(500) }),
    z.strictObject({ dismissed: z.int() }),
  ),
  'problems.list': query(
    z.strictObject({ state: problemStateSchema.optional(), openOnly: z.boolean().default(false) }),
    z.strictObject({ problems: z.array(problemSummarySchema) }),
  ),
  'problems.get': query(z.strictObject({ id }), problemDetail),
  /**
   * A new problem (no id) or its new content; `expectedVersion` guards a save against another one in between.
   * `publishWorkaround` publishes the workaround as a known-error article of the knowledge base (or updates it).
   */
  'problems.save': command(
    z.strictObject({
      id: id.optional(),
      expectedVersion: z.int().positive().optional(),
      content: problemContentSchema,
      publishWorkaround: z.boolean().default(false),
      ticketIds: z.array(id).max(500).default([]),
    }),
    problemDetail,
    200_000,
  ),
  'problems.remove': command(z.strictObject({ id }), z.strictObject({ id, removed: z.literal(true) })),
  'problems.link': command(z.strictObject({ problemId: id, ticketIds }), problemDetail),
  'problems.unlink': command(z.strictObject({ problemId: id, ticketId: id }), problemDetail),
  /** A pattern made a problem in one step: its tickets linked, its words as the title unless one is given. */
  'problems.fromPattern': command(
    z.strictObject({ ticketIds: ticketIds.min(2), title: requiredLine(200), statement: text(8000).default('') }),
    problemDetail,
  ),
  'problems.rca.save': command(
    z.strictObject({ problemId: id, expectedVersion: z.int().positive().optional(), rca: rcaSchema }),
    problemDetail,
    200_000,
  ),
  'problems.actions.save': command(actionInputSchema, actionItemSchema),
  'problems.actions.setState': command(z.strictObject({ id, state: actionStateSchema }), actionItemSchema),
  /** Open action items of all problems, the earliest due first: the board's planned work. */
  'problems.actions.list': query(z.strictObject({}), z.strictObject({ actions: z.array(planned) })),
  /** Marks overdue action items as reminded (once per due date) and answers them; run by the desk's watch. */
  'problems.actions.remind': command(z.strictObject({}), z.strictObject({ reminded: z.array(planned) })),
  /** The problem a ticket is linked to, or the open problems it reads like. */
  'problems.forTicket': query(
    z.strictObject({ ticketId: id }),
    z.strictObject({ linked: matchSchema.nullable(), matches: z.array(matchSchema) }),
  ),
  /** Open problems an intake reads like while it is typed. */
  'problems.suggest': query(
    z.strictObject({
      title: line(300).default(''),
      description: text(20_000).default(''),
      systemIds: z.array(id).max(50).default([]),
      limit: z.int().min(1).max(10).default(3),
    }),
    z.strictObject({ matches: z.array(matchSchema) }),
    200_000,
  ),
  /** The analysis as markdown or as one printable HTML page, German or English. */
  'problems.export': query(
    z.strictObject({ id, format: z.enum(['markdown', 'html']), language: languageSchema }),
    z.strictObject({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
  ),
} as const;
