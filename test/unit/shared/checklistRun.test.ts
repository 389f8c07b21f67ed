import { describe, expect, it } from 'vitest';
import { checklistTemplateSchema } from '../../../src/shared/domain/checklist';
import {
  applicableSteps,
  refuseStepChange,
  runProgress,
  stepMoves,
  stepStateSchema,
  type StepRecord,
  type StepState,
} from '../../../src/shared/domain/checklistRun';
import { shiftWorkingDays } from '../../../src/shared/domain/businessTime';
import { businessCalendar } from '../../../src/main/services/slaCalendar';
import { defaultSlaPolicy } from '../../../src/shared/domain/slaPolicy';

const template = checklistTemplateSchema.parse({
  key: 'vpn',
  title: 'VPN',
  kind: 'incident',
  language: 'de',
  variables: [{ key: 'start', label: 'Start', type: 'date' }],
  sections: [
    {
      title: 'S',
      steps: [
        { id: 'vpn', title: 'VPN genutzt?', question: true },
        { id: 'client', title: 'Client prüfen', condition: { step: 'vpn', answer: 'yes' } },
        { id: 'wlan', title: 'WLAN prüfen', condition: { step: 'vpn', answer: 'no' } },
        { id: 'beleg', title: 'Beleg', needsEvidence: true },
        { id: 'kann', title: 'Kann', required: false, due: { from: 'start', workingDays: -1 } },
      ],
    },
  ],
});
const step = (id: string) => template.sections[0]!.steps.find((s) => s.id === id)!;
const record = (state: StepState, extra: Partial<StepRecord> = {}): StepRecord => ({
  state,
  answer: null,
  note: '',
  attachmentId: null,
  actor: null,
  at: null,
  dueDate: null,
  ...extra,
});

describe('step state machine', () => {
  const all = stepStateSchema.options;
  const cases = all.flatMap((from) => all.map((to) => [from, to] as const));
  it.each(cases)('%s → %s is allowed exactly when listed', (from, to) => {
    const refusal = refuseStepChange(step('kann'), record(from), { state: to, note: 'Grund' });
    expect(refusal === null).toBe(stepMoves[from].includes(to));
  });
  it('needs a reason to skip, a note to fail or block', () => {
    expect(refuseStepChange(step('kann'), record('pending'), { state: 'skipped' })).toBe('step_note_skipped');
    expect(refuseStepChange(step('kann'), record('pending'), { state: 'failed', note: '  ' })).toBe('step_note_failed');
    expect(refuseStepChange(step('kann'), record('pending'), { state: 'blocked' })).toBe('step_note_blocked');
  });
  it('needs an answer for a question and evidence where asked', () => {
    expect(refuseStepChange(step('vpn'), record('pending'), { state: 'done' })).toBe('step_answer');
    expect(refuseStepChange(step('vpn'), record('pending'), { state: 'done', answer: 'yes' })).toBeNull();
    expect(refuseStepChange(step('beleg'), record('pending'), { state: 'done' })).toBe('step_evidence');
    expect(refuseStepChange(step('beleg'), record('pending'), { state: 'done', attachmentId: 3 })).toBeNull();
    expect(refuseStepChange(step('beleg'), record('pending'), { state: 'done', note: 'Foto im Ticket' })).toBeNull();
  });
});

describe('conditions and progress', () => {
  it('applies a conditional step only after the matching answer', () => {
    const none = new Map<string, StepRecord>();
    expect(applicableSteps(template, none).map((s) => s.id)).toEqual(['vpn', 'beleg', 'kann']);
    const yes = new Map([['vpn', record('done', { answer: 'yes' })]]);
    expect(applicableSteps(template, yes).map((s) => s.id)).toEqual(['vpn', 'client', 'beleg', 'kann']);
    const no = new Map([['vpn', record('done', { answer: 'no' })]]);
    expect(applicableSteps(template, no).map((s) => s.id)).toEqual(['vpn', 'wlan', 'beleg', 'kann']);
  });
  it('counts done, skipped and failed as finished; open required and overdue steps separately', () => {
    const records = new Map([
      ['vpn', record('done', { answer: 'yes' })],
      ['client', record('failed', { note: 'Client stürzt ab' })],
      ['kann', record('pending', { dueDate: '2026-11-20' })],
    ]);
    expect(runProgress(template, records, '2026-11-24')).toEqual({ done: 2, total: 4, overdue: 1, openRequired: 1 });
  });
  it('refuses templates whose conditions point to a later or non-question step, or due to a missing date', () => {
    const bad = (steps: object[], variables: object[] = []) =>
      checklistTemplateSchema.safeParse({
        key: 'x',
        title: 'X',
        kind: 'incident',
        language: 'de',
        variables,
        sections: [{ title: 'S', steps }],
      });
    const refused = (result: ReturnType<typeof bad>) =>
      result.success
        ? []
        : result.error.issues.map((i) => (i.code === 'custom' ? (i.params as { key: string }).key : i.code));
    expect(
      refused(
        bad([
          { id: 'a', title: 'A', condition: { step: 'b', answer: 'yes' } },
          { id: 'b', title: 'B', question: true },
        ]),
      ),
    ).toEqual(['rule_step_condition']);
    expect(
      refused(
        bad([
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B', condition: { step: 'a', answer: 'no' } },
        ]),
      ),
    ).toEqual(['rule_step_condition']);
    expect(refused(bad([{ id: 'a', title: 'A', due: { from: 'start', workingDays: 2 } }]))).toEqual(['rule_step_due']);
    expect(
      refused(
        bad([
          { id: 'a', title: 'A' },
          { id: 'a', title: 'A again' },
        ]),
      ),
    ).toEqual(['rule_step_duplicate']);
  });
});

describe('working days for service-request steps', () => {
  const calendar = businessCalendar({ ...defaultSlaPolicy, state: 'BY' });
  it.each([
    ['five working days before Monday 7 Dec', '2026-12-07', -5, '2026-11-30'],
    ['over the weekend forwards', '2026-11-27', 1, '2026-11-30'],
    ['over Christmas (24 Dec counts, 25/26 do not)', '2026-12-23', 3, '2026-12-29'],
    ['back over 3 October (a Saturday in 2026) and a normal week', '2026-10-06', -3, '2026-10-01'],
    ['before Epiphany in Bavaria', '2027-01-07', -1, '2027-01-05'],
    ['zero keeps the day', '2026-12-07', 0, '2026-12-07'],
  ])('%s', (_name, from, days, expected) => {
    expect(shiftWorkingDays(from, days, calendar)).toBe(expected);
  });
});
