import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../src/shared/contract';
import { testHttpHost } from '../../support/http';
import { allPaths, validInputs, valueAt, withValue } from '../../support/inputs';
import { outlookTicket } from '../../support/store';

// Property-based fuzzing of every method over HTTP, with inputs derived from and around valid ones:
// wrong types, unknown keys, huge strings and arrays, deep nesting, lone surrogates, control characters.
const RUNS = 200;

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

/** A valid input with one place replaced, or a key added, or something else entirely. */
const around = (seed: unknown) => {
  const places = allPaths(seed);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...places), nasty).map(([path, value]) => withValue(seed, path, value)),
    fc.tuple(fc.constantFrom(...places), fc.string({ minLength: 1, maxLength: 8 }), nasty).map(([path, key, value]) => {
      const target = valueAt(seed, path);
      return target && typeof target === 'object' && !Array.isArray(target)
        ? withValue(seed, path, { ...target, [`${key}_x`]: value })
        : withValue(seed, path, value);
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
      fc.asyncProperty(around(validInputs[method]), async (input) => {
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
