import type { TicketCreateInput } from '../../../shared/contract/tickets';
import type { DirectoryRaise } from '../../../shared/domain/directory';
import type { AffectedScope, Category, Channel, Impairment } from '../../../shared/domain/enums';
import { noOverride, overrideIsSet, toTriageOverride, type OverrideValue } from '../../components/TriageOverrideFields';

export type SinceChoice = 'now' | 'hour' | 'morning' | 'yesterday' | 'unknown' | 'custom';

export type IntakeForm = {
  channel: Channel;
  requester: { name: string; department: string; phone: string; email: string; personId: number };
  /** The requester as picked from the directory: a VIP raises the impact. */
  requesterRaise: DirectoryRaise | null;
  /** Systems picked from the directory; a critical one raises the impact. */
  systems: { id: number; name: string; raise: DirectoryRaise | null }[];
  title: string;
  description: string;
  affectedScope: AffectedScope | null;
  affectedSystems: string;
  businessProcess: string;
  businessCritical: boolean;
  sinceChoice: SinceChoice | null;
  /** ISO time when known. */
  since: string | null;
  recentChanges: string;
  impairment: Impairment | null;
  category: Category | null;
  override: OverrideValue;
};

export const emptyIntake: IntakeForm = {
  channel: 'walkIn',
  requester: { name: '', department: '', phone: '', email: '', personId: 0 },
  requesterRaise: null,
  systems: [],
  title: '',
  description: '',
  affectedScope: null,
  affectedSystems: '',
  businessProcess: '',
  businessCritical: false,
  sinceChoice: null,
  since: null,
  recentChanges: '',
  impairment: null,
  category: null,
  override: noOverride,
};

/** Turns a quick "since when" answer into a time, relative to the moment it is chosen. */
export function sinceFor(choice: SinceChoice, now: Date = new Date()): string | null {
  const at = new Date(now);
  switch (choice) {
    case 'now':
      return at.toISOString();
    case 'hour':
      return new Date(at.getTime() - 3_600_000).toISOString();
    case 'morning':
      at.setHours(8, 0, 0, 0);
      return at.toISOString();
    case 'yesterday':
      at.setDate(at.getDate() - 1);
      at.setHours(8, 0, 0, 0);
      return at.toISOString();
    case 'custom':
    case 'unknown':
      return null;
  }
}

export type IntakeProblem = 'requesterName' | 'title' | 'affectedScope' | 'impairment' | 'overrideReason';

/** What still has to be answered before the request can be filed. */
export function intakeProblems(form: IntakeForm): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  if (!form.requester.name.trim()) problems.push('requesterName');
  if (!form.title.trim()) problems.push('title');
  if (!form.affectedScope) problems.push('affectedScope');
  if (!form.impairment) problems.push('impairment');
  if (overrideIsSet(form.override) && !form.override.reason.trim()) problems.push('overrideReason');
  return problems;
}

export function toCreateInput(form: IntakeForm): TicketCreateInput {
  return {
    title: form.title,
    description: form.description,
    channel: form.channel,
    requester: form.requester,
    firstContact: {
      affectedScope: form.affectedScope ?? 'person',
      affectedSystems: form.affectedSystems,
      systemIds: form.systems.map((s) => s.id),
      businessProcess: form.businessProcess,
      businessCritical: form.businessCritical,
      since: form.since,
      recentChanges: form.recentChanges,
      impairment: form.impairment ?? 'none',
    },
    category: form.category,
    triageOverride: toTriageOverride(form.override),
  };
}

/** What the directory adds to the triage: the requester's and the systems' raises. */
export const raisesOf = (form: IntakeForm): DirectoryRaise[] =>
  [form.requesterRaise, ...form.systems.map((s) => s.raise)].filter((r): r is DirectoryRaise => r !== null);
