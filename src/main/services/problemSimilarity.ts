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
  const postings = new Map<string, Set<number>>();
  const edges = new Map<number, Map<number, number>>();

  const idf = (term: string) => Math.log(1 + docs.size / (postings.get(term)?.size ?? 1));
  const norm = (terms: Map<string, number>) => {
    let sum = 0;
    for (const [term, weight] of terms) sum += (weight * idf(term)) ** 2;
    return Math.sqrt(sum) || 1;
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
    const dots = new Map<number, number>();
    // Words in most tickets ("bitte", "problem") add almost nothing and would make every ticket a candidate.
    const common = Math.max(8, docs.size * 0.25);
    for (const [term, weight] of terms) {
      const list = postings.get(term);
      if (!list || list.size > common) continue;
      const w = idf(term) ** 2 * weight;
      for (const other of list) {
        if (other === self) continue;
        const entry = docs.get(other);
        dots.set(other, (dots.get(other) ?? 0) + w * (entry?.terms.get(term) ?? 0));
      }
    }
    const own = norm(terms);
    const result = new Map<number, number>();
    for (const [other, dot] of dots) {
      const entry = docs.get(other);
      if (entry) result.set(other, dot / (own * norm(entry.terms)));
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
    const mine = new Map<number, number>();
    for (const [other, score] of similarTo(entry, id)) {
      if (score < KEPT_SIMILARITY) continue;
      mine.set(other, score);
      let theirs = edges.get(other);
      if (!theirs) edges.set(other, (theirs = new Map()));
      theirs.set(id, score);
    }
    edges.set(id, mine);
  };
  const unindex = (id: number) => {
    const before = docs.get(id);
    if (!before) return;
    for (const term of before.terms.keys()) {
      const list = postings.get(term);
      list?.delete(id);
      if (list && !list.size) postings.delete(term);
    }
    docs.delete(id);
    dropEdges(id);
  };
  const index = (doc: SimilarityDoc) => {
    unindex(doc.id);
    const entry: Entry = { ...doc, ...termsOf(doc.title, doc.body) };
    docs.set(doc.id, entry);
    for (const term of entry.terms.keys()) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = new Set()));
      list.add(doc.id);
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
    remove: unindex,
    clear() {
      docs.clear();
      postings.clear();
      edges.clear();
    },
    /** Pairs of one ticket kept (similarity ≥ KEPT_SIMILARITY); edges are those ≥ EDGE_SIMILARITY. */
    pairsOf: (id: number): ReadonlyMap<number, number> => edges.get(id) ?? new Map(),
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
