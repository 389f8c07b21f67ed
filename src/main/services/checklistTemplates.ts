import { z } from 'zod';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { StoredTemplate, TemplateSummary } from '../../shared/contract/checklists';
import { allSteps, checklistTemplateSchema, type ChecklistTemplate } from '../../shared/domain/checklist';
import type { Language } from '../../shared/domain/enums';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import { findTemplateRow, parseTemplate, templateRows, writeTemplateRow } from '../queries/checklists';
import { findSystem } from '../queries/directory';
import { parseFile } from '../validation';
import { library, libraryTemplate } from './checklistLibrary';
import { fromMarkdown, toMarkdown } from './checklistMarkdown';
import type { ServiceContext } from './context';

const MAX_IMPORT = 50;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The runbook library: shipped templates (in code) with what was edited, added or removed here. */
export function checklistTemplates(ctx: ServiceContext) {
  const actor = () => ctx.settings().coordinatorName;

  /** The template as it stands now, or null when removed or unknown. */
  function current(key: string, language: Language): StoredTemplate | null {
    const row = findTemplateRow(ctx.db, key, language);
    const shipped = libraryTemplate(key, language);
    if (row) {
      if (row.removed) return null;
      const template = parseTemplate(row.data);
      return { template, version: row.version, origin: row.origin, changed: !shipped || !same(template, shipped) };
    }
    return shipped ? { template: shipped, version: 1, origin: 'seeded', changed: false } : null;
  }

  function require(key: string, language: Language): StoredTemplate {
    const found = current(key, language);
    if (!found) throw new AppError('not_found', 'not_found_template', { key, language });
    return found;
  }

  const summary = (stored: StoredTemplate): TemplateSummary => ({
    key: stored.template.key,
    language: stored.template.language,
    title: stored.template.title,
    kind: stored.template.kind,
    categories: stored.template.categories,
    steps: allSteps(stored.template).length,
    version: stored.version,
    origin: stored.origin,
    changed: stored.changed,
  });

  function all(): StoredTemplate[] {
    const keys = new Map<string, [string, Language]>();
    for (const t of library) keys.set(`${t.key}|${t.language}`, [t.key, t.language]);
    for (const row of templateRows(ctx.db)) keys.set(`${row.key}|${row.language}`, [row.key, row.language]);
    return [...keys.values()].flatMap(([key, language]) => current(key, language) ?? []);
  }

  /** Writes a new version (inside the caller's transaction) and logs it with the full template. */
  function write(template: ChecklistTemplate, kind: 'saved' | 'restored' | 'imported'): StoredTemplate {
    const row = findTemplateRow(ctx.db, template.key, template.language);
    const shipped = libraryTemplate(template.key, template.language);
    const version = (row?.version ?? (shipped ? 1 : 0)) + 1;
    const origin = shipped ? 'seeded' : 'custom';
    const at = ctx.now().toISOString();
    writeTemplateRow(ctx.db, {
      key: template.key,
      language: template.language,
      version,
      origin,
      removed: 0,
      data: JSON.stringify(template),
      updated_at: at,
    });
    appendEvent(ctx.db, {
      ticketId: null,
      at,
      actor: actor(),
      kind: `checklist.template.${kind}`,
      data: { key: template.key, language: template.language, version, template },
    });
    return { template, version, origin, changed: !shipped || !same(template, shipped) };
  }

  const changed = () => [{ entity: 'settings' as const, ids: [] }];

  return {
    current,
    'checklists.templates.list': ({ language, q }: ParsedInput<'checklists.templates.list'>) => {
      const needle = q?.toLowerCase();
      const items = all()
        .filter((s) => !language || s.template.language === language)
        .filter(
          (s) =>
            !needle ||
            s.template.title.toLowerCase().includes(needle) ||
            s.template.keywords.some((k) => k.toLowerCase().includes(needle)),
        )
        .map(summary)
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
      return { items } satisfies MethodOutput<'checklists.templates.list'>;
    },
    'checklists.templates.get': ({ key, language }: ParsedInput<'checklists.templates.get'>) => require(key, language),
    'checklists.templates.save': ({ template, expectedVersion }: ParsedInput<'checklists.templates.save'>) => {
      const existing = current(template.key, template.language);
      if (expectedVersion !== undefined && existing && existing.version !== expectedVersion)
        throw new AppError('conflict', 'conflict_template_version', {
          expected: expectedVersion,
          actual: existing.version,
        });
      if (existing && same(existing.template, template)) return existing;
      return ctx.write(() => write(template, 'saved'), changed);
    },
    'checklists.templates.remove': ({ key, language }: ParsedInput<'checklists.templates.remove'>) => {
      const existing = require(key, language);
      ctx.write(() => {
        const at = ctx.now().toISOString();
        writeTemplateRow(ctx.db, {
          key,
          language,
          version: existing.version + 1,
          origin: existing.origin,
          removed: 1,
          data: JSON.stringify(existing.template),
          updated_at: at,
        });
        appendEvent(ctx.db, {
          ticketId: null,
          at,
          actor: actor(),
          kind: 'checklist.template.removed',
          data: { key, language },
        });
      }, changed);
      return { removed: true as const };
    },
    'checklists.templates.restore': ({ key, language }: ParsedInput<'checklists.templates.restore'>) => {
      const shipped = libraryTemplate(key, language);
      if (!shipped) throw new AppError('not_found', 'not_found_original', { key });
      return ctx.write(() => write(shipped, 'restored'), changed);
    },
    'checklists.templates.import': ({
      format,
      content,
      language,
      kind,
    }: ParsedInput<'checklists.templates.import'>) => {
      let templates: ChecklistTemplate[];
      if (format === 'markdown') {
        templates = [parseFile(checklistTemplateSchema, fromMarkdown(content, language, kind))];
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(content);
        } catch (error) {
          throw new AppError('invalid_input', 'import_json', { reason: (error as Error).message.slice(0, 200) });
        }
        const list = Array.isArray(parsed) ? parsed : [parsed];
        if (list.length > MAX_IMPORT) throw new AppError('invalid_input', 'import_too_many', { max: MAX_IMPORT });
        // Every template is checked before anything is written: an import lands whole or not at all.
        templates = Array.isArray(parsed)
          ? parseFile(z.array(checklistTemplateSchema), list)
          : [parseFile(checklistTemplateSchema, parsed)];
      }
      const saved = ctx.write(() => templates.map((t) => write(t, 'imported')), changed);
      return { saved: saved.map(summary) };
    },
    'checklists.templates.export': ({ key, language, format }: ParsedInput<'checklists.templates.export'>) => {
      const { template } = require(key, language);
      return format === 'json'
        ? {
            fileName: `${key}.${language}.json`,
            mimeType: 'application/json',
            content: `${JSON.stringify(template, null, 2)}\n`,
          }
        : { fileName: `${key}.${language}.md`, mimeType: 'text/markdown', content: toMarkdown(template) };
    },
    'checklists.templates.suggest': ({
      category,
      text,
      language,
      systemIds,
    }: ParsedInput<'checklists.templates.suggest'>) => {
      const haystack = text.toLowerCase();
      // A system's runbooks fit its tickets first (a monitoring incident has no intake that picked them).
      const runbookOf = new Map<string, string>();
      for (const systemId of systemIds) {
        const system = findSystem(ctx.db, systemId);
        for (const key of system?.runbooks ?? []) if (!runbookOf.has(key)) runbookOf.set(key, system!.name);
      }
      const items = all()
        .filter((s) => s.template.language === language && s.template.kind !== 'maintenance')
        .map((s) => {
          const system = runbookOf.get(s.template.key);
          const because = [
            ...(system ? [`system:${system}`] : []),
            ...(category && s.template.categories.includes(category) ? [`category:${category}`] : []),
            ...s.template.keywords.filter((k) => haystack.includes(k.toLowerCase())).map((k) => `keyword:${k}`),
          ];
          const score = (system ? 5 : 0) + (because.some((b) => b.startsWith('category:')) ? 2 : 0) + because.length;
          return { stored: s, because, score };
        })
        .filter((hit) => hit.because.length > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, 5)
        .map(({ stored, because }) => ({ ...summary(stored), because }));
      return { items };
    },
  };
}
export type ChecklistTemplates = ReturnType<typeof checklistTemplates>;
