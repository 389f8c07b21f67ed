import type { Pattern } from '../../shared/domain/problem';
import { defaultProblemSettings } from '../../shared/domain/problem';
import * as q from '../queries/problems';
import type { ServiceContext } from './context';
import { patternGrouping } from './problemPatterns';
import { similarityIndex, termsOf, type SimilarityDoc } from './problemSimilarity';

const DAY = 86_400_000;
/** The window never holds more tickets than this (a desk of 100 people writes a few thousand in a year). */
const MAX_WINDOW_TICKETS = 20_000;
/** The knowledge of the last 90 days is kept even when the detection window is shorter: the top patterns of a quarter. */
const TOP_PATTERN_DAYS = 90;

const docOf = (row: q.WindowTicketRow): SimilarityDoc & { row: q.WindowTicketRow } => ({
  id: row.id,
  createdAt: Date.parse(row.created_at),
  title: row.title,
  body: `${row.description} ${row.notes ?? ''}`,
  systemIds: row.systems ? (JSON.parse(row.systems) as number[]) : [],
  category: row.category,
  department: row.requester_department.trim().toLowerCase(),
  requester: (row.requester_email || row.requester_name).trim().toLowerCase(),
  row,
});

export type TextMatch = { score: number; words: string[] };

/**
 * Pattern detection over the tickets of the window: an in-memory similarity index in the store thread, loaded a
 * few seconds after start-up (or at the first question), and kept current after each commit that wrote tickets.
 */
