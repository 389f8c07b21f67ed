import { DateTime } from 'luxon';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { ChecklistRun } from '../../shared/contract/checklists';
import { shiftWorkingDays } from '../../shared/domain/businessTime';
import { allSteps, type ChecklistTemplate } from '../../shared/domain/checklist';
import {
  applicableSteps,
  refuseStepChange,
  runProgress,
  type RunProgress,
  type StepRecord,
} from '../../shared/domain/checklistRun';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import {
  findRunRow,
  insertRun,
  openServiceRequestRuns,
  parseTemplate,
  runRowsForTickets,
  stepRecords,
  writeStep,
  type RunRow,
} from '../queries/checklists';
import { findAttachment, findTicketRow } from '../queries/tickets';
import type { ServiceContext } from './context';
import type { SlaClocks } from './slaClocks';
import type { ChecklistTemplates } from './checklistTemplates';
import { ownValue } from '../../shared/domain/own';

type Deps = { templates: ChecklistTemplates; clocks: SlaClocks; timeZone: () => string };

const pending = (dueDate: string | null): StepRecord => ({
  state: 'pending',
  answer: null,
  note: '',
  attachmentId: null,
  actor: null,
  at: null,
  dueDate,
});

/** Runs checklists on tickets: the state of every step, who changed it and when, each change in the ticket's log. */
export function checklistRuns(ctx: ServiceContext, deps: Deps) {
  const actor = () => ctx.settings().coordinatorName;
  const today = () => DateTime.fromJSDate(ctx.now(), { zone: deps.timeZone() }).toISODate()!;

  function toRun(row: RunRow, records: Map<string, StepRecord>): ChecklistRun {
    const template = parseTemplate(row.template);
    const applicable = new Set(applicableSteps(template, records).map((s) => s.id));
    return {
      id: row.id,
      ticketId: row.ticket_id,
      template,
      templateVersion: row.template_version,
      variables: JSON.parse(row.variables) as Record<string, string>,
      startedAt: row.started_at,
      startedBy: row.started_by,
      steps: allSteps(template).map((step) => ({
        id: step.id,
        ...(records.get(step.id) ?? pending(null)),
        applicable: applicable.has(step.id),
      })),
      progress: runProgress(template, records, today()),
    };
  }

  function load(id: number): ChecklistRun {
    const row = findRunRow(ctx.db, id);
    if (!row) throw new AppError('not_found', 'not_found_run', { id });
    return toRun(row, stepRecords(ctx.db, [id]).get(id) ?? new Map());
  }

  function forTickets(ticketIds: readonly number[]): ChecklistRun[] {
    const rows = runRowsForTickets(ctx.db, ticketIds);
    const records = stepRecords(
      ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toRun(row, records.get(row.id) ?? new Map()));
  }

  /** Checks the variables a template asks for; date steps are due in working days of the SLA calendar. */
  function dueDates(template: ChecklistTemplate, variables: Record<string, string>): Map<string, string> {
    for (const variable of template.variables) {
      const value = ownValue(variables, variable.key)?.trim() ?? '';
      if (variable.required && !value)
        throw new AppError('invalid_input', 'variable_required', { label: variable.label }, [
          { path: ['variables', variable.key] },
        ]);
      if (value && variable.type === 'date' && !DateTime.fromISO(value).isValid)
        throw new AppError('invalid_input', 'variable_date', { label: variable.label }, [
          { path: ['variables', variable.key] },
        ]);
    }
    const calendar = deps.clocks.calendarFor();
    const due = new Map<string, string>();
    for (const step of allSteps(template)) {
      const from = step.due ? ownValue(variables, step.due.from) : undefined;
      if (step.due && from) due.set(step.id, shiftWorkingDays(from, step.due.workingDays, calendar));
    }
    return due;
  }

  /** Inside the caller's transaction: the run, a pending row per step, and the event. */
  function startRun(
    ticketId: number,
    key: string,
    language: ChecklistTemplate['language'],
    variables: Record<string, string>,
  ): number {
    const stored = deps.templates.current(key, language);
    if (!stored) throw new AppError('not_found', 'not_found_template', { key, language });
    const due = dueDates(stored.template, variables);
    const at = ctx.now().toISOString();
    const runId = insertRun(ctx.db, {
      ticket_id: ticketId,
      template_key: key,
      language,
      template_version: stored.version,
      template: JSON.stringify(stored.template),
      variables: JSON.stringify(variables),
      started_at: at,
      started_by: actor(),
    });
    for (const step of allSteps(stored.template)) writeStep(ctx.db, runId, step.id, pending(due.get(step.id) ?? null));
    appendEvent(ctx.db, {
      ticketId,
      at,
      actor: actor(),
      kind: 'checklist.started',
      data: { runId, key, language, version: stored.version, title: stored.template.title, variables },
    });
    return runId;
  }

  return {
    startRun,
    forTickets,
    /** Progress per ticket over all its runs (the board's card shows it). */
    progressFor(ticketIds: readonly number[]): Map<number, RunProgress> {
      const result = new Map<number, RunProgress>();
      for (const run of forTickets(ticketIds)) {
        const sum = result.get(run.ticketId) ?? { done: 0, total: 0, overdue: 0, openRequired: 0 };
        result.set(run.ticketId, {
          done: sum.done + run.progress.done,
          total: sum.total + run.progress.total,
          overdue: sum.overdue + run.progress.overdue,
          openRequired: sum.openRequired + run.progress.openRequired,
        });
      }
      return result;
    },
    /** Required steps still open on a ticket, for the resolution gate. */
    openRequired(ticketId: number): { count: number; first: string | null } {
      const runs = forTickets([ticketId]);
      const open = runs.flatMap((run) =>
        run.steps
          .filter((s) => s.applicable && (s.state === 'pending' || s.state === 'blocked'))
          .map((s) => allSteps(run.template).find((step) => step.id === s.id)!)
          .filter((step) => step.required),
      );
      return { count: open.length, first: open[0]?.title ?? null };
    },

    'checklists.runs.start': ({ ticketId, key, language, variables }: ParsedInput<'checklists.runs.start'>) => {
      if (!findTicketRow(ctx.db, ticketId)) throw new AppError('not_found', 'not_found_ticket', { id: ticketId });
      const runId = ctx.write(
        () => startRun(ticketId, key, language, variables),
        () => [{ entity: 'ticket', ids: [ticketId] }],
      );
      return load(runId);
    },
    'checklists.runs.get': ({ id }: ParsedInput<'checklists.runs.get'>) => load(id),
    'checklists.runs.forTicket': ({ ticketId }: ParsedInput<'checklists.runs.forTicket'>) => ({
      runs: forTickets([ticketId]),
    }),
    'checklists.runs.setStep': (
      input: ParsedInput<'checklists.runs.setStep'>,
    ): MethodOutput<'checklists.runs.setStep'> => {
      const run = load(input.runId);
      const step = allSteps(run.template).find((s) => s.id === input.stepId);
      const current = run.steps.find((s) => s.id === input.stepId);
      if (!step || !current) throw new AppError('not_found', 'not_found_step', { step: input.stepId });
      if (!current.applicable) throw new AppError('conflict', 'step_not_applicable', { step: step.title });
      if (input.attachmentId) {
        const attachment = findAttachment(ctx.db, input.attachmentId);
        if (!attachment || attachment.ticketId !== run.ticketId)
          throw new AppError('not_found', 'not_found_attachment', { id: input.attachmentId });
      }
      const refusal = refuseStepChange(step, current, input);
      if (refusal) {
        const code = refusal === 'step_move' ? 'conflict' : 'invalid_input';
        throw new AppError(code, refusal, { step: step.title, from: current.state, to: input.state });
      }
      const at = ctx.now().toISOString();
      const next: StepRecord = {
        state: input.state,
        answer: input.state === 'done' && step.question ? (input.answer ?? null) : null,
        note: input.state === 'pending' ? '' : (input.note?.trim() ?? ''),
        attachmentId: input.state === 'pending' ? null : (input.attachmentId ?? null),
        actor: actor(),
        at,
        dueDate: current.dueDate,
      };
      ctx.write(
        () => {
          writeStep(ctx.db, run.id, step.id, next);
          appendEvent(ctx.db, {
            ticketId: run.ticketId,
            at,
            actor: actor(),
            kind: 'checklist.step',
            data: {
              runId: run.id,
              checklist: run.template.title,
              stepId: step.id,
              step: step.title,
              from: current.state,
              to: next.state,
              answer: next.answer,
              note: next.note,
              attachmentId: next.attachmentId,
            },
          });
        },
        () => [{ entity: 'ticket', ids: [run.ticketId] }],
      );
      return load(run.id);
    },
    'serviceRequests.list': (): MethodOutput<'serviceRequests.list'> => {
      const rows = openServiceRequestRuns(ctx.db);
      const records = stepRecords(
        ctx.db,
        rows.map((r) => r.id),
      );
      const items = rows.map((row) => {
        const run = toRun(row, records.get(row.id) ?? new Map());
        const dateVariable = run.template.variables.find((v) => v.type === 'date');
        const ticket = findTicketRow(ctx.db, row.ticket_id)!;
        return {
          ticketId: row.ticket_id,
          number: ticket.number,
          title: ticket.title,
          runId: row.id,
          templateTitle: run.template.title,
          date: (dateVariable && ownValue(run.variables, dateVariable.key)) || null,
          progress: run.progress,
        };
      });
      items.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.ticketId - b.ticketId);
      return { items };
    },
  };
}
export type ChecklistRuns = ReturnType<typeof checklistRuns>;
