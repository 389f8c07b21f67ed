import { z } from 'zod';
import { levelSchema, prioritySchema, type AffectedScope, type Impairment, type Level, type Priority } from './enums';
import type { DirectoryRaise } from './directory';

const urgencyRow = z.strictObject({ high: prioritySchema, medium: prioritySchema, low: prioritySchema });

/** The rules that turn first-contact answers into impact, urgency and priority; editable in settings. */
export const triageRulesSchema = z.strictObject({
  impactByScope: z.strictObject({
    person: levelSchema,
    team: levelSchema,
    department: levelSchema,
    company: levelSchema,
  }),
  businessCriticalImpact: levelSchema,
  urgencyByImpairment: z.strictObject({
    stopped: levelSchema,
    severe: levelSchema,
    workaround: levelSchema,
    none: levelSchema,
  }),
  /** matrix[impact][urgency] */
  matrix: z.strictObject({ high: urgencyRow, medium: urgencyRow, low: urgencyRow }),
});
export type TriageRules = z.infer<typeof triageRulesSchema>;

export const defaultTriageRules: TriageRules = {
  impactByScope: { person: 'low', team: 'medium', department: 'medium', company: 'high' },
  businessCriticalImpact: 'high',
  urgencyByImpairment: { stopped: 'high', severe: 'medium', workaround: 'low', none: 'low' },
  matrix: {
    high: { high: 'P1', medium: 'P2', low: 'P3' },
    medium: { high: 'P2', medium: 'P3', low: 'P4' },
    low: { high: 'P3', medium: 'P4', low: 'P4' },
  },
};

export type TriageAnswers = {
  affectedScope: AffectedScope;
  businessCritical: boolean;
  impairment: Impairment;
  /** What the directory adds: a critical system named, a VIP as requester. */
  raises?: readonly DirectoryRaise[] | undefined;
};

export type TriageOverride = {
  impact?: Level | undefined;
  urgency?: Level | undefined;
  priority?: Priority | undefined;
  reason: string;
};

/** Why a priority came out as it did: the answers that drove impact and urgency. */
export type TriageExplanation = {
  impact: Level;
  urgency: Level;
  priority: Priority;
  impactFrom: ImpactFrom;
  /** The system or person that raised the impact (impactFrom criticalSystem or vip), else null. */
  raisedBy: string | null;
  answers: TriageAnswers;
};

export type ImpactFrom = 'scope' | 'businessCritical' | 'criticalSystem' | 'vip';

const levelOrder: Record<Level, number> = { high: 3, medium: 2, low: 1 };
const higher = (a: Level, b: Level): Level => (levelOrder[a] >= levelOrder[b] ? a : b);
const oneUp: Record<Level, Level> = { low: 'medium', medium: 'high', high: 'high' };

/**
 * Impact from the scope, raised by what makes it worse: the requester's "business-critical", a critical system
 * of the directory (to the business-critical level), a VIP (one level). The first raise that reaches the final
 * impact is named, so the triage says why ("ERP ist geschäftskritisch").
 */
export function suggestTriage(answers: TriageAnswers, rules: TriageRules): TriageExplanation {
  const byScope = rules.impactByScope[answers.affectedScope];
  const candidates: { level: Level; from: ImpactFrom; by: string | null }[] = [
    { level: byScope, from: 'scope', by: null },
  ];
  if (answers.businessCritical)
    candidates.push({ level: higher(byScope, rules.businessCriticalImpact), from: 'businessCritical', by: null });
  for (const raise of answers.raises ?? []) {
    const level = raise.kind === 'criticalSystem' ? higher(byScope, rules.businessCriticalImpact) : oneUp[byScope];
    candidates.push({ level, from: raise.kind, by: raise.name });
  }
  const impact = candidates.reduce((best, c) => higher(best, c.level), byScope);
  const cause = candidates.find((c) => c.level === impact && (impact !== byScope || c.from === 'scope'))!;
  const urgency = rules.urgencyByImpairment[answers.impairment];
  return {
    impact,
    urgency,
    priority: rules.matrix[impact][urgency],
    impactFrom: cause.from,
    raisedBy: cause.by,
    answers,
  };
}

export type EffectiveTriage = {
  impact: Level;
  urgency: Level;
  priority: Priority;
  suggested: TriageExplanation;
  override: TriageOverride | null;
};

/** Applies a coordinator's override on top of the suggestion; a priority override wins over the matrix. */
export function effectiveTriage(
  answers: TriageAnswers,
  rules: TriageRules,
  override: TriageOverride | null,
): EffectiveTriage {
  const suggested = suggestTriage(answers, rules);
  if (!override) return { ...suggested, suggested, override: null };
  const impact = override.impact ?? suggested.impact;
  const urgency = override.urgency ?? suggested.urgency;
  const priority = override.priority ?? rules.matrix[impact][urgency];
  return { impact, urgency, priority, suggested, override };
}
