import type { ChangeEvent, MethodOutput, ParsedInput } from '../../shared/contract';
import { priorityFromRank, type Language } from '../../shared/domain/enums';
import {
  canMoveProblem,
  emptyRca,
  isOpenAction,
  isOpenProblem,
  problemPriority,
  type ActionItem,
  type Problem,
  type ProblemContent,
  type ProblemSummary,
  type Rca,
} from '../../shared/domain/problem';
import { problemReportTexts } from '../../shared/i18n/problemReport';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import * as q from '../queries/problems';
import { findTicketRow } from '../queries/tickets';
import type { ServiceContext } from './context';
import { problemDetection } from './problemDetection';
import { assembleTimeline, problemHtml, problemMarkdown } from './problemRca';
import { problemActions } from './problemActions';
import { publishWorkaround, type KbSave } from './problemWorkaround';

const WEEK = 7 * 86_400_000;
const MATCH_SCORE = 0.22;
const changed = (ids: number[], ticketIds: number[] = []): ChangeEvent[] => [
  { entity: 'problem', ids },
  ...(ticketIds.length ? [{ entity: 'ticket' as const, ids: ticketIds }] : []),
];

/** Problems: recurring causes with their incidents, blameless analysis, action items, and pattern detection. */
export function problemsService(ctx: ServiceContext, deps: { kb: KbSave }) {
  const actor = () => ctx.settings().coordinatorName;
  const detection = problemDetection(ctx);
  const actions = problemActions(ctx);
  const today = () => ctx.now().toISOString().slice(0, 10);

  const existing = (id: number) => {
    const stored = q.findProblem(ctx.db, id);
    if (!stored) throw new AppError('not_found', 'not_found_problem', { id });
    return stored;
  };
  const ticketRow = (id: number) => {
    const row = findTicketRow(ctx.db, id);
    if (!row) throw new AppError('not_found', 'not_found_ticket', { id });
    return row;
  };
  const event = (kind: string, problemId: number, data: Record<string, unknown>, ticketId: number | null = null) =>
    appendEvent(ctx.db, { ticketId, at: ctx.now().toISOString(), actor: actor(), kind, data: { problemId, ...data } });

  const measures = (stored: q.StoredProblem, linked: q.LinkedRow[]) => {
    const now = ctx.now().getTime();
    const fixed = stored.fixed_at ? Date.parse(stored.fixed_at) : null;
    const times = linked.map((l) => Date.parse(l.created_at));
    const before = times.filter((t) => fixed === null || t < fixed);
    const after = fixed === null ? [] : times.filter((t) => t >= fixed);
    const first = Math.min(...before, fixed ?? now);
    const weeks = (span: number) => Math.max(1, span / WEEK);
    const round = (v: number) => Math.round(v * 10) / 10;
    return {
      fixedAt: stored.fixed_at,
      perWeekBefore: round(before.length / weeks((fixed ?? now) - first)),
      perWeekAfter: fixed === null ? null : round(after.length / weeks(now - fixed)),
      recurrenceAfterFix: after.length,
    };
  };
  const summaryOf = (
    stored: q.StoredProblem,
    counts: { incidents: number; open: number; best: number } | undefined,
    actionCounts: { open: number; overdue: number },
  ): ProblemSummary => ({
    id: stored.id,
    title: stored.content.title,
    state: stored.content.state,
    priority: counts
      ? problemPriority(Array.from({ length: counts.incidents }, () => ({ priority: priorityFromRank(counts.best) })))
      : 'P4',
    incidents: counts?.incidents ?? 0,
    openIncidents: counts?.open ?? 0,
    openActions: actionCounts.open,
    overdueActions: actionCounts.overdue,
    systemIds: stored.content.systemIds,
    updatedAt: stored.updated_at,
  });
  const load = (id: number): { problem: Problem; timeline: ReturnType<typeof assembleTimeline> } => {
    const stored = existing(id);
    const linked = q.linkedTickets(ctx.db, id);
    const items = actions.of(id);
    const open = items.filter((a) => isOpenAction(a.state));
    const summary = summaryOf(
      stored,
      linked.length
        ? {
            incidents: linked.length,
            open: linked.filter((l) => l.is_open).length,
            best: Math.min(...linked.map((l) => l.priority)),
          }
        : undefined,
      { open: open.length, overdue: open.filter((a) => a.overdue).length },
    );
    const problem: Problem = {
      ...summary,
      content: stored.content,
      version: stored.version,
      createdAt: stored.created_at,
      rca: stored.rca,
      actions: items,
      linked: linked.map((l) => ({
        id: l.ticket_id,
        number: l.number,
        title: l.title,
        status: l.status as Problem['linked'][number]['status'],
        priority: priorityFromRank(l.priority),
        createdAt: l.created_at,
        linkedAt: l.linked_at,
      })),
      articleId: stored.article_id,
      measures: measures(stored, linked),
    };
    const timeline = assembleTimeline(
      ctx.db,
      linked.map((l) => ({ id: l.ticket_id, number: l.number })),
      stored.rca,
    );
    return { problem, timeline };
  };

  const guardVersion = (stored: q.StoredProblem, expected: number | undefined) => {
    if (expected !== undefined && expected !== stored.version)
      throw new AppError('conflict', 'problem_version_conflict', { current: stored.version, expected });
  };
  const stateName = (state: ProblemContent['state']) => problemReportTexts.de.states[state];

  /** Links tickets to a problem in the caller's transaction; each one an event on the ticket. */
  const linkTickets = (problemId: number, title: string, ticketIds: readonly number[]) => {
    const unique = [...new Set(ticketIds)];
    const taken = q.linksOfTickets(ctx.db, unique);
    const at = ctx.now().toISOString();
    for (const ticketId of unique) {
      const row = ticketRow(ticketId);
      const other = taken.get(ticketId);
      if (other === problemId) throw new AppError('conflict', 'problem_link_twice', { number: row.number });
      if (other !== undefined)
        throw new AppError('conflict', 'problem_link_taken', {
          number: row.number,
          title: q.findProblem(ctx.db, other)?.content.title ?? String(other),
        });
      q.insertLink(ctx.db, problemId, ticketId, at);
      event('problem.linked', problemId, { title, number: row.number }, ticketId);
    }
    return unique;
  };

  const create = (content: ProblemContent, ticketIds: readonly number[], kind: string) =>
    ctx.write(
      () => {
        const at = ctx.now().toISOString();
        const id = q.insertProblem(ctx.db, { content, rca: emptyRca, at });
        event(kind, id, { title: content.title, state: content.state });
        const linked = linkTickets(id, content.title, ticketIds);
        return { id, linked };
      },
      ({ id, linked }) => changed([id], linked),
    );

  const update = (id: number, expected: number | undefined, change: (s: q.StoredProblem) => Partial<q.StoredProblem>) =>
    ctx.write(
      () => {
        const stored = existing(id);
        guardVersion(stored, expected);
        const next = { ...stored, ...change(stored) };
        q.updateProblem(ctx.db, id, {
          content: next.content,
          rca: next.rca,
          at: ctx.now().toISOString(),
          fixedAt: next.fixed_at,
          articleId: next.article_id,
        });
        return id;
      },
      (saved) => changed([saved]),
    );

  return {
    ticketsWritten: (ids: readonly number[]) => detection.ticketsWritten(ids),
    handlers: {
      'problems.patterns.list': (
        input: ParsedInput<'problems.patterns.list'>,
      ): MethodOutput<'problems.patterns.list'> => {
        const settings = ctx.settings().problems;
        return {
          patterns: detection.patterns(input.days, input.limit),
          windowDays: settings.windowDays,
          minSize: settings.minSize,
        };
      },
      'problems.patterns.dismiss': (input: ParsedInput<'problems.patterns.dismiss'>) =>
        ctx.write(
          () => {
            const ids = [...new Set(input.ticketIds)].sort((a, b) => a - b);
            for (const id of ids) ticketRow(id);
            q.insertDismissal(ctx.db, ids, input.reason, ctx.now().toISOString());
            appendEvent(ctx.db, {
              ticketId: null,
              at: ctx.now().toISOString(),
              actor: actor(),
              kind: 'problem.patternDismissed',
              data: { ticketIds: ids, reason: input.reason },
            });
            return { dismissed: ids.length };
          },
          () => [{ entity: 'problem', ids: [] }],
        ),
      'problems.list': (input: ParsedInput<'problems.list'>): MethodOutput<'problems.list'> => {
        const counts = q.linkCounts(ctx.db);
        const open = actions.countsByProblem();
        const problems = q
          .allProblems(ctx.db)
          .filter((p) => (input.state ? p.content.state === input.state : true))
          .filter((p) => !input.openOnly || isOpenProblem(p.content.state))
          .map((p) => summaryOf(p, counts.get(p.id), open.get(p.id) ?? { open: 0, overdue: 0 }));
        return { problems };
      },
      'problems.get': (input: ParsedInput<'problems.get'>) => load(input.id),
      'problems.save': (input: ParsedInput<'problems.save'>): MethodOutput<'problems.save'> => {
        const content = input.content;
        if (input.id === undefined) {
          const { id } = create(content, input.ticketIds, 'problem.created');
          if (input.publishWorkaround) publish(id);
          return load(id);
        }
        const id = input.id;
        ctx.write(
          () => {
            const stateBefore = existing(id).content.state;
            update(id, input.expectedVersion, (stored) => {
              if (stored.content.state === 'closed') throw new AppError('conflict', 'problem_closed');
              if (!canMoveProblem(stored.content.state, content.state))
                throw new AppError('conflict', 'problem_move', {
                  from: stateName(stored.content.state),
                  to: stateName(content.state),
                });
              const fixed =
                content.state === 'resolved' && stored.content.state !== 'resolved'
                  ? ctx.now().toISOString()
                  : stored.fixed_at;
              return { content, fixed_at: fixed };
            });
            event('problem.saved', id, {
              title: content.title,
              state: content.state,
              ...(stateBefore !== content.state ? { stateBefore } : {}),
            });
            if (input.ticketIds.length) linkTickets(id, content.title, input.ticketIds);
            if (input.publishWorkaround) publish(id);
          },
          () => changed([id], input.ticketIds),
        );
        return load(id);
      },
      'problems.remove': (input: ParsedInput<'problems.remove'>): MethodOutput<'problems.remove'> => {
        ctx.write(
          () => {
            const stored = existing(input.id);
            const linked = q.linkedTickets(ctx.db, input.id).map((l) => l.ticket_id);
            for (const ticketId of linked) q.deleteLink(ctx.db, input.id, ticketId);
            q.removeProblemRow(ctx.db, input.id, ctx.now().toISOString());
            event('problem.removed', input.id, { title: stored.content.title, unlinked: linked.length });
            return linked;
          },
          (linked) => changed([input.id], linked),
        );
        return { id: input.id, removed: true };
      },
      'problems.link': (input: ParsedInput<'problems.link'>) => {
        ctx.write(
          () => {
            const stored = existing(input.problemId);
            if (stored.content.state === 'closed') throw new AppError('conflict', 'problem_closed');
            return linkTickets(input.problemId, stored.content.title, input.ticketIds);
          },
          (linked) => changed([input.problemId], linked),
        );
        return load(input.problemId);
      },
      'problems.unlink': (input: ParsedInput<'problems.unlink'>) => {
        ctx.write(
          () => {
            const stored = existing(input.problemId);
            const row = ticketRow(input.ticketId);
            if (!q.deleteLink(ctx.db, input.problemId, input.ticketId))
              throw new AppError('conflict', 'problem_not_linked', { number: row.number });
            event('problem.unlinked', input.problemId, { title: stored.content.title, number: row.number }, row.id);
          },
          () => changed([input.problemId], [input.ticketId]),
        );
        return load(input.problemId);
      },
      'problems.fromPattern': (input: ParsedInput<'problems.fromPattern'>) => {
        const content: ProblemContent = {
          title: input.title,
          statement: input.statement,
          systemIds: [],
          state: 'analysing',
          workaround: '',
          rootCause: '',
        };
        const { id } = create(content, input.ticketIds, 'problem.fromPattern');
        return load(id);
      },
      'problems.rca.save': (input: ParsedInput<'problems.rca.save'>) => {
        const { problem, timeline } = load(input.problemId);
        const onTimeline = new Set(timeline.map((e) => e.eventId));
        const stray = input.rca.annotations.find((a) => !onTimeline.has(a.eventId));
        if (stray) throw new AppError('invalid_input', 'problem_annotation_unknown', { eventId: stray.eventId });
        if (problem.state === 'closed') throw new AppError('conflict', 'problem_closed');
        ctx.write(
          () => {
            update(input.problemId, input.expectedVersion, () => ({ rca: input.rca as Rca }));
            event('problem.rcaSaved', input.problemId, {
              title: problem.title,
              whys: input.rca.whys.length,
              factors: input.rca.factors.length,
            });
          },
          () => changed([input.problemId]),
        );
        return load(input.problemId);
      },
      'problems.actions.save': (input: ParsedInput<'problems.actions.save'>): ActionItem => {
        const stored = existing(input.problemId);
        if (stored.content.state === 'closed') throw new AppError('conflict', 'problem_closed');
        return actions.save(input, stored.content.title, today());
      },
      'problems.actions.setState': (input: ParsedInput<'problems.actions.setState'>) => actions.setState(input),
      'problems.actions.list': () => ({ actions: actions.planned() }),
      'problems.actions.remind': () => ({ reminded: actions.remind() }),
      'problems.forTicket': (input: ParsedInput<'problems.forTicket'>): MethodOutput<'problems.forTicket'> => {
        const row = ticketRow(input.ticketId);
        const linkedId = q.problemOfTicket(ctx.db, row.id);
        const matchOf = (p: q.StoredProblem, score: number, words: string[]) => ({
          id: p.id,
          title: p.content.title,
          state: p.content.state,
          workaround: p.content.workaround,
          articleId: p.article_id,
          score,
          words,
        });
        if (linkedId !== null) {
          const linked = existing(linkedId);
          return { linked: matchOf(linked, 1, []), matches: [] };
        }
        const systems = (JSON.parse(row.first_contact) as { systemIds?: number[] }).systemIds ?? [];
        return { linked: null, matches: suggest(row.title, row.description, systems, 3) };
      },
      'problems.suggest': (input: ParsedInput<'problems.suggest'>) => ({
        matches: suggest(input.title, input.description, input.systemIds, input.limit),
      }),
      'problems.export': (input: ParsedInput<'problems.export'>): MethodOutput<'problems.export'> => {
        const { problem, timeline } = load(input.id);
        const slug =
          problem.title
            .toLowerCase()
            .normalize('NFD')
            .replace(/\p{M}/gu, '')
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')
            .slice(0, 60) || 'problem';
        const language: Language = input.language;
        return input.format === 'markdown'
          ? {
              fileName: `problem-${problem.id}-${slug}.md`,
              mimeType: 'text/markdown; charset=utf-8',
              text: problemMarkdown(problem, timeline, language, ctx.now()),
            }
          : {
              fileName: `problem-${problem.id}-${slug}.html`,
              mimeType: 'text/html; charset=utf-8',
              text: problemHtml(problem, timeline, language, ctx.now()),
            };
      },
    },
  };

  function publish(id: number) {
    const stored = existing(id);
    if (!stored.content.workaround.trim()) throw new AppError('invalid_input', 'problem_publish_empty');
    const articleId = publishWorkaround(ctx, deps.kb, stored);
    if (articleId !== stored.article_id) {
      update(id, undefined, () => ({ article_id: articleId }));
      event('problem.workaroundPublished', id, { title: stored.content.title, articleId });
    }
  }

  function suggest(title: string, description: string, systemIds: readonly number[], limit: number) {
    const open = q.allProblems(ctx.db).filter((p) => isOpenProblem(p.content.state));
    if (!open.length || !(title.trim() || description.trim())) return [];
    const candidates = open.map((p) => ({
      id: p.id,
      title: p.content.title,
      body: `${p.content.statement} ${p.content.workaround}`,
      systemIds: p.content.systemIds,
      ticketIds: q.linkedTickets(ctx.db, p.id).map((l) => l.ticket_id),
    }));
    const scores = detection.matchText({ title, body: description, systemIds }, candidates);
    return open
      .map((p) => ({ p, match: scores.get(p.id) ?? { score: 0, words: [] } }))
      .filter(({ match }) => match.score >= MATCH_SCORE)
      .sort((a, b) => b.match.score - a.match.score)
      .slice(0, limit)
      .map(({ p, match }) => ({
        id: p.id,
        title: p.content.title,
        state: p.content.state,
        workaround: p.content.workaround,
        articleId: p.article_id,
        score: match.score,
        words: match.words,
      }));
  }
}
