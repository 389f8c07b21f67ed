import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  affectedScopeSchema,
  impairmentSchema,
  type AffectedScope,
  type Impairment,
} from '../../../shared/domain/enums';
import { triageGuesses, type Guess } from '../../../shared/domain/mailText';
import type { Ticket } from '../../../shared/domain/ticket';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { useUi } from '../../state/ui';

function Suggestion<T extends string>({
  guess,
  label,
  onApply,
  testId,
}: {
  guess: Guess<T> | undefined;
  label: (value: T) => string;
  onApply: (value: T) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!guess) return null;
  return (
    <p className="hint mail-suggestion" data-testid={testId}>
      {t('mail.triage.suggestion', {
        value: label(guess.value),
        words: guess.words.join(t('mail.triage.wordsSeparator')),
      })}{' '}
      <button type="button" className="quiet" onClick={() => onApply(guess.value)}>
        {t('mail.triage.apply')}
      </button>
    </p>
  );
}

/**
 * A ticket that came in by mail has no first-contact answers: the two that set the priority are asked here,
 * with what the mail's words suggest (and which words), so the coordinator decides and the board can rank it.
 */
export function MailTriage({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const guesses = triageGuesses(`${ticket.title}\n${ticket.description}`);
  const [scope, setScope] = useState<AffectedScope | null>(null);
  const [impairment, setImpairment] = useState<Impairment | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!scope || !impairment) return;
    setSaving(true);
    try {
      const saved = await client.call('tickets.update', {
        id: ticket.id,
        expectedVersion: ticket.version,
        patch: { firstContact: { ...ticket.firstContact, affectedScope: scope, impairment } },
      });
      toast('info', t('mail.triage.saved', { priority: saved.triage.priority }));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="mail-triage" data-testid="mail-triage" aria-labelledby="mail-triage-heading">
      <h3 id="mail-triage-heading">{t('mail.triage.heading')}</h3>
      <p className="hint">{t('mail.triage.hint')}</p>
      <ChoiceGroup
        name="mailScope"
        legend={t('mail.triage.scope')}
        choices={affectedScopeSchema.options.map((value) => ({ value, label: t(`labels:scope.${value}`) }))}
        value={scope}
        onChange={setScope}
      />
      <Suggestion
        guess={guesses.affectedScope}
        label={(v) => t(`labels:scope.${v}`)}
        onApply={setScope}
        testId="suggest-scope"
      />
      <ChoiceGroup
        name="mailImpairment"
        legend={t('mail.triage.impairment')}
        choices={impairmentSchema.options.map((value) => ({ value, label: t(`labels:impairment.${value}`) }))}
        value={impairment}
        onChange={setImpairment}
      />
      <Suggestion
        guess={guesses.impairment}
        label={(v) => t(`labels:impairment.${v}`)}
        onApply={setImpairment}
        testId="suggest-impairment"
      />
      <div className="row-actions">
        <button
          type="button"
          className="primary"
          disabled={!scope || !impairment || saving}
          onClick={() => void save()}
          data-testid="mail-triage-save"
        >
          {t('mail.triage.save')}
        </button>
      </div>
    </section>
  );
}
