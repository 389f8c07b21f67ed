import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepOwnerSchema, type ChecklistStep, type ChecklistTemplate } from '../../../shared/domain/checklist';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';

type Props = { template: ChecklistTemplate; version: number | null; onDone: (saved: boolean) => void };

const newStep = (existing: Set<string>): ChecklistStep => {
  let n = existing.size + 1;
  while (existing.has(`schritt-${n}`)) n += 1;
  return {
    id: `schritt-${n}`,
    title: '',
    instructions: '',
    required: true,
    needsEvidence: false,
    minutes: null,
    owner: 'coordinator',
    question: false,
    condition: null,
    due: null,
  };
};

const moved = <T,>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
};

/** Edits a template in place: titles, steps added, reordered and removed; saving makes a new version. */
export function TemplateEditor({ template, version, onDone }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState<ChecklistTemplate>(template);
  const [error, setError] = useState<string | null>(null);
  const ids = new Set(draft.sections.flatMap((s) => s.steps.map((step) => step.id)));

  const setSection = (index: number, change: Partial<ChecklistTemplate['sections'][number]>) =>
    setDraft({ ...draft, sections: draft.sections.map((s, i) => (i === index ? { ...s, ...change } : s)) });
  const setStep = (section: number, index: number, change: Partial<ChecklistStep>) =>
    setSection(section, {
      steps: draft.sections[section]!.steps.map((step, i) => (i === index ? { ...step, ...change } : step)),
    });

  const save = async () => {
    try {
      await client.call('checklists.templates.save', {
        template: draft,
        ...(version !== null ? { expectedVersion: version } : {}),
      });
      onDone(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <div className="template-editor" data-testid="template-editor">
      <label>
        {t('checklists.title')}
        <input value={draft.title} maxLength={200} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
      </label>
      <label>
        {t('checklists.keywords')}
        <input
          value={draft.keywords.join(', ')}
          onChange={(e) =>
            setDraft({
              ...draft,
              keywords: e.target.value
                .split(',')
                .map((k) => k.trim())
                .filter(Boolean),
            })
          }
        />
      </label>
      {draft.sections.map((section, s) => (
        <fieldset key={s} className="editor-section">
          <legend>
            <input
              value={section.title}
              aria-label={t('checklists.sectionTitle')}
              onChange={(e) => setSection(s, { title: e.target.value })}
            />
          </legend>
          {section.steps.map((step, i) => (
            <div key={step.id} className="editor-step">
              <input
                className="editor-step-title"
                value={step.title}
                placeholder={t('checklists.stepTitle')}
                aria-label={t('checklists.stepTitle')}
                onChange={(e) => setStep(s, i, { title: e.target.value })}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={step.required}
                  onChange={(e) => setStep(s, i, { required: e.target.checked })}
                />
                {t('checklists.required')}
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={step.needsEvidence}
                  onChange={(e) => setStep(s, i, { needsEvidence: e.target.checked })}
                />
                {t('checklists.evidence')}
              </label>
              <select
                value={step.owner}
                aria-label={t('checklists.ownerLabel')}
                onChange={(e) => setStep(s, i, { owner: stepOwnerSchema.parse(e.target.value) })}
              >
                {stepOwnerSchema.options.map((owner) => (
                  <option key={owner} value={owner}>
                    {t(`checklists.owner.${owner}`)}
                  </option>
                ))}
              </select>
              <input
                type="number"
                min={0}
                className="editor-minutes"
                value={step.minutes ?? ''}
                aria-label={t('checklists.minutes')}
                placeholder="min"
                onChange={(e) => setStep(s, i, { minutes: e.target.value === '' ? null : Number(e.target.value) })}
              />
              <span className="editor-moves">
                <button
                  type="button"
                  className="quiet"
                  title={t('checklists.up')}
                  onClick={() => setSection(s, { steps: moved(section.steps, i, i - 1) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="quiet"
                  title={t('checklists.down')}
                  onClick={() => setSection(s, { steps: moved(section.steps, i, i + 1) })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="quiet"
                  title={t('checklists.removeStep')}
                  disabled={section.steps.length === 1}
                  onClick={() => setSection(s, { steps: section.steps.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              </span>
              <textarea
                className="editor-instructions"
                rows={step.instructions ? 2 : 1}
                value={step.instructions}
                placeholder={t('checklists.instructions')}
                onChange={(e) => setStep(s, i, { instructions: e.target.value })}
              />
            </div>
          ))}
          <button
            type="button"
            className="quiet"
            onClick={() => setSection(s, { steps: [...section.steps, newStep(ids)] })}
          >
            + {t('checklists.addStep')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="quiet"
        onClick={() =>
          setDraft({
            ...draft,
            sections: [...draft.sections, { title: t('checklists.newSection'), steps: [newStep(ids)] }],
          })
        }
      >
        + {t('checklists.addSection')}
      </button>
      {error ? (
        <div className="banner error" role="alert" data-testid="editor-error">
          {error}
        </div>
      ) : null}
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('checklists.saveVersion')}
        </button>
        <button type="button" className="quiet" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
