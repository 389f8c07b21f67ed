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

/**
 * Every eligible ticket in a group: the edge graph's connected parts, each merged bottom-up by average linkage (the
 * mean of all pairs, a pair too unlike to be kept counting 0) while that mean stays above MERGE_SIMILARITY. Unlike
 * "connected is together", one ticket that reads like two causes cannot chain them into one pattern.
 */
export function clusterAll(index: SimilarityIndex, eligible: (id: number) => boolean): number[][] {
  const seen = new Set<number>();
  const clusters: number[][] = [];
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
    if (component.length === 1) clusters.push(component);
    else clusters.push(...averageLinkage(index, component, eligible));
  }
  return clusters;
}

/** A group shown as a pattern: big enough, and sharing two words (or one and a system) — else null. */
export function asPattern(index: SimilarityIndex, members: readonly number[], minSize: number): PatternGroup | null {
  if (members.length < minSize) return null;
  const group = explain(index, [...members]);
  // One shared word ("request", "Drucker") is a coincidence; two, or one and the same system, is a pattern.
  return group.words.length >= 2 || group.systemIds.length > 0 ? group : null;
}

const bySize = (a: PatternGroup, b: PatternGroup) => b.ids.length - a.ids.length || b.to - a.to;

/** The patterns of the eligible tickets, largest first (all grouped anew). */
export function findPatterns(
  index: SimilarityIndex,
  eligible: (id: number) => boolean,
  minSize: number,
): PatternGroup[] {
  return clusterAll(index, eligible)
    .map((members) => asPattern(index, members, minSize))
    .filter((g) => g !== null)
    .sort(bySize);
}

/**
 * The grouping kept between questions: built once with `clusterAll`, then each new or changed ticket joins the
 * group whose mean similarity to it is highest (at least MERGE_SIMILARITY), or starts its own — the cost of a new
 * ticket is its pairs, not the window. Built anew when much has changed, so early choices do not stay forever.
 */
export function patternGrouping(index: SimilarityIndex) {
  const groupOf = new Map<number, number>();
  const members = new Map<number, Set<number>>();
  const shown = new Map<number, PatternGroup | null>();
  let next = 1;
  let changes = 0;
  const add = (ids: readonly number[]) => {
    const id = next++;
    members.set(id, new Set(ids));
    for (const ticket of ids) groupOf.set(ticket, id);
    return id;
  };
  const remove = (ticket: number) => {
    const group = groupOf.get(ticket);
    if (group === undefined) return;
    groupOf.delete(ticket);
    const set = members.get(group);
    set?.delete(ticket);
    shown.delete(group);
    if (set && !set.size) members.delete(group);
  };
  return {
    /** How many tickets moved since the grouping was built. */
    changes: () => changes,
    rebuild(eligible: (id: number) => boolean) {
      groupOf.clear();
      members.clear();
      shown.clear();
      changes = 0;
      for (const cluster of clusterAll(index, eligible)) add(cluster);
    },
    update(ticket: number, eligible: (id: number) => boolean) {
      changes += 1;
      remove(ticket);
      if (!index.has(ticket) || !eligible(ticket)) return;
      const sums = new Map<number, number>();
      for (const [other, score] of index.pairsOf(ticket)) {
        const group = groupOf.get(other);
        if (group !== undefined) sums.set(group, (sums.get(group) ?? 0) + score);
      }
      let best: { group: number; mean: number } | null = null;
      for (const [group, sum] of sums) {
        const mean = sum / (members.get(group)?.size ?? 1);
        if (mean >= MERGE_SIMILARITY && (!best || mean > best.mean)) best = { group, mean };
      }
      if (!best) return void add([ticket]);
      members.get(best.group)?.add(ticket);
      groupOf.set(ticket, best.group);
      shown.delete(best.group);
    },
    patterns(minSize: number): PatternGroup[] {
      const found: PatternGroup[] = [];
      for (const [group, set] of members) {
        if (set.size < minSize) continue;
        if (!shown.has(group)) shown.set(group, asPattern(index, [...set], minSize));
        const pattern = shown.get(group);
        if (pattern) found.push(pattern);
      }
      return found.sort(bySize);
    },
  };
}

function averageLinkage(index: SimilarityIndex, members: number[], eligible: (id: number) => boolean): number[][] {
  const inside = new Set(members);
  const clusters = new Map<number, number[]>(members.map((id) => [id, [id]]));
  /** Per cluster: the sum of similarities to each neighbouring cluster (pairs too unlike to be kept count 0). */
  const links = new Map<number, Map<number, number>>(members.map((id) => [id, new Map()]));
  for (const id of members) {
    for (const [other, score] of index.pairsOf(id)) {
      if (other === id || !inside.has(other) || !eligible(other)) continue;
      // A pair may be kept on one side only; either side's score is the pair's.
      links.get(id)?.set(other, score);
      links.get(other)?.set(id, score);
    }
  }
  // Candidate merges, best mean first; an entry is stale once either cluster changed since it was pushed.
  const heap = new MaxHeap();
  const changedAt = new Map<number, number>();
  let step = 0;
  const push = (a: number, b: number) => {
    const sum = links.get(a)?.get(b) ?? 0;
    const mean = sum / ((clusters.get(a)?.length ?? 1) * (clusters.get(b)?.length ?? 1));
    if (mean >= MERGE_SIMILARITY) heap.push({ mean, a, b, at: step });
  };
  for (const [a, neighbours] of links) for (const b of neighbours.keys()) if (a < b) push(a, b);
  for (let next = heap.pop(); next; next = heap.pop()) {
    const { a, b, at } = next;
    if (!clusters.has(a) || !clusters.has(b)) continue;
    if ((changedAt.get(a) ?? -1) > at || (changedAt.get(b) ?? -1) > at) continue;
    step += 1;
    clusters.set(a, [...(clusters.get(a) ?? []), ...(clusters.get(b) ?? [])]);
    clusters.delete(b);
    const mine = links.get(a) ?? new Map<number, number>();
    mine.delete(b);
    for (const [other, sum] of links.get(b) ?? []) {
      if (other === a) continue;
      mine.set(other, (mine.get(other) ?? 0) + sum);
      const theirs = links.get(other);
      theirs?.delete(b);
      theirs?.set(a, mine.get(other) ?? 0);
    }
    links.delete(b);
    changedAt.set(a, step);
    for (const other of mine.keys()) push(a, other);
  }
  return [...clusters.values()];
}

type Candidate = { mean: number; a: number; b: number; at: number };
/** A binary max-heap of candidate merges by mean similarity. */
class MaxHeap {
  private items: Candidate[] = [];
  push(item: Candidate) {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as Candidate).mean >= item.mean) break;
      items[i] = items[parent] as Candidate;
      i = parent;
    }
    items[i] = item;
  }
  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!items.length || !last) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      let bestMean = last.mean;
      if (left < items.length && (items[left] as Candidate).mean > bestMean) {
        best = left;
        bestMean = (items[left] as Candidate).mean;
      }
      if (right < items.length && (items[right] as Candidate).mean > bestMean) best = right;
      if (best === i) break;
      items[i] = items[best] as Candidate;
      i = best;
    }
    items[i] = last;
    return top;
  }
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
