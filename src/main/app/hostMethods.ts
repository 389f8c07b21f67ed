import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';

/**
 * Methods answered in main rather than by the store worker: background services whose work is files and threads
 * of their own (backups, the full ticket export), writing to the database through the store's methods like any caller.
 */
export const hostMethods = [
  'backups.list',
  'backups.run',
  'backups.verify',
  'backups.restore',
  'backups.settings.get',
  'backups.settings.update',
  'reports.tickets.export',
  'reports.tickets.chunk',
  'monitoring.checks.runNow',
  'mail.import',
  'mail.accounts.save',
  'mail.accounts.test',
  'mail.poll',
] as const satisfies readonly MethodName[];

export type HostMethod = (typeof hostMethods)[number];
export type StoreMethod = Exclude<MethodName, HostMethod>;

export type HostHandlers = { [M in HostMethod]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

export const isHostMethod = (method: string): method is HostMethod =>
  (hostMethods as readonly string[]).includes(method);
