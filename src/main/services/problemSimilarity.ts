import { bothStems, synonymsOf, tokens } from './kbText';

/**
 * How alike two tickets read: TF-IDF cosine over word stems (German and English stemmers both, so "Drucker" and
 * "printers" meet through the knowledge base's synonyms), the title counting twice, plus a little for the same
 * system, category, department and requester once the words already agree somewhat. Kept in memory for the
 * tickets of the detection window; a new ticket is compared only with the tickets it shares a word with (an
 * inverted index), so its cost grows with its words' postings, not with the tickets stored.
 */
export type SimilarityDoc = {
  id: number;
  createdAt: number;
  title: string;
  body: string;
  systemIds: readonly number[];
  category: string | null;
  department: string;
  requester: string;
};

type Entry = SimilarityDoc & {
  terms: Map<string, number>;
  /** The words behind each stem as written (for explanations). */
  surface: Map<string, string>;
  /** Stems of the words themselves, not of their synonyms (only those explain a pattern). */
  own: Set<string>;
};

const TITLE_WEIGHT = 2;
const SYNONYM_WEIGHT = 0.5;
/** A pair of tickets this alike is one edge of a pattern. */
export const EDGE_SIMILARITY = 0.2;
/** Weaker pairs are kept too (not as edges): a group's mean similarity counts them instead of taking them as 0. */
const KEPT_SIMILARITY = 0.08;
/**
 * At most this many pairs are kept per ticket, the most alike first (a k-nearest-neighbour graph): a window full of
 * near-identical reports must not keep every pair of them.
 */
const MAX_PAIRS = 24;
/** Below this the words do not agree enough for the same system or category to mean anything. */
const CONTEXT_FLOOR = 0.12;

export function termsOf(title: string, body: string) {
  const terms = new Map<string, number>();
  const surface = new Map<string, string>();
  const own = new Set<string>();
  const add = (text: string, weight: number) => {
    for (const token of tokens(text)) {
      if (/^\d+$/.test(token.word)) continue;
      const word = token.word.toLowerCase();
      for (const s of bothStems(token.word)) {
        terms.set(s, (terms.get(s) ?? 0) + weight);
        own.add(s);
        if (!surface.has(s)) surface.set(s, word);
        for (const synonym of synonymsOf(s)) terms.set(synonym, (terms.get(synonym) ?? 0) + weight * SYNONYM_WEIGHT);
      }
    }
  };
  add(title, TITLE_WEIGHT);
  add(body, 1);
  // Repetition says less than presence: a word ten times is not ten times as telling.
  for (const [term, count] of terms) terms.set(term, 1 + Math.log(count));
  return { terms, surface, own };
}

