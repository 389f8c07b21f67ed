import type { Language } from '../../shared/domain/enums';
import type { ArticleContent, SnippetPart } from '../../shared/domain/kb';
import { bothStems, editDistance, plainText, stem, synonymsOf, tokens } from './kbText';

/** How much a word counts by where it stands: title and tags above the body. */
const FIELD_WEIGHT = { title: 3, tags: 2.5, meta: 1.5, body: 1 } as const;
type Field = keyof typeof FIELD_WEIGHT;

/** How much a word counts by how it matched what was typed. */
const MATCH = { exact: 1, synonym: 0.8, prefix: 0.7, compound: 0.6, typo1: 0.5, typo2: 0.4 } as const;

export type IndexedArticle = {
  id: number;
  content: ArticleContent;
  /** Names of the article's systems in the directory (found by them too). */
  systemNames: readonly string[];
  helped: number;
  lastHelpedAt: string | null;
};

type Doc = { article: IndexedArticle; length: number; terms: Map<string, number> };
type Candidate = { term: string; factor: number };
export type QueryWord = { word: string; weight: number };
export type Ranked = { article: IndexedArticle; score: number; matched: Set<string>; coverage: number };

const K1 = 1.2;
const B = 0.75;

/**
 * The knowledge base's search index, in memory in the store's thread: stems per field with BM25 weights, and the
 * vocabulary for prefixes (typing), compounds ("Treiber" in "Druckertreiber") and typos. The service feeds it every
 * change; expansions of a word are cached until the vocabulary changes (an intake asks for the same words again
 * with every pause in typing).
 */
