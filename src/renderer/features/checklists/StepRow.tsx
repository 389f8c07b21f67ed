import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistStep } from '../../../shared/domain/checklist';
import { renderMarkdown } from '../../components/markdown';
import { useAttach } from '../ticket/Attachments';
import { stateIcon, type RunStep, type StepAction } from './stepActions';

type Props = {
  ticketId: number;
  step: ChecklistStep;
  record: RunStep;
  selected: boolean;
  today: string;
  asking: StepAction | null;
  onSelect: () => void;
  onAnswer: (note: string, attachmentId: number | null) => void;
  onCancel: () => void;
};

/** One step: state, title, who and how long, due date, what was recorded; instructions when selected. */
export function StepRow({ ticketId, step, record, selected, today, asking, onSelect, onAnswer, onCancel }: Props) {
  const { t } = useTranslation();
  const attach = useAttach(ticketId);
  const [note, setNote] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const rowRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (asking) input.current?.focus();
    else setNote('');
  }, [asking]);
  useEffect(() => {
    if (selected) rowRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const open = record.state === 'pending' || record.state === 'blocked';
  const overdue = open && record.dueDate !== null && record.dueDate < today;
  return (
    <li
      ref={rowRef}
      className={`step step-${record.state} ${selected ? 'selected' : ''} ${overdue ? 'overdue' : ''}`}
      data-testid={`step-${step.id}`}
      data-state={record.state}
      aria-current={selected ? 'step' : undefined}
      onClick={onSelect}
    >
      <span className="step-icon" aria-label={t(`checklists.state.${record.state}`)}>
        {stateIcon[record.state]}
      </span>
      <div className="step-main">
        <div className="step-title">
          {step.title}
          {record.answer ? <strong> – {t(`checklists.answer.${record.answer}`)}</strong> : null}
        </div>
        <div className="step-meta muted">
          {!step.required ? <span>{t('checklists.optional')}</span> : null}
          {step.needsEvidence ? <span>{t('checklists.evidence')}</span> : null}
          {step.owner !== 'coordinator' ? <span>{t(`checklists.owner.${step.owner}`)}</span> : null}
          {step.minutes ? <span>~{step.minutes} min</span> : null}
          {record.dueDate ? (
            <span className={overdue ? 'due-overdue' : ''}>{t('checklists.due', { date: record.dueDate })}</span>
          ) : null}
          {record.actor && record.at && record.state !== 'pending' ? (
            <span>
              {t(`checklists.state.${record.state}`)} · {record.actor} ·{' '}
              {new Date(record.at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}
            </span>
          ) : null}
        </div>
        {record.note ? <div className="step-note">{record.note}</div> : null}
        {selected && step.instructions ? (
          <div className="step-instructions" dangerouslySetInnerHTML={{ __html: renderMarkdown(step.instructions) }} />
        ) : null}
        {asking ? (
          <form
            className="step-ask"
            onSubmit={(e) => {
              e.preventDefault();
              if (note.trim()) onAnswer(note.trim(), null);
            }}
          >
            <input
              ref={input}
              value={note}
              maxLength={4000}
              data-testid="step-note"
              placeholder={t(`checklists.ask.${asking.state}`)}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  onCancel();
                }
              }}
            />
            {asking.state === 'done' ? (
              <label className="button quiet">
                {t('checklists.attachEvidence')}
                <input
                  type="file"
                  hidden
                  onChange={(e) => {
                    const files = e.target.files;
                    if (files?.length)
                      void attach(files).then(([id]) => id && onAnswer(note.trim() || files[0]!.name, id));
                  }}
                />
              </label>
            ) : null}
            <button type="submit" className="primary" disabled={!note.trim()}>
              {t('common.save')}
            </button>
          </form>
        ) : null}
      </div>
    </li>
  );
}
