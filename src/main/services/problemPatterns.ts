import { createHash } from 'node:crypto';
import { EDGE_SIMILARITY, type SimilarityIndex } from './problemSimilarity';

/** Two groups merge while the mean similarity of all their pairs stays at least this. */
export const MERGE_SIMILARITY = 0.15;

export type PatternGroup = {
  key: string;
  ids: number[];
  /** Mean similarity of the group's pairs (pairs too unlike to be kept count as 0). */
  similarity: number;
  words: string[];
  systemIds: number[];
  category: string | null;
  departments: string[];
  requesters: number;
  from: number;
  to: number;
};

export const patternKey = (ids: readonly number[]) =>
  createHash('sha256')
    .update([...ids].sort((a, b) => a - b).join(','))
    .digest('hex')
    .slice(0, 16);

/** Groups larger than this are split by the strongest edges first; a window holds few such groups. */
const MAX_COMPONENT = 400;

/**
 * Groups of alike tickets: the edge graph's connected parts, each merged bottom-up by average linkage (the mean of
 * all pairs, a missing pair counting 0) while that mean stays above the edge threshold. Unlike "connected is
 * together", one ticket that reads like two causes cannot chain them into one pattern.
 */
export function findPatterns(
  index: SimilarityIndex,
  eligible: (id: number) => boolean,
  minSize: number,
): PatternGroup[] {
  const seen = new Set<number>();
  const groups: PatternGroup[] = [];
  for (const start of index.ids()) {
    if (seen.has(start) || !eligible(start)) continue;
    const component: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const id = queue.pop() as number;
      component.push(id);
      for (const [other, score] of index.pairsOf(id)) {
        if (score < EDGE_SIMILARITY || seen.has(other) || !eligible(other)) continue;
        seen.add(other);
        queue.push(other);
      }
    }
    if (component.length < minSize) continue;
    for (const members of averageLinkage(index, component.slice(0, MAX_COMPONENT), eligible)) {
      if (members.length < minSize) continue;
      const group = explain(index, members);
      // One shared word ("request", "Drucker") is a coincidence; two, or one and the same system, is a pattern.
      if (group.words.length >= 2 || group.systemIds.length > 0) groups.push(group);
    }
  }
  return groups.sort((a, b) => b.ids.length - a.ids.length || b.to - a.to);
}

function averageLinkage(index: SimilarityIndex, members: number[], eligible: (id: number) => boolean): number[][] {
  const clusters = new Map<number, number[]>(members.map((id) => [id, [id]]));
  const clusterOf = new Map<number, number>(members.map((id) => [id, id]));
  const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  /** Sum of the similarities between two clusters' members (only edges; the rest count 0). */
  const sums = new Map<string, number>();
  for (const id of members) {
    for (const [other, score] of index.pairsOf(id)) {
      if (other > id && clusterOf.has(other) && eligible(other)) sums.set(pairKey(id, other), score);
    }
  }
  for (;;) {
    let best: { a: number; b: number; mean: number } | null = null;
    for (const [key, sum] of sums) {
      const [a, b] = key.split(':').map(Number) as [number, number];
      const mean = sum / ((clusters.get(a)?.length ?? 1) * (clusters.get(b)?.length ?? 1));
      if (mean >= MERGE_SIMILARITY && (!best || mean > best.mean)) best = { a, b, mean };
    }
    if (!best) break;
    const { a, b } = best;
    const merged = [...(clusters.get(a) ?? []), ...(clusters.get(b) ?? [])];
    clusters.set(a, merged);
    clusters.delete(b);
    for (const id of merged) clusterOf.set(id, a);
    // Pairs with b become pairs with a.
    sums.delete(pairKey(a, b));
    // (Entries added meanwhile pair with a, not b: the walk skips them.)
    for (const [key, sum] of sums) {
      const [x, y] = key.split(':').map(Number) as [number, number];
      if (x !== b && y !== b) continue;
      const other = x === b ? y : x;
      sums.delete(key);
      const target = pairKey(a, other);
      sums.set(target, (sums.get(target) ?? 0) + sum);
    }
  }
  return [...clusters.values()];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function explain(index: SimilarityIndex, ids: number[]): PatternGroup {
  const entries = ids.map((id) => index.get(id)).filter((e) => e !== undefined);
  const sorted = [...ids].sort((a, b) => a - b);
  // The words most of them share, the rarest first (they say the most).
  const counts = new Map<string, number>();
  for (const entry of entries) for (const term of entry.own) counts.set(term, (counts.get(term) ?? 0) + 1);
  const needed = Math.max(2, Math.ceil(entries.length * 0.6));
  const words: string[] = [];
  const shared = [...counts]
    .filter(([, n]) => n >= needed)
    .sort((a, b) => b[1] * index.idf(b[0]) - a[1] * index.idf(a[0]));
  for (const [term] of shared) {
    const word = entries.find((e) => e.surface.has(term))?.surface.get(term);
    // Two-letter words ("ab", "an") explain nothing to a reader even where they are shared.
    if (word && word.length > 2 && !words.includes(word)) words.push(word);
    if (words.length === 6) break;
  }
  const systemCounts = new Map<number, number>();
  for (const entry of entries)
    for (const s of new Set(entry.systemIds)) systemCounts.set(s, (systemCounts.get(s) ?? 0) + 1);
  const systemIds = [...systemCounts].filter(([, n]) => n * 2 >= entries.length).map(([s]) => s);
  const categoryCounts = new Map<string, number>();
  for (const entry of entries)
    if (entry.category) categoryCounts.set(entry.category, (categoryCounts.get(entry.category) ?? 0) + 1);
  const topCategory = [...categoryCounts].sort((a, b) => b[1] - a[1])[0];
  let pairSum = 0;
  for (let i = 0; i < sorted.length; i += 1)
    for (let j = i + 1; j < sorted.length; j += 1)
      pairSum += index.pairsOf(sorted[i] as number).get(sorted[j] as number) ?? 0;
  const pairs = (sorted.length * (sorted.length - 1)) / 2;
  const times = entries.map((e) => e.createdAt);
  return {
    key: patternKey(sorted),
    ids: sorted,
    similarity: round(pairs ? pairSum / pairs : 0),
    words,
    systemIds,
    category: topCategory && topCategory[1] * 10 >= entries.length * 6 ? topCategory[0] : null,
    departments: [...new Set(entries.map((e) => e.department).filter(Boolean))].sort(),
    requesters: new Set(entries.map((e) => e.requester || `#${e.id}`)).size,
    from: Math.min(...times),
    to: Math.max(...times),
  };
}
