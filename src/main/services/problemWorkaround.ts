import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { ArticleContent } from '../../shared/domain/kb';
import { AppError } from '../../shared/errors';
import type { StoredProblem } from '../queries/problems';
import type { ServiceContext } from './context';

export type KbSave = {
  save: (input: ParsedInput<'kb.articles.save'>) => MethodOutput<'kb.articles.save'>;
  get: (input: ParsedInput<'kb.articles.get'>) => MethodOutput<'kb.articles.get'>;
};

const texts = {
  de: {
    title: (t: string) => `Bekannter Fehler: ${t}`,
    symptom: 'Symptom',
    workaround: 'Workaround',
    note: 'Workaround des Problems',
  },
  en: {
    title: (t: string) => `Known error: ${t}`,
    symptom: 'Symptom',
    workaround: 'Workaround',
    note: "The problem's workaround",
  },
};

const slugOf = (id: number, title: string) =>
  `known-error-${id}-${title
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50)
    .replace(/-$/, '')}`.replace(/-$/, '');

/**
 * The workaround of a problem as a published known-error article of the knowledge base (kind "workaround",
 * internal): created the first time, a new version of the same article after that. Answers the article's id.
 */
export function publishWorkaround(ctx: ServiceContext, kb: KbSave, problem: StoredProblem): number {
  const language = ctx.settings().language === 'en' ? 'en' : 'de';
  const t = texts[language];
  const body = [
    problem.content.statement.trim() ? `## ${t.symptom}\n\n${problem.content.statement.trim()}\n` : '',
    `## ${t.workaround}\n\n${problem.content.workaround.trim()}\n`,
  ]
    .filter(Boolean)
    .join('\n');
  let before: ArticleContent | null = null;
  if (problem.article_id !== null) {
    try {
      before = kb.get({ id: problem.article_id }).article;
    } catch (error) {
      // Removed from the knowledge base meanwhile: published anew.
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
  }
  const text = { title: t.title(problem.content.title).slice(0, 200), body, requesterText: '' };
  const content: ArticleContent = before
    ? {
        slug: before.slug,
        kind: before.kind,
        audience: before.audience,
        state: 'published',
        owner: before.owner,
        reviewAt: before.reviewAt,
        categories: before.categories,
        systemIds: problem.content.systemIds,
        tags: before.tags,
        texts: { ...before.texts, [language]: { ...text, requesterText: before.texts[language]?.requesterText ?? '' } },
      }
    : {
        slug: slugOf(problem.id, problem.content.title),
        kind: 'workaround',
        audience: 'internal',
        state: 'published',
        owner: ctx.settings().coordinatorName,
        reviewAt: null,
        categories: [],
        systemIds: problem.content.systemIds,
        tags: ['known-error'],
        texts: { [language]: text },
      };
  const saved = kb.save({
    ...(before && problem.article_id !== null ? { id: problem.article_id } : {}),
    content,
    note: t.note,
  });
  return saved.id;
}
