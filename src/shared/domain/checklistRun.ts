import { z } from 'zod';
import { allSteps, answerSchema, type Answer, type ChecklistStep, type ChecklistTemplate } from './checklist';

export const stepStateSchema = z.enum(['pending', 'done', 'skipped', 'failed', 'blocked']);
export type StepState = z.infer<typeof stepStateSchema>;

/** Where a step may go from where it is; every finished state can be undone back to pending. */
export const stepMoves: Record<StepState, readonly StepState[]> = {
  pending: ['done', 'skipped', 'failed', 'blocked'],
  blocked: ['pending', 'done', 'skipped', 'failed'],
  done: ['pending'],
  skipped: ['pending'],
  failed: ['pending'],
};

export type StepRecord = {
  state: StepState;
  answer: Answer | null;
  note: string;
  attachmentId: number | null;
  actor: string | null;
  at: string | null;
  /** The working day it is due on (service requests), "YYYY-MM-DD". */
  dueDate: string | null;
};

export type StepChange = { state: StepState; answer?: Answer | null; note?: string; attachmentId?: number | null };

/** Why a change is refused, as an errors-catalogue key; null when it is allowed. */
export function refuseStepChange(step: ChecklistStep, current: StepRecord, change: StepChange): string | null {
  if (!stepMoves[current.state].includes(change.state)) return 'step_move';
  const note = change.note?.trim() ?? '';
  if ((change.state === 'skipped' || change.state === 'failed' || change.state === 'blocked') && !note)
    return `step_note_${change.state}`;
  if (change.state === 'done') {
    if (step.question && !answerSchema.safeParse(change.answer).success) return 'step_answer';
    if (step.needsEvidence && !note && !change.attachmentId) return 'step_evidence';
  }
  return null;
}

/** Steps whose condition holds (or that have none): the rest do not apply to this run. */
export function applicableSteps(
  template: ChecklistTemplate,
  records: ReadonlyMap<string, StepRecord>,
): ChecklistStep[] {
  return allSteps(template).filter((step) => {
    if (!step.condition) return true;
    const answered = records.get(step.condition.step);
    return answered?.state === 'done' && answered.answer === step.condition.answer;
  });
}

const finished = (state: StepState | undefined) => state === 'done' || state === 'skipped' || state === 'failed';

export type RunProgress = { done: number; total: number; overdue: number; openRequired: number };

export function runProgress(
  template: ChecklistTemplate,
  records: ReadonlyMap<string, StepRecord>,
  today: string,
): RunProgress {
  const steps = applicableSteps(template, records);
  let done = 0;
  let overdue = 0;
  let openRequired = 0;
  for (const step of steps) {
    const record = records.get(step.id);
    if (finished(record?.state)) done += 1;
    else {
      if (step.required) openRequired += 1;
      if (record?.dueDate && record.dueDate < today) overdue += 1;
    }
  }
  return { done, total: steps.length, overdue, openRequired };
}
