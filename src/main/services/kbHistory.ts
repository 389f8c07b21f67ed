import { diffLines, diffWordsWithSpace } from 'diff';
import type { KbVersion } from '../../shared/contract/kb';
import type { ArticleContent } from '../../shared/domain/kb';
import type { VersionRow } from '../queries/kb';

type Part = KbVersion['changes'][number]['parts'][number];

/** The fields of an article as the history shows them, each as text (lists joined, texts per language). */
function fields(content: ArticleContent | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!content) return out;
  for (const language of ['de', 'en'] as const) {
    const text = content.texts[language];
    if (!text) continue;
    out.set(`title.${language}`, text.title);
    out.set(`body.${language}`, text.body);
    if (text.requesterText) out.set(`requesterText.${language}`, text.requesterText);
  }
  out.set('slug', content.slug);
  out.set('kind', content.kind);
  out.set('audience', content.audience);
  out.set('state', content.state);
  out.set('owner', content.owner);
  out.set('reviewAt', content.reviewAt ?? '');
  out.set('categories', content.categories.join(', '));
  out.set('systemIds', content.systemIds.join(', '));
  out.set('tags', content.tags.join(', '));
  return out;
}

const parts = (field: string, before: string, after: string): Part[] =>
  (field.startsWith('body') || field.startsWith('requesterText')
    ? diffLines(before, after)
    : diffWordsWithSpace(before, after)
  ).map((change) => ({ text: change.value, added: change.added, removed: change.removed }));

/**
 * Versions newest first, each with what it changed against the one before (jsdiff: lines for texts, words for the
 * rest). `rows` come newest first and may hold one version more than shown, the base of the oldest one shown.
 */
export function versionChanges(rows: readonly VersionRow[]): KbVersion[] {
  return rows.map((row, i) => {
    const content = JSON.parse(row.content) as ArticleContent;
    const previousRow = rows[i + 1];
    const previous = previousRow ? (JSON.parse(previousRow.content) as ArticleContent) : null;
    const now = fields(content);
    const then = fields(previous);
    const changes = [...new Set([...then.keys(), ...now.keys()])]
      .filter((field) => (then.get(field) ?? '') !== (now.get(field) ?? ''))
      .map((field) => ({ field, parts: parts(field, then.get(field) ?? '', now.get(field) ?? '') }));
    return {
      version: row.version,
      savedAt: row.saved_at,
      savedBy: row.saved_by,
      note: row.note,
      title: content.texts.de?.title ?? content.texts.en?.title ?? '',
      state: content.state,
      changes,
    };
  });
}
