import { z } from 'zod';
import { languageSchema, statusSchema } from '../domain/enums';
import { fileNameField, id, line, text } from '../domain/fields';
import {
  articleContentSchema,
  articleSchema,
  articleSummarySchema,
  kbHitSchema,
  kbStateSchema,
  MAX_BODY_CHARS,
} from '../domain/kb';
import { rule } from '../domain/rule';
import { command, query } from './common';

/** An import of at most 500 files of a markdown article each (front matter + body). */
export const MAX_KB_IMPORT_FILES = 500;
const importBytes = MAX_KB_IMPORT_FILES * (MAX_BODY_CHARS + 25_000);

const linkedTicketSchema = z.strictObject({
  id,
  number: z.string(),
  title: z.string(),
  status: statusSchema,
  linkedAt: z.string(),
});

const diffPartSchema = z.strictObject({ text: z.string(), added: z.boolean(), removed: z.boolean() });
export const versionSchema = z.strictObject({
  version: z.int(),
  savedAt: z.string(),
  savedBy: z.string(),
  note: z.string(),
  title: z.string(),
  state: kbStateSchema,
  /** What this version changed against the one before it (the first: everything, as added). */
  changes: z.array(z.strictObject({ field: z.string(), parts: z.array(diffPartSchema) })),
});
export type KbVersion = z.infer<typeof versionSchema>;

const hits = z.strictObject({ hits: z.array(kbHitSchema) });
const searchLimit = z.int().min(1).max(50);
const linkInput = z.strictObject({ articleId: id, ticketId: id });
const linkOutput = z.strictObject({ articleId: id, ticketId: id, helped: z.int() });

export const kbContract = {
  'kb.articles.list': query(
    z.strictObject({
      state: kbStateSchema.optional(),
      /** Only articles whose review date has come. */
      reviewDue: z.boolean().default(false),
      limit: z.int().min(1).max(2000).default(500),
      /** Which language's title to show where an article has both. */
      language: languageSchema.optional(),
    }),
    z.strictObject({ articles: z.array(articleSummarySchema), total: z.int() }),
  ),
  'kb.articles.get': query(
    z.strictObject({ id }),
    z.strictObject({ article: articleSchema, tickets: z.array(linkedTicketSchema) }),
  ),
  /** A new article (no id) or a new version of one; `expectedVersion` guards against overwriting someone's save. */
  'kb.articles.save': command(
    z.strictObject({
      id: id.optional(),
      expectedVersion: z.int().positive().optional(),
      content: articleContentSchema,
      note: line(200).default(''),
    }),
    articleSchema,
    MAX_BODY_CHARS * 8,
  ),
  /** Removed from the desk and from suggestions; its versions stay in the log. */
  'kb.articles.remove': command(z.strictObject({ id }), z.strictObject({ id, removed: z.literal(true) })),
  /** Saves an old version's content as the newest version. */
  'kb.articles.restore': command(z.strictObject({ id, version: z.int().positive() }), articleSchema),
  'kb.articles.history': query(z.strictObject({ id }), z.strictObject({ versions: z.array(versionSchema) })),
  'kb.search': query(
    z.strictObject({
      q: line(300),
      language: languageSchema.optional(),
      /** Drafts and archived articles too (the knowledge base's own list); suggestions show published ones only. */
      allStates: z.boolean().default(false),
      limit: searchLimit.default(20),
    }),
    hits,
  ),
  /** The best articles for an intake while it is being typed. */
  'kb.suggest': query(
    z.strictObject({
      title: line(300).default(''),
      description: text(20_000).default(''),
      affectedSystems: line(500).default(''),
      systemIds: z.array(id).max(50).default([]),
      language: languageSchema.optional(),
      limit: z.int().min(1).max(10).default(5),
    }),
    hits,
    200_000,
  ),
  'kb.links.add': command(linkInput, linkOutput),
  'kb.links.remove': command(linkInput, linkOutput),
  'kb.links.forTicket': query(
    z.strictObject({ ticketId: id, language: languageSchema.optional() }),
    z.strictObject({ articles: z.array(articleSummarySchema) }),
  ),
  /** An article drafted from a ticket (not saved): symptom, what was tried, the resolution, systems, category. */
  'kb.draftFromTicket': query(
    z.strictObject({ ticketId: id, language: languageSchema.optional() }),
    z.strictObject({ content: articleContentSchema }),
  ),
  /**
   * Markdown files with front matter (one article language per file), or the shipped starter articles. All or
   * nothing: one bad file refuses the import and names the file.
   */
  'kb.import': command(
    z.union([
      z.strictObject({
        files: z
          .array(z.strictObject({ name: fileNameField(), text: z.string().max(MAX_BODY_CHARS + 25_000) }))
          .min(1)
          .max(MAX_KB_IMPORT_FILES, rule('rule_kb_import_files', `at most ${MAX_KB_IMPORT_FILES} files`)),
      }),
      z.strictObject({ starter: z.literal(true) }),
    ]),
    z.strictObject({ created: z.int(), updated: z.int(), unchanged: z.int(), slugs: z.array(z.string()) }),
    importBytes,
  ),
  /** Every article as markdown files with front matter, zipped. */
  'kb.export': query(
    z.strictObject({}),
    z.strictObject({ fileName: z.string(), contentBase64: z.string(), articles: z.int() }),
  ),
} as const;
