import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../../src/shared/contract';
import { testHttpHost } from '../../support/http';
import { defaultSlaPolicy } from '../../../src/shared/domain/slaPolicy';
import { fileServerTicket, outlookTicket } from '../../support/store';

// Property-based fuzzing of every method over HTTP, with inputs derived from and around valid ones:
// wrong types, unknown keys, huge strings and arrays, deep nesting, lone surrogates, control characters.
const RUNS = 200;

const seeds: Record<MethodName, unknown> = {
  'tickets.create': fileServerTicket,
  'tickets.get': { id: 1 },
  'tickets.list': {
    filter: { status: ['new'], priority: ['P1'], q: 'server' },
    sort: { by: 'updated', dir: 'desc' },
    limit: 50,
    cursor: null,
  },
  'tickets.update': { id: 1, expectedVersion: 1, patch: { title: 'Neu', tier: 'second', category: 'server' } },
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
};

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '\ud800',
    'a\udfffb',
    '\u0000',
    '\u001b[2J',
    '\u202e',
    '../../etc/passwd',
    'x'.repeat(300_000),
    '"*NEAR(',
    '',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.constant(Array.from({ length: 50_000 }, (_, i) => i)),
  fc.constant(JSON.parse(`${'['.repeat(3000)}1${']'.repeat(3000)}`) as unknown),
  fc.anything({ maxDepth: 3 }),
);

type Path = (string | number)[];
function paths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, Array.isArray(value) ? Number(k) : k]))];
}
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** A valid input with one place replaced, or a key added, or something else entirely. */
const around = (seed: unknown) => {
  const places = paths(seed);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...places), nasty).map(([path, value]) => setAt(seed, path, value)),
    fc.tuple(fc.constantFrom(...places), fc.string({ minLength: 1, maxLength: 8 }), nasty).map(([path, key, value]) => {
      const target = path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)?.[k], seed);
      return target && typeof target === 'object' && !Array.isArray(target)
        ? setAt(seed, path, { ...target, [`${key}_x`]: value })
        : setAt(seed, path, value);
    }),
    nasty,
  );
};

let h: Awaited<ReturnType<typeof testHttpHost>>;
beforeAll(async () => {
  h = await testHttpHost();
  await h.call('settings.update', { patch: { attachmentMaxBytes: 64 * 1024 } });
  await h.call('tickets.create', outlookTicket);
  await h.call('tickets.attach', { id: 1, fileName: 'a.txt', contentBase64: 'aGFsbG8=' });
});
afterAll(() => h.close());

describe('fuzzing every method over HTTP', () => {
  it.each(methodNames)('%s: never a crash, never a 5xx, no write from a rejected request', async (method) => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(around(seeds[method]), async (input) => {
        // Every write appends to the event chain, so an unchanged chain means nothing was written.
        const before = await h.call('audit.verify', {});
        const response = await h.post(method, input);
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
        if (body.ok) {
          accepted += 1;
          return;
        }
        expect(body.error?.code).toMatch(/^[a-z_]+$/);
        expect(body.error?.message.length).toBeGreaterThan(5);
        const after = await h.call('audit.verify', {});
        expect(after).toEqual(before);
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
    expect(accepted).toBeLessThan(RUNS);
  });
});
