import type { ChecklistRun } from '../../../shared/contract/checklists';
import type { ChecklistStep } from '../../../shared/domain/checklist';
import type { StepState } from '../../../shared/domain/checklistRun';

export type RunStep = ChecklistRun['steps'][number];

/** What a key asks for on a step; `ask` means a note must be typed first. */
export type StepAction = { state: StepState; answer?: 'yes' | 'no'; ask: boolean };

export const stateIcon: Record<StepState, string> = {
  pending: '○',
  done: '✓',
  skipped: '↷',
  failed: '✗',
  blocked: '‖',
};

/** Keys on a focused step: d/Enter done, y/n answer a question, s skip, f failed, b blocked, u undo. */
/** Keys for yes: j (ja) in German, y in English; both work in either, n is no in both. */
const yesKeys = new Set(['y', 'j']);

export function actionFor(key: string, step: ChecklistStep, current: RunStep): StepAction | null {
  if (key === 'u' || key === 'Backspace') return current.state === 'pending' ? null : { state: 'pending', ask: false };
  if (current.state !== 'pending' && current.state !== 'blocked') return null;
  if (step.question) {
    if (yesKeys.has(key)) return { state: 'done', answer: 'yes', ask: false };
    if (key === 'n') return { state: 'done', answer: 'no', ask: false };
  } else if (key === 'd' || key === 'Enter') {
    return { state: 'done', ask: step.needsEvidence };
  }
  if (key === 's') return { state: 'skipped', ask: true };
  if (key === 'f') return { state: 'failed', ask: true };
  if (key === 'b' && current.state !== 'blocked') return { state: 'blocked', ask: true };
  return null;
}

/** Expected minutes of the steps still open. */
export const minutesLeft = (steps: readonly ChecklistStep[], run: ChecklistRun): number =>
  steps.reduce((sum, step) => {
    const state = run.steps.find((s) => s.id === step.id);
    return state?.applicable && (state.state === 'pending' || state.state === 'blocked')
      ? sum + (step.minutes ?? 0)
      : sum;
  }, 0);