export function problemDetection(ctx: ServiceContext) {
  const index = similarityIndex();
  const rows = new Map<number, q.WindowTicketRow>();
  let loadedFor: number | null = null;
  const dirty = new Set<number>();
  let flushScheduled = false;
  const grouping = patternGrouping(index);
  let groupingKey = '';
  /** Tickets put into the index since the grouping last looked. */
  const changed = new Set<number>();

  const settings = () => ctx.settings().problems ?? defaultProblemSettings;
  const since = (days: number) => ctx.now().getTime() - days * DAY;

  /** Tickets whose words are indexed but whose pairs are not found yet (the load goes in steps). */
  let unlinked: number[] = [];
  const loadDays = () => Math.max(settings().windowDays, TOP_PATTERN_DAYS);
  const startLoad = () => {
    const days = loadDays();
    index.clear();
    rows.clear();
    dirty.clear();
    changed.clear();
    groupingKey = '';
    const found = q.windowTickets(ctx.db, new Date(since(days)).toISOString(), MAX_WINDOW_TICKETS).map(docOf);
    for (const doc of found) {
      rows.set(doc.id, doc.row);
      index.putWords(doc);
    }
    unlinked = found.map((doc) => doc.id);
    loadedFor = days;
  };
  const linkSome = (count: number) => {
    for (let i = 0; i < count && unlinked.length; i += 1) index.link(unlinked.pop() as number);
  };
  /** Tickets written since the last look: each compared once with the window (the detection's per-ticket cost). */
  const flush = () => {
    flushScheduled = false;
    if (loadedFor === null) return;
    const ids = [...dirty];
    dirty.clear();
    const start = since(loadedFor);
    for (const row of q.windowTicketsByIds(ctx.db, ids)) {
      if (Date.parse(row.created_at) < start) continue;
      rows.set(row.id, row);
      index.put(docOf(row));
      changed.add(row.id);
    }
  };
  const ready = () => {
    if (loadedFor !== loadDays()) startLoad();
    linkSome(Number.MAX_SAFE_INTEGER);
    flush();
    return index;
  };
  // A few seconds after start-up, in steps of 20 tickets between other calls (a window of 6,000 templated
  // tickets takes seconds in all); a question before it is done finishes the rest at once.
  const warm = () => {
    try {
      if (loadedFor === null) startLoad();
      linkSome(20);
    } catch {
      // The store closed meanwhile (a short test, a quit): the first question loads it then.
      return;
    }
    if (unlinked.length) setImmediate(warm);
  };
  setTimeout(warm, 4000).unref();

  return {
    /** After a commit that wrote tickets (called inside it: the work waits until the transaction is done). */
    ticketsWritten(ids: readonly number[]) {
      if (loadedFor === null) return;
      ids.forEach((id) => dirty.add(id));
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(() => {
          try {
            flush();
          } catch {
            // Closed meanwhile; nothing to keep current.
          }
        });
      }
    },
    /** The groups of alike tickets of the last `days`, not linked to a problem and not dismissed as a group. */
    patterns(days: number | undefined, limit: number): Pattern[] {
      const idx = ready();
      const windowDays = Math.min(days ?? settings().windowDays, loadedFor ?? TOP_PATTERN_DAYS);
      const start = since(windowDays);
      const linked = q.allLinkedTicketIds(ctx.db);
      const dismissed = q.dismissals(ctx.db).map((ids) => new Set(ids));
      const eligible = (id: number) => !linked.has(id) && (idx.get(id)?.createdAt ?? 0) >= start;
      // The grouping is built anew when the window, the settings or much of the window changed; else each ticket
      // written since the last question joins it on its own.
      const key = `${Math.floor(start / DAY)}|${loadedFor ?? 0}`;
      if (groupingKey !== key || grouping.changes() + changed.size > Math.max(50, idx.size() * 0.1)) {
        grouping.rebuild(eligible);
        groupingKey = key;
      } else for (const id of changed) grouping.update(id, eligible);
      changed.clear();
      const groups = grouping
        .patterns(settings().minSize)
        .filter((g) => !dismissed.some((set) => g.ids.every((id) => set.has(id))));
      return groups.slice(0, limit).map((g) => ({
        key: g.key,
        ticketIds: g.ids,
        tickets: g.ids.map((id) => {
          const row = rows.get(id) as q.WindowTicketRow;
          return {
            id,
            number: row.number,
            title: row.title,
            status: row.status as Pattern['tickets'][number]['status'],
            createdAt: row.created_at,
            requester: row.requester_name,
          };
        }),
        words: g.words,
        systemIds: g.systemIds,
        category: g.category as Pattern['category'],
        // As the requesters wrote them (the index compares them folded).
        departments: [
          ...new Set(g.ids.map((id) => rows.get(id)?.requester_department.trim() ?? '').filter(Boolean)),
        ].sort(),
        requesters: g.requesters,
        from: new Date(g.from).toISOString(),
        to: new Date(g.to).toISOString(),
        similarity: g.similarity,
      }));
    },
    /**
     * How well a text (an intake being typed, a ticket) matches each of some problems: the best of its cosine to
     * the problem's own words and its mean similarity to the problem's three most alike incidents.
     */
    matchText(
      text: { title: string; body: string; systemIds: readonly number[] },
      problems: readonly {
        id: number;
        title: string;
        body: string;
        systemIds: readonly number[];
        ticketIds: readonly number[];
      }[],
    ): Map<number, TextMatch> {
      const idx = ready();
      const mine = termsOf(text.title, text.body);
      const toTickets = idx.similarToText({
        title: text.title,
        body: text.body,
        systemIds: text.systemIds,
        category: null,
        department: '',
        requester: '',
      });
      const result = new Map<number, TextMatch>();
      for (const problem of problems) {
        const own = termsOf(problem.title, problem.body);
        let score = idx.textCosine(mine.terms, own.terms);
        if (score > 0.1 && problem.systemIds.some((s) => text.systemIds.includes(s))) score += 0.15;
        const best = problem.ticketIds
          .map((id) => toTickets.get(id) ?? 0)
          .sort((a, b) => b - a)
          .slice(0, 3);
        if (best.length) score = Math.max(score, best.reduce((a, b) => a + b, 0) / Math.max(best.length, 1));
        const words = [...mine.own]
          .filter((t) => own.own.has(t))
          .map((t) => mine.surface.get(t) ?? t)
          .filter((w) => w.length > 2);
        result.set(problem.id, { score: Math.round(score * 1000) / 1000, words: [...new Set(words)].slice(0, 6) });
      }
      return result;
    },
  };
}
export type ProblemDetection = ReturnType<typeof problemDetection>;
