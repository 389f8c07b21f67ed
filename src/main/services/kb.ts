import { createHash } from 'node:crypto';
import type { ChangeEvent, MethodOutput, ParsedInput } from '../../shared/contract';
import type { Language } from '../../shared/domain/enums';
import { reviewDue, type Article, type ArticleContent, type ArticleSummary, type KbHit } from '../../shared/domain/kb';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import { otherWithName, rowsByIds } from '../queries/directory';
import * as q from '../queries/kb';
import { findTicketRow } from '../queries/tickets';
import type { ServiceContext } from './context';
import { draftFromTicket } from './kbDraft';
import { exportArticles, parseArticleFiles } from './kbFiles';
import { versionChanges } from './kbHistory';
import { kbIndex, markParts, snippet, type IndexedArticle, type QueryWord } from './kbSearch';
import { starterArticles } from './kbStarter';
import { tokens } from './kbText';

const changed = (ids: number[]): ChangeEvent[] => [{ entity: 'kb', ids }];
const digest = (content: ArticleContent) => createHash('sha256').update(JSON.stringify(content)).digest('hex');
const MAX_QUERY_WORDS = 16;

/** The knowledge base: articles with versions, search and suggestions, links to tickets, drafts, import/export. */
export function kbService(ctx: ServiceContext) {
  const actor = () => ctx.settings().coordinatorName;
  const today = () => ctx.now().toISOString().slice(0, 10);
  const index = kbIndex();
  let loaded = false;

  const systemNames = (ids: readonly number[]) =>
    rowsByIds(ctx.db, 'directory_systems', ids).map((row) => (JSON.parse(row.data) as { name: string }).name);
  const indexed = (
    stored: q.StoredArticle,
    helped: { helped: number; lastAt: string } | undefined,
  ): IndexedArticle => ({
    id: stored.id,
    content: stored.content,
    systemNames: systemNames(stored.content.systemIds),
    helped: helped?.helped ?? 0,
    lastHelpedAt: helped?.lastAt ?? null,
  });
  /**
   * Built in small steps a few seconds after start-up, between other calls (2,000 articles take about a second
   * in all); a search before it is done finishes the rest at once. Then kept current by every write below.
   */
  let pending: { rest: q.StoredArticle[]; helped: ReturnType<typeof q.helpedCounts> } | null = null;
  const step = (count: number) => {
    if (!pending) {
      pending = { rest: q.allArticles(ctx.db).reverse(), helped: q.helpedCounts(ctx.db) };
    }
    for (let i = 0; i < count && pending.rest.length; i += 1) {
      const stored = pending.rest.pop();
      if (stored) index.put(indexed(stored, pending.helped.get(stored.id)));
    }
    if (!pending.rest.length) {
      pending = null;
      loaded = true;
    }
  };
  const ensureIndex = () => {
    if (!loaded) step(Number.MAX_SAFE_INTEGER);
    return index;
  };
  const warm = () => {
    if (loaded) return;
    try {
      step(50);
    } catch {
      // The store closed meanwhile (a short test, a quit): nothing to warm any more.
      return;
    }
    if (!loaded) setImmediate(warm);
  };
  setTimeout(warm, 3000).unref();
  const refresh = (ids: readonly number[]) => {
    // During the warm-up the pending copies may be older than this write: read them again when their turn comes.
    if (pending) pending = null;
    if (!loaded) {
      for (const id of ids) index.remove(id);
      return;
    }
    for (const id of ids) {
      const stored = q.findArticle(ctx.db, id);
      if (stored) index.put(indexed(stored, q.helpedOne(ctx.db, id)));
      else index.remove(id);
    }
  };

  const helpedOf = (id: number) => q.helpedOne(ctx.db, id)?.helped ?? 0;
  const toArticle = (stored: q.StoredArticle, helped = helpedOf(stored.id)): Article => ({
    ...stored.content,
    id: stored.id,
    version: stored.version,
    createdAt: stored.created_at,
    updatedAt: stored.updated_at,
    updatedBy: stored.updated_by,
    helped,
    reviewDue: reviewDue(stored.content.reviewAt, today()),
  });
  const languageOf = (content: ArticleContent, preferred: Language | undefined): Language =>
    content.texts[preferred ?? 'de'] ? (preferred ?? 'de') : content.texts.de ? 'de' : 'en';
  const summarize = (id: number, content: ArticleContent, updatedAt: string, helped: number, language?: Language) => {
    const shown = languageOf(content, language);
    const summary: ArticleSummary = {
      id,
      slug: content.slug,
      title: content.texts[shown]?.title ?? '',
      language: shown,
      languages: (['de', 'en'] as const).filter((l) => content.texts[l] !== undefined),
      kind: content.kind,
      audience: content.audience,
      state: content.state,
      owner: content.owner,
      reviewAt: content.reviewAt,
      reviewDue: reviewDue(content.reviewAt, today()),
      tags: content.tags,
      helped,
      updatedAt,
    };
    return summary;
  };

  const existing = (id: number) => {
    const stored = q.findArticle(ctx.db, id);
    if (!stored) throw new AppError('not_found', 'not_found_article', { id });
    return stored;
  };
  const guardSlug = (slug: string, id: number | null) => {
    const other = q.articleBySlug(ctx.db, slug);
    if (other && other.id !== id)
      throw new AppError('conflict', 'kb_slug_taken', {
        slug,
        title: other.content.texts.de?.title ?? other.content.texts.en?.title ?? slug,
      });
  };
  const guardSystems = (content: ArticleContent) => {
    const known = new Set(rowsByIds(ctx.db, 'directory_systems', content.systemIds).map((row) => row.id));
    const unknown = content.systemIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new AppError('not_found', 'not_found_system', { id: unknown });
  };

  /** One save: the article row, its version and the event, in the caller's transaction. */
  const saveInTransaction = (id: number | null, content: ArticleContent, note: string, kind: string) => {
    const before = id === null ? undefined : existing(id);
    guardSlug(content.slug, id);
    guardSystems(content);
    if (before && JSON.stringify(before.content) === JSON.stringify(content)) return { id: before.id, saved: false };
    const at = ctx.now().toISOString();
    const version = (before?.version ?? 0) + 1;
    const saved = q.writeArticle(ctx.db, { id, version, content, at, by: actor(), note });
    appendEvent(ctx.db, {
      ticketId: null,
      at,
      actor: actor(),
      kind,
      data: {
        articleId: saved,
        version,
        slug: content.slug,
        title: content.texts.de?.title ?? content.texts.en?.title ?? '',
        state: content.state,
        ...(before && before.content.state !== content.state ? { stateBefore: before.content.state } : {}),
        note,
        contentSha256: digest(content),
      },
    });
    return { id: saved, saved: true };
  };

  const hitsOf = (
    words: QueryWord[],
    options: { allStates: boolean; language: Language | undefined; limit: number; systemIds?: readonly number[] },
  ): KbHit[] => {
    const systems = new Set(options.systemIds ?? []);
    const ranked = ensureIndex().rank(
      words,
      (article) => options.allStates || article.content.state === 'published',
      (article) => article.content.systemIds.filter((id) => systems.has(id)).length * 1.5,
      ctx.now(),
      options.limit,
    );
    return ranked.map(({ article, score, matched }) => {
      // (a hit's summary carries no change time: the index does not hold it, and the list shows it)
      const summary = summarize(article.id, article.content, '', article.helped, options.language);
      const text = article.content.texts[summary.language];
      return {
        ...summary,
        score: Math.round(score * 1000) / 1000,
        titleParts: markParts(text?.title ?? '', summary.language, matched),
        snippet: snippet(text?.body ?? '', summary.language, matched),
      };
    });
  };
  const queryWords = (text: string, weight: number): QueryWord[] =>
    tokens(text).map((token) => ({ word: token.word, weight }));
  /** Each word once, at its highest weight; the longest first when there are too many (they say the most). */
  const distinct = (words: QueryWord[]): QueryWord[] => {
    const best = new Map<string, QueryWord>();
    for (const w of words) {
      const key = w.word.toLowerCase();
      if ((best.get(key)?.weight ?? 0) < w.weight) best.set(key, { word: key, weight: w.weight });
    }
    const all = [...best.values()];
    return all.length <= MAX_QUERY_WORDS
      ? all
      : all.sort((a, b) => b.weight - a.weight || b.word.length - a.word.length).slice(0, MAX_QUERY_WORDS);
  };

  const write = <T>(work: () => T, ids: (result: T) => number[]) => {
    const result = ctx.write(work, (r) => changed(ids(r)));
    refresh(ids(result));
    return result;
  };

  const ticketOrThrow = (ticketId: number) => {
    const ticket = findTicketRow(ctx.db, ticketId);
    if (!ticket) throw new AppError('not_found', 'not_found_ticket', { id: ticketId });
    return ticket;
  };
  const link = (articleId: number, ticketId: number, add: boolean): MethodOutput<'kb.links.add'> => {
    const stored = existing(articleId);
    ticketOrThrow(ticketId);
    write(
      () => {
        const at = ctx.now().toISOString();
        const did = add ? q.addLink(ctx.db, articleId, ticketId, at) : q.deleteLink(ctx.db, articleId, ticketId);
        if (did)
          appendEvent(ctx.db, {
            ticketId,
            at,
            actor: actor(),
            kind: add ? 'kb.linked' : 'kb.unlinked',
            data: { articleId, title: stored.content.texts.de?.title ?? stored.content.texts.en?.title ?? '' },
          });
      },
      () => [articleId],
    );
    return { articleId, ticketId, helped: helpedOf(articleId) };
  };

  return {
    'kb.articles.list': ({ state, reviewDue: dueOnly, limit, language }: ParsedInput<'kb.articles.list'>) => {
      const helped = q.helpedCounts(ctx.db);
      const all = q
        .allArticles(ctx.db)
        .filter((a) => (state ? a.content.state === state : true))
        .map((a) => summarize(a.id, a.content, a.updated_at, helped.get(a.id)?.helped ?? 0, language))
        .filter((a) => !dueOnly || a.reviewDue)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
      return { articles: all.slice(0, limit), total: all.length };
    },
    'kb.articles.get': ({ id }: ParsedInput<'kb.articles.get'>): MethodOutput<'kb.articles.get'> => ({
      article: toArticle(existing(id)),
      tickets: q.ticketsOfArticle(ctx.db, id),
    }),
    'kb.articles.save': ({ id, expectedVersion, content, note }: ParsedInput<'kb.articles.save'>) => {
      const saved = write(
        () => {
          if (id !== undefined && expectedVersion !== undefined) {
            const current = existing(id).version;
            if (current !== expectedVersion)
              throw new AppError('conflict', 'kb_version_conflict', { expected: expectedVersion, current });
          }
          return saveInTransaction(
            id ?? null,
            content,
            note,
            id === undefined ? 'kb.article.created' : 'kb.article.saved',
          );
        },
        (r) => [r.id],
      );
      return toArticle(existing(saved.id));
    },
    'kb.articles.remove': ({ id }: ParsedInput<'kb.articles.remove'>): MethodOutput<'kb.articles.remove'> => {
      const stored = existing(id);
      write(
        () => {
          const at = ctx.now().toISOString();
          q.removeArticle(ctx.db, id, at);
          appendEvent(ctx.db, {
            ticketId: null,
            at,
            actor: actor(),
            kind: 'kb.article.removed',
            data: { articleId: id, slug: stored.content.slug, version: stored.version },
          });
        },
        () => [id],
      );
      return { id, removed: true };
    },
    'kb.articles.restore': ({ id, version }: ParsedInput<'kb.articles.restore'>) => {
      const old = q.versionOf(ctx.db, id, version);
      existing(id);
      if (!old) throw new AppError('not_found', 'not_found_article_version', { id, version });
      const content = JSON.parse(old.content) as ArticleContent;
      write(
        () => saveInTransaction(id, content, `restore:${version}`, 'kb.article.restored'),
        () => [id],
      );
      return toArticle(existing(id));
    },
    'kb.articles.history': ({ id }: ParsedInput<'kb.articles.history'>): MethodOutput<'kb.articles.history'> => {
      existing(id);
      return { versions: versionChanges(q.versionsOf(ctx.db, id, 51)).slice(0, 50) };
    },
    'kb.search': ({ q: text, language, allStates, limit }: ParsedInput<'kb.search'>) => ({
      hits: hitsOf(distinct(queryWords(text, 1)), { allStates, language, limit }),
    }),
    'kb.suggest': (input: ParsedInput<'kb.suggest'>) => {
      const words = distinct([
        ...queryWords(input.title, 1),
        ...queryWords(input.affectedSystems, 1),
        ...systemNames(input.systemIds).flatMap((name) => queryWords(name, 1)),
        ...queryWords(input.description.slice(0, 2000), 0.6),
      ]);
      const hits = hitsOf(words, {
        allStates: false,
        language: input.language,
        limit: input.limit,
        systemIds: input.systemIds,
      });
      // A suggestion must say something about this intake: at least a third of what counts matched.
      const top = hits[0]?.score ?? 0;
      return { hits: hits.filter((hit) => hit.score >= top * 0.2) };
    },
    'kb.links.add': ({ articleId, ticketId }: ParsedInput<'kb.links.add'>) => link(articleId, ticketId, true),
    'kb.links.remove': ({ articleId, ticketId }: ParsedInput<'kb.links.remove'>) => link(articleId, ticketId, false),
    'kb.links.forTicket': ({
      ticketId,
      language,
    }: ParsedInput<'kb.links.forTicket'>): MethodOutput<'kb.links.forTicket'> => {
      ticketOrThrow(ticketId);
      const helped = q.helpedCounts(ctx.db);
      const ids = q.articleIdsOfTicket(ctx.db, ticketId);
      const byId = new Map(q.articlesByIds(ctx.db, ids).map((a) => [a.id, a]));
      return {
        articles: ids.flatMap((id) => {
          const a = byId.get(id);
          return a ? [summarize(a.id, a.content, a.updated_at, helped.get(a.id)?.helped ?? 0, language)] : [];
        }),
      };
    },
    'kb.draftFromTicket': ({ ticketId, language }: ParsedInput<'kb.draftFromTicket'>) => {
      ticketOrThrow(ticketId);
      const lang = language ?? (ctx.settings().language === 'en' ? 'en' : 'de');
      const content = draftFromTicket(ctx.db, ticketId, lang, actor());
      // A second article from the same kind of ticket gets its own address.
      let slug = content.slug;
      for (let n = 2; q.articleBySlug(ctx.db, slug); n += 1) slug = `${content.slug.slice(0, 75)}-${n}`;
      return { content: { ...content, slug } };
    },
    'kb.import': (input: ParsedInput<'kb.import'>): MethodOutput<'kb.import'> => {
      const articles =
        'starter' in input ? starterArticles(actor()) : parseArticleFiles(input.files, (name) => systemIdByName(name));
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      const ids = write(
        () =>
          articles.map((content) => {
            const present = q.articleBySlug(ctx.db, content.slug);
            const outcome = saveInTransaction(
              present?.id ?? null,
              content,
              'import',
              present ? 'kb.article.saved' : 'kb.article.created',
            );
            if (!present) created += 1;
            else if (outcome.saved) updated += 1;
            else unchanged += 1;
            return outcome.id;
          }),
        (r) => r,
      );
      return { created, updated, unchanged, slugs: ids.map((id) => existing(id).content.slug) };
    },
    'kb.export': async (): Promise<MethodOutput<'kb.export'>> => {
      // The state as read now, in one go: the files are built from exactly what the list shows.
      const all = q.allArticles(ctx.db);
      // (the files, system names included, are made before the first await; the ZIP is compressed after)
      const zip = await exportArticles(
        all.map((a) => a.content),
        systemNames,
      );
      return {
        fileName: `leitstand-wissen-${today()}.zip`,
        contentBase64: zip.toString('base64'),
        articles: all.length,
      };
    },
  };

  function systemIdByName(name: string): number | undefined {
    return otherWithName(ctx.db, 'directory_systems', name, 0)?.id;
  }
}
