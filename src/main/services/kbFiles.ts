import { ZipFile } from 'yazl';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { languageSchema, type Language } from '../../shared/domain/enums';
import { articleContentSchema, type ArticleContent } from '../../shared/domain/kb';
import { AppError } from '../../shared/errors';
import { parseFile } from '../validation';

/**
 * Articles as markdown files, one per language: `<slug>.<de|en>.md`, front matter in YAML (the `yaml` library,
 * its core schema: no custom tags, no code), then the body. Systems are written by name so a file means the same
 * on another desk; reading them back needs those systems in the directory.
 */
const frontMatterSchema = z.looseObject({
  slug: z.string(),
  language: languageSchema,
  title: z.string(),
  kind: z.string(),
  audience: z.string(),
  state: z.string().default('draft'),
  owner: z.string().default(''),
  reviewAt: z.union([z.string(), z.null()]).default(null),
  categories: z.array(z.string()).default([]),
  systems: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  requesterText: z.string().default(''),
});

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

export function parseArticleFiles(
  files: readonly { name: string; text: string }[],
  systemId: (name: string) => number | undefined,
): ArticleContent[] {
  const bySlug = new Map<
    string,
    {
      file: string;
      meta: z.infer<typeof frontMatterSchema>;
      systemIds: number[];
      texts: Partial<Record<Language, unknown>>;
    }
  >();
  for (const file of files) {
    const split = FRONT_MATTER.exec(file.text);
    if (!split) throw new AppError('invalid_input', 'kb_import_no_front_matter', { file: file.name });
    let raw: unknown;
    try {
      raw = parseYaml(split[1] ?? '', { schema: 'core', maxAliasCount: 0, prettyErrors: false });
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new AppError('invalid_input', 'kb_import_front_matter', { file: file.name, reason: reason.slice(0, 200) });
    }
    // Dates written without quotes come back as text under the core schema; anything else is checked below.
    const meta = parseFile(frontMatterSchema, raw, [file.name]);
    const systemIds = meta.systems.map((name) => {
      const found = systemId(name);
      if (found === undefined)
        throw new AppError('invalid_input', 'kb_import_unknown_system', { file: file.name, name });
      return found;
    });
    const entry = bySlug.get(meta.slug) ?? { file: file.name, meta, systemIds, texts: {} };
    if (entry.texts[meta.language] !== undefined)
      throw new AppError('invalid_input', 'kb_import_duplicate', {
        file: file.name,
        slug: meta.slug,
        language: meta.language,
      });
    entry.texts[meta.language] = {
      title: meta.title,
      body: (split[2] ?? '').replace(/^\r?\n/, ''),
      requesterText: meta.requesterText,
    };
    bySlug.set(meta.slug, entry);
  }
  return [...bySlug.values()].map(({ file, meta, systemIds, texts }) =>
    parseFile(
      articleContentSchema,
      {
        slug: meta.slug,
        kind: meta.kind,
        audience: meta.audience,
        state: meta.state,
        owner: meta.owner,
        reviewAt: meta.reviewAt,
        categories: meta.categories,
        systemIds,
        tags: meta.tags,
        texts,
      },
      [file],
    ),
  );
}

export function articleFiles(
  content: ArticleContent,
  systemNames: (ids: readonly number[]) => string[],
): { name: string; text: string }[] {
  return (['de', 'en'] as const).flatMap((language) => {
    const text = content.texts[language];
    if (!text) return [];
    const meta = {
      slug: content.slug,
      language,
      title: text.title,
      kind: content.kind,
      audience: content.audience,
      state: content.state,
      owner: content.owner,
      reviewAt: content.reviewAt,
      categories: content.categories,
      systems: systemNames(content.systemIds),
      tags: content.tags,
      ...(text.requesterText ? { requesterText: text.requesterText } : {}),
    };
    return [
      { name: `${content.slug}.${language}.md`, text: `---\n${toYaml(meta, { lineWidth: 0 })}---\n${text.body}` },
    ];
  });
}

/** A ZIP of every article's files (built in memory: some megabytes at most). */
export async function exportArticles(
  articles: readonly ArticleContent[],
  systemNames: (ids: readonly number[]) => string[],
): Promise<Buffer> {
  const zip = new ZipFile();
  const fixed = new Date('2026-01-01T00:00:00Z');
  for (const article of articles)
    for (const file of articleFiles(article, systemNames))
      zip.addBuffer(Buffer.from(file.text, 'utf8'), file.name, { mtime: fixed, compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