export function similarityIndex() {
  const docs = new Map<number, Entry>();
  /** Per word: the tickets holding it (by dense slot) with its weight there; slots let the sums run in an array. */
  const postings = new Map<string, Map<number, number>>();
  const slotOf = new Map<number, number>();
  const idAt: number[] = [];
  const free: number[] = [];
  let sums = new Float64Array(1024);
  const edges = new Map<number, Map<number, number>>();
  let version = 0;

  const idf = (term: string) => Math.log(1 + docs.size / (postings.get(term)?.size ?? 1));
  const norm = (terms: Map<string, number>) => {
    let sum = 0;
    for (const [term, weight] of terms) sum += (weight * idf(term)) ** 2;
    return Math.sqrt(sum) || 1;
  };
  /** A ticket's norm moves with the word weights, that is with the window's size: kept until it grew by 2 %. */
  const norms = new Map<number, { norm: number; size: number }>();
  const normOf = (id: number, terms: Map<string, number>) => {
    const known = norms.get(id);
    if (known && Math.abs(known.size - docs.size) <= known.size * 0.02) return known.norm;
    const value = norm(terms);
    norms.set(id, { norm: value, size: docs.size });
    return value;
  };
  const context = (a: SimilarityDoc, b: SimilarityDoc) => {
    let bonus = 0;
    if (a.systemIds.some((s) => b.systemIds.includes(s))) bonus += 0.15;
    if (a.category !== null && a.category === b.category) bonus += 0.05;
    if (a.department !== '' && a.department === b.department) bonus += 0.03;
    if (a.requester !== '' && a.requester === b.requester) bonus += 0.03;
    return bonus;
  };

  /** Every indexed ticket sharing a word with `terms`, with the cosine of their words. */
  const cosines = (terms: Map<string, number>, self: number | null) => {
    if (sums.length < idAt.length) sums = new Float64Array(idAt.length * 2);
    const touched: number[] = [];
    const selfSlot = self === null ? -1 : (slotOf.get(self) ?? -1);
    // Words in most tickets ("bitte", "problem") add almost nothing and would make every ticket a candidate.
    const common = Math.max(8, docs.size * 0.25);
    for (const [term, weight] of terms) {
      const list = postings.get(term);
      if (!list || list.size > common) continue;
      const w = idf(term) ** 2 * weight;
      for (const [slot, theirs] of list) {
        if (slot === selfSlot) continue;
        if (sums[slot] === 0) touched.push(slot);
        sums[slot] = (sums[slot] ?? 0) + w * theirs;
      }
    }
    const own = norm(terms);
    const result = new Map<number, number>();
    for (const slot of touched) {
      const dot = sums[slot] ?? 0;
      sums[slot] = 0;
      const other = idAt[slot] as number;
      const entry = docs.get(other);
      if (entry) result.set(other, dot / (own * normOf(other, entry.terms)));
    }
    return result;
  };
  const similarTo = (doc: SimilarityDoc & { terms: Map<string, number> }, self: number | null) => {
    const found = new Map<number, number>();
    for (const [other, cosine] of cosines(doc.terms, self)) {
      const entry = docs.get(other);
      if (!entry) continue;
      const score = cosine >= CONTEXT_FLOOR ? cosine + context(doc, entry) : cosine;
      found.set(other, score);
    }
    return found;
  };
  const dropEdges = (id: number) => {
    for (const other of edges.get(id)?.keys() ?? []) edges.get(other)?.delete(id);
    edges.delete(id);
  };
  const link = (id: number) => {
    const entry = docs.get(id);
    if (!entry) return;
    const nearest = [...similarTo(entry, id)]
      .filter(([, score]) => score >= KEPT_SIMILARITY)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_PAIRS);
    const mine = new Map<number, number>(nearest);
    for (const [other, score] of nearest) {
      let theirs = edges.get(other);
      if (!theirs) edges.set(other, (theirs = new Map()));
      theirs.set(id, score);
      // The other side keeps its nearest too (a little more room: it was there first).
      if (theirs.size > MAX_PAIRS * 2) {
        let weakest: [number, number] | null = null;
        for (const pair of theirs) if (!weakest || pair[1] < weakest[1]) weakest = pair;
        if (weakest) {
          theirs.delete(weakest[0]);
          edges.get(weakest[0])?.delete(other);
        }
      }
    }
    edges.set(id, mine);
  };
  const unindex = (id: number) => {
    const before = docs.get(id);
    if (!before) return;
    version += 1;
    const slot = slotOf.get(id) ?? -1;
    for (const term of before.terms.keys()) {
      const list = postings.get(term);
      list?.delete(slot);
      if (list && !list.size) postings.delete(term);
    }
    slotOf.delete(id);
    free.push(slot);
    docs.delete(id);
    norms.delete(id);
    dropEdges(id);
  };
  const index = (doc: SimilarityDoc) => {
    version += 1;
    unindex(doc.id);
    const entry: Entry = { ...doc, ...termsOf(doc.title, doc.body) };
    docs.set(doc.id, entry);
    const slot = free.pop() ?? idAt.length;
    idAt[slot] = doc.id;
    slotOf.set(doc.id, slot);
    for (const [term, weight] of entry.terms) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = new Map()));
      list.set(slot, weight);
    }
  };

  return {
    size: () => docs.size,
    has: (id: number) => docs.has(id),
    get: (id: number) => docs.get(id),
    /** Adds or replaces a ticket and finds its edges with the current word weights. */
    put(doc: SimilarityDoc) {
      index(doc);
      link(doc.id);
    },
    /** Many at once (the start-up load): words first, then edges, so every edge sees the whole window's weights. */
    putAll(list: readonly SimilarityDoc[]) {
      for (const doc of list) index(doc);
      for (const doc of list) link(doc.id);
    },
    /** The words of a ticket without its pairs yet (a load in steps: `link` follows). */
    putWords: index,
    link,
    remove: unindex,
    clear() {
      version += 1;
      docs.clear();
      norms.clear();
      postings.clear();
      slotOf.clear();
      idAt.length = 0;
      free.length = 0;
      edges.clear();
    },
    /** Pairs of one ticket kept (similarity ≥ KEPT_SIMILARITY); edges are those ≥ EDGE_SIMILARITY. */
    pairsOf: (id: number): ReadonlyMap<number, number> => edges.get(id) ?? new Map(),
    /** Counts every change of the index (a cached grouping is stale once it moved). */
    version: () => version,
    /** How alike a text (an intake, a problem) reads to each indexed ticket sharing its words. */
    similarToText(doc: Omit<SimilarityDoc, 'id' | 'createdAt'>) {
      return similarTo({ ...doc, id: 0, createdAt: 0, ...termsOf(doc.title, doc.body) }, null);
    },
    /** Cosine of two texts' words under the window's weights (an intake against a problem's own words). */
    textCosine(a: Map<string, number>, b: Map<string, number>) {
      let dot = 0;
      for (const [term, weight] of a) {
        const other = b.get(term);
        if (other !== undefined) dot += weight * other * idf(term) ** 2;
      }
      return dot / (norm(a) * norm(b));
    },
    idf,
    ids: () => docs.keys(),
  };
}
export type SimilarityIndex = ReturnType<typeof similarityIndex>;