export function kbIndex() {
  const docs = new Map<number, Doc>();
  const postings = new Map<string, Map<number, number>>();
  let vocabulary: string[] | null = null;
  let vocabularySet = new Set<string>();
  let totalLength = 0;
  const expansions = new Map<string, Candidate[]>();

  const remove = (id: number) => {
    const doc = docs.get(id);
    if (!doc) return;
    for (const term of doc.terms.keys()) {
      const list = postings.get(term);
      list?.delete(id);
      if (list?.size === 0) postings.delete(term);
    }
    totalLength -= doc.length;
    docs.delete(id);
    vocabulary = null;
    dense = null;
    expansions.clear();
  };

  const put = (article: IndexedArticle) => {
    remove(article.id);
    const terms = new Map<string, number>();
    let length = 0;
    const add = (text: string, field: Field, language: Language) => {
      for (const token of tokens(text)) {
        const term = stem(token.word, language);
        terms.set(term, (terms.get(term) ?? 0) + FIELD_WEIGHT[field]);
        length += 1;
      }
    };
    const { texts, tags, categories, kind } = article.content;
    for (const language of ['de', 'en'] as const) {
      const text = texts[language];
      if (!text) continue;
      add(text.title, 'title', language);
      add(tags.join(' '), 'tags', language);
      add([...article.systemNames, ...categories, kind].join(' '), 'meta', language);
      add(plainText(text.body), 'body', language);
    }
    for (const [term, weight] of terms) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = new Map()));
      list.set(article.id, weight);
    }
    docs.set(article.id, { article, length, terms });
    totalLength += length;
    vocabulary = null;
    dense = null;
    expansions.clear();
  };

  const terms = () => {
    if (!vocabulary) {
      vocabulary = [...postings.keys()];
      vocabularySet = new Set(vocabulary);
    }
    return vocabulary;
  };

  /** What a typed word may mean in the index, each with how much it counts. */
  const expand = (word: string): Candidate[] => {
    const key = word.toLowerCase();
    const cached = expansions.get(key);
    if (cached) return cached;
    const vocab = terms();
    const best = new Map<string, number>();
    const offer = (term: string, factor: number) => {
      if (vocabularySet.has(term) && (best.get(term) ?? 0) < factor) best.set(term, factor);
    };
    const own = bothStems(word);
    for (const s of own) {
      offer(s, MATCH.exact);
      for (const synonym of synonymsOf(s)) offer(synonym, MATCH.synonym);
    }
    const folded = own.map((s) => s).filter((s) => s.length >= 3);
    for (const term of vocab)
      for (const s of folded) {
        if (term.length <= s.length) continue;
        if (term.startsWith(s)) offer(term, MATCH.prefix);
        else if (s.length >= 4 && term.includes(s)) offer(term, MATCH.compound);
      }
    // A compound typed where the articles have its parts: "Druckertreiber" finds "Treiber" and "Drucker".
    for (const s of own)
      if (s.length >= 7 && !vocabularySet.has(s))
        for (let cut = 3; cut <= s.length - 3; cut += 1) {
          const head = s.slice(0, cut);
          const tail = s.slice(cut);
          if (vocabularySet.has(tail) && tail.length >= 4) offer(tail, MATCH.compound);
          if (vocabularySet.has(head) && head.length >= 4) offer(head, MATCH.compound * 0.8);
        }
    // Typos, for words long enough that one wrong letter still says what was meant.
    const plain = word.toLowerCase();
    if (plain.length >= 5 && ![...best.values()].some((factor) => factor >= MATCH.prefix)) {
      const max = plain.length >= 8 ? 2 : 1;
      for (const term of vocab)
        for (const s of own) {
          if (Math.abs(term.length - s.length) > max || (term[0] !== s[0] && max === 1)) continue;
          const distance = editDistance(s, term, max);
          if (distance <= max) offer(term, distance === 1 ? MATCH.typo1 : MATCH.typo2);
        }
    }
    const found = [...best].map(([term, factor]) => ({ term, factor }));
    if (expansions.size > 5_000) expansions.clear();
    expansions.set(key, found);
    return found;
  };

  /**
   * Articles ranked by what was typed: per word its best match in each article (BM25 over the weighted fields,
   * times how it matched), summed; articles with more of the words first; among equals, the ones that helped more
   * and more recently.
   */
  /**
   * The dense form ranking reads: each article a slot, its length normalisation in an array, each term's postings
   * as slots and weights. Rebuilt lazily after a change; a search touches only typed arrays.
   */
  let dense: {
    docs: Doc[];
    norm: Float64Array;
    slotOf: Map<number, number>;
    lists: Map<string, { slots: Int32Array; tfs: Float64Array }>;
  } | null = null;
  const denseIndex = () => {
    if (dense) return dense;
    const all = [...docs.values()];
    const avgLength = totalLength / (all.length || 1) || 1;
    dense = {
      docs: all,
      norm: Float64Array.from(all, (doc) => K1 * (1 - B + (B * doc.length) / avgLength)),
      slotOf: new Map(all.map((doc, slot) => [doc.article.id, slot])),
      lists: new Map(),
    };
    return dense;
  };
  const listOf = (term: string) => {
    const d = denseIndex();
    let list = d.lists.get(term);
    if (!list) {
      const posting = postings.get(term);
      if (!posting) return null;
      const slots = new Int32Array(posting.size);
      const tfs = new Float64Array(posting.size);
      let k = 0;
      for (const [id, tf] of posting) {
        slots[k] = d.slotOf.get(id) ?? 0;
        tfs[k] = tf;
        k += 1;
      }
      list = { slots, tfs };
      d.lists.set(term, list);
    }
    return list;
  };

  /**
   * Articles ranked by what was typed: per word its best match in each article (BM25 over the weighted fields,
   * times how it matched), summed; articles with more of the words first; among equals, the ones that helped more
   * and more recently. The best `limit` come with the index terms they matched (for marking).
   */
  const rank = (
    words: readonly QueryWord[],
    accept: (article: IndexedArticle) => boolean,
    boost: (article: IndexedArticle) => number,
    now: Date,
    limit: number,
  ): Ranked[] => {
    const n = docs.size;
    if (!n || !words.length) return [];
    const d = denseIndex();
    const total = new Float64Array(n);
    const covered = new Float64Array(n);
    const best = new Float64Array(n);
    const touched: number[] = [];
    const allTerms: string[] = [];
    const totalWeight = words.reduce((sum, w) => sum + w.weight, 0);
    for (const { word, weight } of words) {
      for (const { term, factor } of expand(word)) {
        const list = listOf(term);
        if (!list) continue;
        allTerms.push(term);
        const idf = Math.log(1 + (n - list.slots.length + 0.5) / (list.slots.length + 0.5));
        const scale = idf * factor * (K1 + 1);
        for (let k = 0; k < list.slots.length; k += 1) {
          const slot = list.slots[k] ?? 0;
          const tf = list.tfs[k] ?? 0;
          const value = (scale * tf) / (tf + (d.norm[slot] ?? K1));
          if (value > (best[slot] ?? 0)) {
            if (best[slot] === 0) touched.push(slot);
            best[slot] = value;
          }
        }
      }
      for (const slot of touched) {
        total[slot] = (total[slot] ?? 0) + (best[slot] ?? 0) * weight;
        covered[slot] = (covered[slot] ?? 0) + weight;
        best[slot] = 0;
      }
      touched.length = 0;
    }
    const recent = now.getTime() - 90 * 86_400_000;
    const ranked: { doc: Doc; score: number; coverage: number }[] = [];
    for (let slot = 0; slot < n; slot += 1) {
      const raw = total[slot] ?? 0;
      const doc = d.docs[slot];
      if (raw === 0 || !doc || !accept(doc.article)) continue;
      const coverage = (covered[slot] ?? 0) / totalWeight;
      const { helped, lastHelpedAt } = doc.article;
      const useful = 1 + 0.04 * Math.log2(1 + helped) + (lastHelpedAt && Date.parse(lastHelpedAt) > recent ? 0.03 : 0);
      const score = (raw + boost(doc.article)) * (0.25 + 0.75 * coverage * coverage) * useful;
      ranked.push({ doc, score, coverage });
    }
    ranked.sort((a, b) => b.score - a.score || a.doc.article.id - b.doc.article.id);
    return ranked.slice(0, limit).map(({ doc, score, coverage }) => ({
      article: doc.article,
      score,
      coverage,
      matched: new Set(allTerms.filter((term) => doc.terms.has(term))),
    }));
  };

  return { put, remove, rank, size: () => docs.size, has: (id: number) => docs.has(id) };
}
export type KbIndex = ReturnType<typeof kbIndex>;

