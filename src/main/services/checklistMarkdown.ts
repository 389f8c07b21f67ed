import type { ChecklistKind, ChecklistTemplate, ChecklistTemplateInput } from '../../shared/domain/checklist';
import type { Language } from '../../shared/domain/enums';
import { AppError } from '../../shared/errors';

const words = {
  de: {
    optional: 'optional',
    evidence: 'Nachweis',
    question: 'Frage: ja/nein',
    msp: 'Dienstleister',
    requester: 'Melder',
    only: 'nur wenn',
    yes: 'ja',
    no: 'nein',
    minutes: 'Min.',
  },
  en: {
    optional: 'optional',
    evidence: 'evidence',
    question: 'question: yes/no',
    msp: 'MSP',
    requester: 'requester',
    only: 'only if',
    yes: 'yes',
    no: 'no',
    minutes: 'min',
  },
} as const;

/** A plain markdown checklist (`- [ ] step`) to share, e.g. with the MSP; notes in brackets, instructions indented. */
export function toMarkdown(template: ChecklistTemplate): string {
  const w = words[template.language];
  const titles = new Map(template.sections.flatMap((s) => s.steps.map((step) => [step.id, step.title])));
  const lines = [`# ${template.title}`, ''];
  for (const section of template.sections) {
    lines.push(`## ${section.title}`, '');
    for (const step of section.steps) {
      const notes = [
        step.required ? null : w.optional,
        step.question ? w.question : null,
        step.needsEvidence ? w.evidence : null,
        step.owner === 'msp' ? w.msp : step.owner === 'requester' ? w.requester : null,
        step.minutes ? `~${step.minutes} ${w.minutes}` : null,
        step.condition
          ? `${w.only} „${titles.get(step.condition.step) ?? step.condition.step}“ = ${w[step.condition.answer]}`
          : null,
      ].filter(Boolean);
      lines.push(`- [ ] ${step.title}${notes.length ? ` _(${notes.join(', ')})_` : ''}`);
      for (const line of step.instructions.split('\n').filter((l) => l.trim())) lines.push(`  ${line}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'checklist';

const refuse = (line: number, reason: string) => new AppError('invalid_input', `import_md_${reason}`, { line });

/**
 * Reads a markdown checklist: `# title`, `## section`, `- [ ] step` (`_(optional)_` makes a step optional),
 * indented lines are the step's instructions. Anything else is refused with its line number.
 */
export function fromMarkdown(markdown: string, language: Language, kind: ChecklistKind): ChecklistTemplateInput {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  let title: string | null = null;
  const sections: { title: string; steps: { id: string; title: string; instructions: string; required: boolean }[] }[] =
    [];
  let count = 0;
  lines.forEach((raw, index) => {
    const number = index + 1;
    const line = raw.trimEnd();
    if (!line.trim() || /^<!--.*-->$/.test(line.trim())) return;
    const heading = /^(#{1,2})\s+(.+)$/.exec(line);
    if (heading) {
      if (heading[1] === '#') {
        if (title !== null) throw refuse(number, 'second_title');
        title = heading[2]!.trim();
      } else {
        if (title === null) throw refuse(number, 'no_title');
        sections.push({ title: heading[2]!.trim(), steps: [] });
      }
      return;
    }
    const step = /^[-*]\s+\[[ xX]\]\s+(.+)$/.exec(line);
    if (step) {
      const section = sections.at(-1);
      if (!section) throw refuse(number, title === null ? 'no_title' : 'no_section');
      const notes = /\s+_\(([^)]*)\)_\s*$/.exec(step[1]!);
      const stepTitle = notes ? step[1]!.slice(0, notes.index) : step[1]!;
      count += 1;
      section.steps.push({
        id: `s${count}`,
        title: stepTitle.trim(),
        instructions: '',
        required: !(notes?.[1] ?? '').toLowerCase().split(/,\s*/).includes('optional'),
      });
      return;
    }
    const indented = /^(\s{2,}|\t)(.+)$/.exec(raw);
    const last = sections.at(-1)?.steps.at(-1);
    if (indented && last) {
      last.instructions = last.instructions ? `${last.instructions}\n${indented[2]!.trim()}` : indented[2]!.trim();
      return;
    }
    throw refuse(number, 'line');
  });
  if (title === null) throw refuse(1, 'no_title');
  if (count === 0) throw refuse(lines.length, 'no_steps');
  return { key: slug(title), title, kind, language, sections };
}
