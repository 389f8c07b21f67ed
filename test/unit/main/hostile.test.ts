import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../../src/shared/contract';
import { allPaths, validInputs, valueAt, withValue } from '../../support/inputs';
import { outlookTicket, testStore } from '../../support/store';

const isLeaf = (value: unknown) => value === null || typeof value !== 'object';
const leaves = (root: unknown) =>
  allPaths(root).filter((path) => isLeaf(valueAt(root, path)) && valueAt(root, path) !== undefined);
const objectPaths = (root: unknown) =>
  allPaths(root).filter((path) => {
    const value = valueAt(root, path);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  });
const deep = (depth: number) => {
  let node: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) node = { a: [node] };
  return node;
};

function variants(method: MethodName): { label: string; input: unknown }[] {
  const base = validInputs[method];
  const out: { label: string; input: unknown }[] = [];
  for (const path of leaves(base)) {
    const leaf = { path, value: valueAt(base, path) };
    const where = leaf.path.join('.');
    const wrong =
      typeof leaf.value === 'string'
        ? [12, {}, [], true]
        : typeof leaf.value === 'number'
          ? ['1', {}, [1], 1.5e300]
          : ['yes', 0, {}];
    for (const w of wrong) out.push({ label: `${where} = ${JSON.stringify(w)}`, input: withValue(base, leaf.path, w) });
    if (typeof leaf.value === 'string') {
      out.push({ label: `${where} oversized`, input: withValue(base, leaf.path, 'x'.repeat(300_000)) });
      out.push({ label: `${where} lone surrogate`, input: withValue(base, leaf.path, 'ab\ud800cd') });
      out.push({ label: `${where} control characters`, input: withValue(base, leaf.path, 'a\u0000b\u001b[31m') });
    }
  }
  for (const path of objectPaths(base)) {
    const target = path.length
      ? withValue(base, path, {
          ...(path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], base) as object),
          __proto__x: 1,
        })
      : { ...base, extra: 1 };
    out.push({ label: `unknown key at ${path.join('.') || 'root'}`, input: target });
  }
  out.push({ label: 'deep nesting', input: { ...base, nested: deep(5000) } });
  out.push({ label: 'array instead of object', input: [base] });
  out.push({ label: 'string instead of object', input: 'tickets' });
  return out;
}

let t: ReturnType<typeof testStore>;
beforeAll(async () => {
  t = testStore();
  // a small limit, so that an oversized attachment is 300 KB and not 30 MB
  await t.call('settings.update', { patch: { attachmentMaxBytes: 100 * 1024 } });
  await t.call('tickets.create', outlookTicket);
  await t.call('tickets.attach', { id: 1, fileName: 'a.txt', contentBase64: 'aGFsbG8=' });
});
afterAll(() => t.close());

async function snapshot() {
  return JSON.stringify([
    await t.call('tickets.list', { sort: { by: 'updated', dir: 'desc' }, limit: 500 }),
    await t.call('tickets.get', { id: 1 }),
    await t.call('audit.verify', {}),
    await t.call('settings.get', {}),
  ]);
}

describe('hostile input', () => {
  it.each(methodNames)('%s refuses every hostile variant with a clear error and changes nothing', async (method) => {
    const before = await snapshot();
    const cases = variants(method);
    expect(cases.length).toBeGreaterThan(2);
    for (const { label, input } of cases) {
      const outcome = await t.dispatch(method, input, 'de');
      expect(outcome.ok, `${method}: ${label}`).toBe(false);
      if (outcome.ok) continue;
      expect(['invalid_input', 'payload_too_large'], `${method}: ${label}`).toContain(outcome.error.code);
      expect(outcome.error.message.length, label).toBeGreaterThan(10);
    }
    expect(await snapshot()).toBe(before);
  });
});
