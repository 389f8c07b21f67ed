import { describe, expect, it } from 'vitest';
import { findPatterns, patternGrouping } from '../../../src/main/services/problemPatterns';
import { similarityIndex } from '../../../src/main/services/problemSimilarity';
import { patternCorpus } from '../../support/patternCorpus';

const systems = new Map<string, number>();
const systemId = (name: string) => {
  if (!systems.has(name)) systems.set(name, systems.size + 1);
  return systems.get(name) as number;
};

/** Pairwise precision and recall: of the pairs put together, how many share a cause; of those that do, how many. */
function score(labels: (string | null)[], groups: number[][]) {
  let together = 0;
  let right = 0;
  for (const group of groups)
    for (let i = 0; i < group.length; i += 1)
      for (let j = i + 1; j < group.length; j += 1) {
        together += 1;
        const a = labels[(group[i] as number) - 1];
        if (a !== null && a === labels[(group[j] as number) - 1]) right += 1;
      }
  let truePairs = 0;
  const counts = new Map<string, number>();
  for (const label of labels) if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  for (const n of counts.values()) truePairs += (n * (n - 1)) / 2;
  return { precision: together ? right / together : 0, recall: truePairs ? right / truePairs : 0 };
}

describe('pattern detection on the labelled corpus', () => {
  const corpus = patternCorpus();
  const build = () => {
    const index = similarityIndex();
    index.putAll(
      corpus.map((t, i) => ({
        id: i + 1,
        createdAt: Date.UTC(2026, 9, 1) + i * 3_600_000,
        title: t.title,
        body: t.description,
        systemIds: t.system ? [systemId(t.system)] : [],
        category: t.category,
        department: t.department,
        requester: t.requester.toLowerCase(),
      })),
    );
    return index;
  };

  it('finds the recurring causes with precision and recall of at least 0.8', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const groups = findPatterns(build(), () => true, 3);
    const result = score(
      corpus.map((t) => t.label),
      groups.map((g) => g.ids),
    );
    console.info(
      `pattern detection: ${groups.length} groups, precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`,
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('gets the same groups whether tickets come all at once or one by one', () => {
    const once = findPatterns(build(), () => true, 3)
      .map((g) => g.ids.length)
      .sort((a, b) => a - b);
    const index = similarityIndex();
    const all = build();
    for (const id of all.ids()) {
      const entry = all.get(id);
      if (entry) index.put(entry);
    }
    const stepwise = findPatterns(index, () => true, 3)
      .map((g) => g.ids.length)
      .sort((a, b) => a - b);
    // Word weights drift while the window fills, so a ticket or two may land elsewhere, never whole causes.
    expect(stepwise.length).toBeGreaterThanOrEqual(once.length - 1);
    expect(stepwise.length).toBeLessThanOrEqual(once.length + 1);
  });

  it('keeps precision and recall when half the desk arrives ticket by ticket after the grouping was built', () => {
    const all = build();
    const index = similarityIndex();
    const ids = [...all.ids()];
    const half = ids.slice(0, ids.length / 2);
    index.putAll(half.map((id) => all.get(id)).filter((e) => e !== undefined));
    const grouping = patternGrouping(index);
    grouping.rebuild(() => true);
    for (const id of ids.slice(ids.length / 2)) {
      const entry = all.get(id);
      if (!entry) continue;
      index.put(entry);
      grouping.update(id, () => true);
    }
    expect(grouping.changes()).toBe(ids.length - half.length);
    const result = score(
      corpus.map((t) => t.label),
      grouping.patterns(3).map((g) => g.ids),
    );
    console.info(`incremental: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`);
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('explains a group by its shared words, system, category and time span', () => {
    const groups = findPatterns(build(), () => true, 3);
    const vpn = groups.find((g) => g.words.includes('vpn'));
    expect(vpn).toBeDefined();
    expect(vpn?.systemIds).toEqual([systemId('VPN')]);
    expect(vpn?.category).toBe('network');
    expect(vpn?.requesters).toBeGreaterThan(3);
    expect(vpn?.to).toBeGreaterThan(vpn?.from ?? Infinity);
  });

  it('leaves out tickets that are not eligible (linked to a problem, outside the window)', () => {
    const corpusIds = new Set(corpus.flatMap((t, i) => (t.label === 'vpn' ? [i + 1] : [])));
    const groups = findPatterns(build(), (id) => !corpusIds.has(id), 3);
    expect(groups.some((g) => g.ids.some((id) => corpusIds.has(id)))).toBe(false);
  });
});
