import { describe, expect, it } from 'vitest';
import { library } from '../../../src/main/services/checklistLibrary';
import { allSteps, type ChecklistTemplate } from '../../../src/shared/domain/checklist';

/** Everything about a runbook except its words: what German and English must share step by step. */
const shape = (t: ChecklistTemplate) => ({
  key: t.key,
  kind: t.kind,
  categories: t.categories,
  variables: t.variables.map(({ key, type, required }) => ({ key, type, required })),
  sections: t.sections.map((s) => s.steps.length),
  steps: allSteps(t).map(({ id, required, needsEvidence, minutes, owner, question, condition, due }) => ({
    id,
    required,
    needsEvidence,
    minutes,
    owner,
    question,
    condition,
    due,
  })),
});

describe('shipped runbook library', () => {
  const de = library.filter((t) => t.language === 'de');
  const en = library.filter((t) => t.language === 'en');
  it.each(de.map((t) => [t.key, t] as const))('%s is the same checklist in German and English', (key, german) => {
    const english = en.find((t) => t.key === key);
    expect(english, `${key} has no English version`).toBeDefined();
    expect(shape(english!)).toEqual(shape(german));
  });
  it('has no English runbook without a German one', () => {
    expect(en.map((t) => t.key).sort()).toEqual(de.map((t) => t.key).sort());
  });
});
