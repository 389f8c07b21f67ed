import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistRun } from '../../../shared/contract/checklists';
import { allSteps } from '../../../shared/domain/checklist';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { formatAge } from '../../components/format';
import { useUi } from '../../state/ui';
import { StepRow } from './StepRow';
import { actionFor, minutesLeft, type StepAction } from './stepActions';

/**
 * A checklist run built for doing the work: arrows move, one key marks a step, a note is asked for in place
 * where one is needed (skip, fail, block, evidence) and Enter saves it.
 */
export function RunView({ run, today, autoFocus = false }: { run: ChecklistRun; today: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const steps = useMemo(() => allSteps(run.template), [run.template]);
  const visible = steps.filter((step) => run.steps.find((s) => s.id === step.id)?.applicable);
  const firstOpen = visible.findIndex((step) => run.steps.find((s) => s.id === step.id)?.state === 'pending');
  const [cursor, setCursor] = useState(Math.max(0, firstOpen));
  const [asking, setAsking] = useState<{ stepId: string; action: StepAction } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!autoFocus) return;
    listRef.current?.scrollIntoView({ block: 'nearest' });
    listRef.current?.focus();
  }, [autoFocus]);

  const apply = async (stepId: string, action: StepAction, note = '', attachmentId: number | null = null) => {
    try {
      await client.call('checklists.runs.setStep', {
        runId: run.id,
        stepId,
        state: action.state,
        ...(action.answer ? { answer: action.answer } : {}),
        ...(note ? { note } : {}),
        ...(attachmentId ? { attachmentId } : {}),
      });
      setAsking(null);
      if (action.state !== 'pending') setCursor((c) => Math.min(visible.length - 1, c + 1));
      listRef.current?.focus();
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (asking || event.ctrlKey || event.metaKey || event.altKey) return;
    const step = visible[cursor];
    const current = step && run.steps.find((s) => s.id === step.id);
    let handled = true;
    // "j" is "ja" on a question, so it moves only on other steps; the arrows always move.
    const onQuestion = Boolean(step?.question);
    if (event.key === 'ArrowDown' || (event.key === 'j' && !onQuestion))
      setCursor((c) => Math.min(visible.length - 1, c + 1));
    else if (event.key === 'ArrowUp' || event.key === 'k') setCursor((c) => Math.max(0, c - 1));
    else if (step && current) {
      const action = actionFor(event.key, step, current);
      if (!action && onQuestion && (event.key === 'd' || event.key === 'Enter') && current.state === 'pending')
        toast('info', t('checklists.questionNeedsAnswer'));
      else if (!action) handled = false;
      else if (action.ask) setAsking({ stepId: step.id, action });
      else void apply(step.id, action);
    } else handled = false;
    if (handled) {
      // Keys on the run belong to the run, not to the ticket's own shortcuts (n = note, digits = status).
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const left = minutesLeft(steps, run);
  return (
    <section className="run" data-testid={`run-${run.template.key}`}>
      <header className="run-head">
        <h4>{run.template.title}</h4>
        <span className="muted">
          {t('checklists.progress', { done: run.progress.done, total: run.progress.total })}
          {' · '}
          {t('checklists.started', { age: formatAge(run.startedAt), who: run.startedBy })}
          {left ? ` · ${t('checklists.minutesLeft', { minutes: left })}` : ''}
          {' · '}v{run.templateVersion}
        </span>
        {run.progress.overdue ? (
          <span className="tag tag-overdue">{t('checklists.overdue', { count: run.progress.overdue })}</span>
        ) : null}
      </header>
      <ol
        ref={listRef}
        className="run-steps"
        tabIndex={0}
        aria-label={run.template.title}
        onKeyDown={onKeyDown}
        data-testid="run-steps"
      >
        {visible.map((step, index) => (
          <StepRow
            key={step.id}
            ticketId={run.ticketId}
            step={step}
            record={run.steps.find((s) => s.id === step.id)!}
            selected={index === cursor}
            today={today}
            asking={asking?.stepId === step.id ? asking.action : null}
            onSelect={() => setCursor(index)}
            onAnswer={(note, attachmentId) => asking && void apply(step.id, asking.action, note, attachmentId)}
            onCancel={() => {
              setAsking(null);
              listRef.current?.focus();
            }}
          />
        ))}
      </ol>
      {/* The cursor moves without moving the focus: say where it is. */}
      <p className="visually-hidden" aria-live="polite" data-testid="run-cursor">
        {visible[cursor]
          ? t('checklists.cursor', {
              position: cursor + 1,
              count: visible.length,
              title: visible[cursor].title,
              state: t(`checklists.state.${run.steps.find((s) => s.id === visible[cursor]!.id)?.state ?? 'pending'}`),
            })
          : ''}
      </p>
      <p className="run-keys muted" data-testid="run-keys">
        {visible[cursor]?.question ? `${t('checklists.keysQuestion')} · ` : ''}
        {t('checklists.keys')}
      </p>
    </section>
  );
}
