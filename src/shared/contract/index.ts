import type { z } from 'zod';
import { auditContract } from './audit';
import { backupsContract } from './backups';
import { privacyContract } from './privacy';
import { boardContract } from './board';
import { checklistsContract } from './checklists';
import { messagesContract } from './messages';
import { mspContract } from './msp';
import { monitoringContract } from './monitoring';
import { mailContract } from './mail';
import { directoryContract } from './directory';
import { kbContract } from './kb';
import { problemsContract } from './problems';
import { reportsContract } from './reports';
import { settingsContract } from './settings';
import { slaContract, type SlaWarning } from './sla';
import { systemContract } from './system';
import { ticketsContract } from './tickets';

/** Every API method, by `domain.verb`. The table of contents of Leitstand. */
export const contract = {
  ...ticketsContract,
  ...auditContract,
  ...settingsContract,
  ...systemContract,
  ...slaContract,
  ...messagesContract,
  ...boardContract,
  ...checklistsContract,
  ...mspContract,
  ...directoryContract,
  ...backupsContract,
  ...privacyContract,
  ...kbContract,
  ...problemsContract,
  ...reportsContract,
  ...monitoringContract,
  ...mailContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

/** What main pushes after a committed change, so every view can refetch what it shows. */
export type ChangeEvent =
  | { entity: 'ticket' | 'settings' | 'system' | 'directory' | 'kb' | 'problem'; ids: number[] }
  /** SLA warnings just raised: shown in the app and, in Electron, as a desktop notification. */
  | { entity: 'slaWarning'; ids: number[]; warnings: SlaWarning[] }
  /** Action items of problems just found overdue (each once per due date): shown as a reminder. */
  | { entity: 'actionOverdue'; ids: number[]; actions: { title: string; problemTitle: string; due: string }[] }
  /** The monthly report of `month` is due (the first working day of the month after it): reminded once. */
  | { entity: 'reportDue'; ids: number[]; month: string }
  /** Checks of the monitoring whose state or runs changed (ids: checks). */
  | { entity: 'monitoring'; ids: number[] }
  /** Mail accounts, the outbox or held mails changed (ids: outbox items or accounts). */
  | { entity: 'mail'; ids: number[] }
  /** A check went down or came back: shown in the app and as a desktop notification. */
  | { entity: 'monitoringAlert'; ids: number[]; alerts: MonitoringAlert[] };

/** A check that went down or recovered, said for a notification. */
export type MonitoringAlert = {
  kind: 'down' | 'recovered';
  checkId: number;
  checkName: string;
  systemName: string;
  message: string;
  ticketId: number | null;
  ticketNumber: string | null;
};

/** What the shell pushes besides changes: menu commands, and `ticket:<id>` when a desktop notification is clicked. */
export type ShellCommand =
  'newTicket' | 'tickets' | 'board' | 'next' | 'checklists' | 'requests' | 'settings' | 'search' | `ticket:${number}`;

export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
