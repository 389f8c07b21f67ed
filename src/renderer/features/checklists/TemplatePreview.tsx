import { useTranslation } from 'react-i18next';
import type { ChecklistTemplate } from '../../../shared/domain/checklist';
import { renderMarkdown } from '../../components/markdown';

/** A template read like the checklist it becomes: sections, steps, what each needs. */
export function TemplatePreview({ template }: { template: ChecklistTemplate }) {
  const { t } = useTranslation();
  return (
    <div className="template-preview" data-testid="template-preview">
      <p className="muted">
        {t(`checklists.kind.${template.kind}`)}
        {template.categories.length ? ` · ${template.categories.map((c) => t(`labels:category.${c}`)).join(', ')}` : ''}
        {template.keywords.length ? ` · ${template.keywords.join(', ')}` : ''}
      </p>
      {template.variables.length ? (
        <p className="muted">
          {t('checklists.variables')}: {template.variables.map((v) => v.label).join(', ')}
        </p>
      ) : null}
      {template.sections.map((section) => (
        <section key={section.title}>
          <h4>{section.title}</h4>
          <ol className="preview-steps">
            {section.steps.map((step) => (
              <li key={step.id}>
                <div>
                  {step.title}
                  <span className="step-meta muted">
                    {!step.required ? <span>{t('checklists.optional')}</span> : null}
                    {step.question ? <span>{t('checklists.question')}</span> : null}
                    {step.needsEvidence ? <span>{t('checklists.evidence')}</span> : null}
                    {step.owner !== 'coordinator' ? <span>{t(`checklists.owner.${step.owner}`)}</span> : null}
                    {step.minutes ? <span>~{step.minutes} min</span> : null}
                    {step.condition ? (
                      <span>
                        {t('checklists.onlyIf', {
                          step: template.sections.flatMap((s) => s.steps).find((s) => s.id === step.condition!.step)
                            ?.title,
                          answer: t(`checklists.answer.${step.condition.answer}`),
                        })}
                      </span>
                    ) : null}
                    {step.due ? <span>{t('checklists.dueRelative', { days: step.due.workingDays })}</span> : null}
                  </span>
                </div>
                {step.instructions ? (
                  <div
                    className="step-instructions"
                    dangerouslySetInnerHTML={{ __html: renderMarkdown(step.instructions) }}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
