import type { MethodName } from '../../src/shared/contract';
import { defaultMessageTemplates } from '../../src/shared/domain/messages';
import { defaultSlaPolicy } from '../../src/shared/domain/slaPolicy';
import { fileServerTicket } from './store';

/**
 * One valid input per method (ticket 1 and attachment 1 exist), for tests that build hostile ones around it:
 * every leaf is one that no other type may replace (so no nullable leaves).
 */
export const validInputs: Record<MethodName, Record<string, unknown>> = {
  'tickets.create': fileServerTicket as Record<string, unknown>,
  'tickets.get': { id: 1 },
  'tickets.list': {
    filter: { status: ['new'], priority: ['P1'], q: 'drucker' },
    sort: { by: 'updated', dir: 'desc' },
    limit: 10,
  },
  'tickets.update': {
    id: 1,
    expectedVersion: 1,
    patch: { title: 'Neu', tier: 'second', requester: { name: 'Eva', department: 'IT' } },
  },
  'tickets.transition': { id: 1, to: 'inProgress' },
  'tickets.addNote': { id: 1, kind: 'note', body: 'Notiz' },
  'tickets.search': { q: 'drucker', limit: 5 },
  'tickets.timeline': { id: 1 },
  'tickets.attach': { id: 1, fileName: 'a.txt', mimeType: 'text/plain', contentBase64: 'aGFsbG8=' },
  'tickets.attachment': { attachmentId: 1 },
  'audit.verify': {},
  'settings.get': {},
  'settings.update': { patch: { coordinatorName: 'Jonas', language: 'de' } },
  'system.health': {},
  'sla.policy.get': {},
  'sla.policy.update': { policy: defaultSlaPolicy },
  'sla.status': { id: 1 },
  'sla.check': {},
  'board.get': { filter: { category: ['server'], tier: ['first'], waitingOn: ['msp'], mine: true }, perCell: 20 },
  'tickets.nextUp': { limit: 10 },
  'messages.templates.get': {},
  'messages.templates.update': { templates: defaultMessageTemplates },
  'messages.render': { id: 1, kind: 'waitingOnYou', language: 'de', needed: 'Ein Bildschirmfoto der Fehlermeldung' },
};

export type Path = (string | number)[];

/** Every place in a JSON value: the root, each object or array, each leaf. */
export function allPaths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  return [
    at,
    ...Object.entries(value).flatMap(([key, child]) =>
      allPaths(child, [...at, Array.isArray(value) ? Number(key) : key]),
    ),
  ];
}

export const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], root);

/** A copy of `root` with the value at `path` replaced. */
export function withValue(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}
