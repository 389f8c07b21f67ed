import { z } from 'zod';
import { categorySchema, languageSchema } from './enums';
import { id, line, requiredLine, text } from './fields';
import { rule } from './rule';

export const kbKindSchema = z.enum(['solution', 'workaround', 'howto', 'procedure']);
export type KbKind = z.infer<typeof kbKindSchema>;
export const kbAudienceSchema = z.enum(['internal', 'requesters']);
export const kbStateSchema = z.enum(['draft', 'published', 'archived']);
export type KbState = z.infer<typeof kbStateSchema>;

/** A body as long as a long manual chapter; a pasted 5 MB log is refused, not stored. */
export const MAX_BODY_CHARS = 100_000;
export const MAX_HEADINGS = 200;

const headingCount = (body: string) => (body.match(/^ {0,3}#{1,6}[ \t]/gm) ?? []).length;

/** Markdown as written: shown safely (no raw HTML, links only https and mailto) wherever it is rendered. */
export const markdownBody = (max = MAX_BODY_CHARS) =>
  text(max).refine(
    (body) => headingCount(body) <= MAX_HEADINGS,
    rule('rule_kb_headings', `more than ${MAX_HEADINGS} headings`),
  );

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, rule('rule_kb_slug', 'only a-z, 0-9 and single hyphens'));

/** One language's version of an article; `requesterText` is what may be sent to the person who asked. */
export const articleTextSchema = z.strictObject({
  title: requiredLine(200),
  body: markdownBody(),
  requesterText: markdownBody(20_000).default(''),
});
export type ArticleText = z.infer<typeof articleTextSchema>;

const tag = requiredLine(40).transform((value) => value.toLowerCase());

/** What an article says and how it is filed; every save of it is a version. */
export const articleContentSchema = z.strictObject({
  slug: slugSchema,
  kind: kbKindSchema,
  audience: kbAudienceSchema,
  state: kbStateSchema,
  owner: line(120),
  reviewAt: z.iso.date().nullable(),
  categories: z.array(categorySchema).max(9).default([]),
  systemIds: z.array(id).max(50).default([]),
  tags: z.array(tag).max(30).default([]),
  texts: z
    .strictObject({ de: articleTextSchema.optional(), en: articleTextSchema.optional() })
    .refine(
      (texts) => texts.de !== undefined || texts.en !== undefined,
      rule('rule_kb_text', 'needs German or English'),
    ),
});
export type ArticleContent = z.infer<typeof articleContentSchema>;

export const articleSchema = articleContentSchema.extend({
  id,
  version: z.int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Tickets linked to the article ("helped 14 times"). */
  helped: z.int().nonnegative(),
  reviewDue: z.boolean(),
});
export type Article = z.infer<typeof articleSchema>;

export const articleSummarySchema = z.strictObject({
  id,
  slug: z.string(),
  title: z.string(),
  language: languageSchema,
  languages: z.array(languageSchema),
  kind: kbKindSchema,
  audience: kbAudienceSchema,
  state: kbStateSchema,
  owner: z.string(),
  reviewAt: z.string().nullable(),
  reviewDue: z.boolean(),
  tags: z.array(z.string()),
  helped: z.int(),
  updatedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/** A part of a snippet; `hit` parts are what matched (the screen marks them, as text, never as HTML). */
export const snippetPartSchema = z.strictObject({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

export const kbHitSchema = articleSummarySchema.extend({
  score: z.number(),
  titleParts: z.array(snippetPartSchema),
  snippet: z.array(snippetPartSchema),
});
export type KbHit = z.infer<typeof kbHitSchema>;

/** Words for an address: "Outlook startet nicht" → "outlook-startet-nicht". */
export function slugify(title: string): string {
  const folded = title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  const slug = folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/, '');
  return slug || 'artikel';
}

/** Due for review on or after its review date (a date in the desk's calendar, compared as text). */
export const reviewDue = (reviewAt: string | null, today: string) => reviewAt !== null && reviewAt <= today;
