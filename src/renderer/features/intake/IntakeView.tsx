import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { Kbd } from '../../components/Badges';
import { formatAge } from '../../components/format';
import { useUi } from '../../state/ui';
import { intakeProblems, toCreateInput, type IntakeProblem } from './intakeForm';
import { FirstContactSection, ProblemSection, RequesterSection } from './IntakeSections';
import { IntakeRunbooks } from './IntakeRunbooks';
import { ArticleSuggestions } from '../kb/ArticleSuggestions';
import { ProblemMatches } from '../problems/ProblemMatches';
import { TriagePanel } from './TriagePanel';
import { useIntakeDraft } from './useIntakeDraft';

export function IntakeView() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const settings = useQuery('settings.get', {}, (c) => c.entity === 'settings');
  const { form, update, clear, restoredAt, loaded } = useIntakeDraft();
  const [shownProblems, setShownProblems] = useState<Set<IntakeProblem>>(new Set());
  const [saving, setSaving] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [runbooks, setRunbooks] = useState<Set<string>>(new Set());
  const [articles, setArticles] = useState<Set<number>>(new Set());
  const [problemId, setProblemId] = useState<number | null>(null);

  const save = async () => {
    const problems = intakeProblems(form);
    setShownProblems(new Set(problems));
    if (problems.length > 0) {
      toast('error', t('intake.missing', { fields: problems.map((p) => t(`intake.problem.${p}`)).join(', ') }));
      return;
    }
    setSaving(true);
    try {
      const ticket = await client.call('tickets.create', toCreateInput(form));
      const language = i18n.language === 'en' ? 'en' : 'de';
      for (const key of runbooks) await client.call('checklists.runs.start', { ticketId: ticket.id, key, language });
      for (const articleId of articles) await client.call('kb.links.add', { articleId, ticketId: ticket.id });
      if (problemId !== null) await client.call('problems.link', { problemId, ticketIds: [ticket.id] });
      setRunbooks(new Set());
      setProblemId(null);
      setArticles(new Set());
      await clear();
      toast('info', t('intake.saved', { number: ticket.number, priority: ticket.triage.priority }));
      navigate({ name: 'ticket', id: ticket.id });
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!loaded) return null;
  const props = { form, update, problems: shownProblems };
  return (
    <div className="intake">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('intake.heading')}</h1>
        {restoredAt ? (
          <span className="draft-note" data-testid="draft-restored">
            {t('intake.draftRestored', { age: formatAge(new Date(restoredAt).toISOString()) })}
          </span>
        ) : null}
        <div className="spacer" />
        <button
          type="button"
          className={confirmDiscard ? 'danger' : 'quiet'}
          onClick={() => {
            if (!confirmDiscard) return setConfirmDiscard(true);
            setConfirmDiscard(false);
            void clear();
          }}
          onBlur={() => setConfirmDiscard(false)}
        >
          {confirmDiscard ? t('intake.discardConfirm') : t('intake.discard')}
        </button>
        <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
          {t('intake.save')} <Kbd>Ctrl+Enter</Kbd>
        </button>
      </header>
      <div className="intake-body">
        <form className="intake-form" onSubmit={(e) => e.preventDefault()}>
          <RequesterSection {...props} />
          <ProblemSection {...props} />
          <FirstContactSection {...props} />
        </form>
        <TriagePanel
          form={form}
          rules={settings.data?.triage}
          onOverride={(override) => update((f) => ({ ...f, override }))}
          reasonMissing={shownProblems.has('overrideReason')}
        >
          <IntakeRunbooks
            category={form.category}
            text={`${form.title}\n${form.description}`}
            chosen={runbooks}
            onToggle={(key) =>
              setRunbooks((current) => {
                const next = new Set(current);
                if (!next.delete(key)) next.add(key);
                return next;
              })
            }
          />
          <ProblemMatches
            intake={{
              title: form.title,
              description: form.description,
              systemIds: form.systems.map((system) => system.id),
            }}
            chosen={problemId}
            onChoose={setProblemId}
          />
          <ArticleSuggestions
            intake={{
              title: form.title,
              description: form.description,
              affectedSystems: form.affectedSystems,
              systemIds: form.systems.map((system) => system.id),
            }}
            linked={articles}
            onToggleLink={(hit) =>
              setArticles((current) => {
                const next = new Set(current);
                if (!next.delete(hit.id)) next.add(hit.id);
                return next;
              })
            }
          />
        </TriagePanel>
      </div>
    </div>
  );
}