/** A text cut into parts, the words whose stem matched marked. */
export function markParts(text: string, language: Language, matched: ReadonlySet<string>): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const token of tokens(text)) {
    if (token.start < at || !matched.has(stem(token.word, language))) continue;
    if (token.start > at) parts.push({ text: text.slice(at, token.start), hit: false });
    parts.push({ text: text.slice(token.start, token.end), hit: true });
    at = token.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/** The first word of `text` whose stem matched, read only as far as needed. */
function firstMatch(text: string, language: Language, matched: ReadonlySet<string>): number | null {
  const words = /[\p{L}\p{N}]+/gu;
  for (let found = words.exec(text); found; found = words.exec(text))
    if (found[0].length > 1 && matched.has(stem(found[0], language))) return found.index;
  return null;
}

/** About 200 characters of the body around its first matched word, matched words marked. */
export function snippet(body: string, language: Language, matched: ReadonlySet<string>, size = 200): SnippetPart[] {
  const plain = plainText(body).trim();
  const first = firstMatch(plain, language, matched);
  const from = first !== null ? Math.max(0, plain.lastIndexOf(' ', Math.max(0, first - 60)) + 1) : 0;
  let cut = plain.slice(from, from + size);
  if (from + size < plain.length) cut = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), size - 20))} …`;
  const parts = markParts(cut, language, matched);
  return from > 0 ? [{ text: '… ', hit: false }, ...parts] : parts;
}
