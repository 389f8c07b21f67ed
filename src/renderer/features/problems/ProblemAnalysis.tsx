import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  factorKindSchema,
  type FactorKind,
  type Problem,
  type Rca,
  type TimelineEntry,
} from '../../../shared/domain/problem';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';
import { BlameHints } from './BlameHints';

const WHYS = 5;

/** The blameless analysis: the assembled timeline with notes, five whys, contributing factors, what went well. */
export function ProblemAnalysis({ problem, timeline }: { problem: Problem; timeline: TimelineEntry[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const { toast } = useUi();
  const [rca, setRca] = useState<Rca>(problem.rca);
  const [factorKind, setFactorKind] = useState<FactorKind>('process');
  const [factorText, setFactorText] = useState('');
  const notes = new Map(rca.annotations.map((a) => [a.eventId, a.text]));
  const whys = Array.from({ length: Math.max(WHYS, rca.whys.length) }, (_, i) => rca.whys[i] ?? '');
  const closed = problem.state === 'closed';
  const annotate = (eventId: number, text: string) =>
    setRca((r) => ({
      ...r,
      annotations: [...r.annotations.filter((a) => a.eventId !== eventId), ...(text.trim() ? [{ eventId, text }] : [])],
    }));
  const save = async () => {
    try {
      await client.call('problems.rca.save', {
        problemId: problem.id,
        expectedVersion: problem.version,
        rca: {
          ...rca,
          whys: whys.filter((w) => w.trim()),
          annotations: rca.annotations.map((a) => ({ ...a, text: a.text.trim() })),
        },
      });
      toast('info', t('problems.rca.saved'));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <section aria-labelledby="rca-heading" className="problem-rca" data-testid="problem-rca">
      <h2 id="rca-heading" className="section-title">
        {t('problems.rca.heading')}
      </h2>
      <p className="muted">{t('problems.rca.blameless')}</p>
      <h3>{t('problems.rca.timeline')}</h3>
      {timeline.length ? (
        <ol className="rca-timeline">
          {timeline.map((entry) => (
            <li key={entry.eventId}>
              <span className="muted">{formatDateTime(entry.at)}</span> ·{' '}
              <a href={`#/tickets/${entry.ticketId}`}>{entry.ticketNumber}</a> · {t(`problems.timeline.${entry.kind}`)}
              {entry.detail ? ` (${entry.detail})` : ''}
              <input
                aria-label={t('problems.rca.note', { number: entry.ticketNumber })}
                placeholder={t('problems.rca.notePlaceholder')}
                value={notes.get(entry.eventId) ?? ''}
                onChange={(e) => annotate(entry.eventId, e.target.value)}
                disabled={closed}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('problems.rca.noTimeline')}</p>
      )}
      <h3>{t('problems.rca.whys')}</h3>
      <ol className="rca-whys">
        {whys.map((why, i) => (
          <li key={i}>
            <input
              aria-label={t('problems.rca.why', { n: i + 1 })}
              value={why}
              onChange={(e) => {
                const next = [...whys];
                next[i] = e.target.value;
                setRca((r) => ({ ...r, whys: next }));
              }}
              disabled={closed}
              data-testid={`rca-why-${i + 1}`}
            />
            <BlameHints text={why} />
          </li>
        ))}
      </ol>
      <h3>{t('problems.rca.factors')}</h3>
      <ul className="rca-factors">
        {rca.factors.map((f, i) => (
          <li key={`${f.kind}-${i}`}>
            <strong>{t(`problems.factor.${f.kind}`)}:</strong> {f.text}{' '}
            <button
              type="button"
              className="quiet"
              onClick={() => setRca((r) => ({ ...r, factors: r.factors.filter((_, j) => j !== i) }))}
              disabled={closed}
            >
              {t('problems.remove')}
            </button>
            <BlameHints text={f.text} />
          </li>
        ))}
      </ul>
      <div className="rca-factor-add">
        <select
          aria-label={t('problems.rca.factorKind')}
          value={factorKind}
          onChange={(e) => setFactorKind(e.target.value as FactorKind)}
          disabled={closed}
        >
          {factorKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {t(`problems.factor.${k}`)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('problems.rca.factorText')}
          placeholder={t('problems.rca.factorPlaceholder')}
          value={factorText}
          onChange={(e) => setFactorText(e.target.value)}
          disabled={closed}
          data-testid="rca-factor-text"
        />
        <button
          type="button"
          onClick={() => {
            setRca((r) => ({ ...r, factors: [...r.factors, { kind: factorKind, text: factorText.trim() }] }));
            setFactorText('');
          }}
          disabled={closed || !factorText.trim()}
          data-testid="rca-factor-add"
        >
          {t('problems.rca.addFactor')}
        </button>
      </div>
      <BlameHints text={factorText} />
      <label>
        {t('problems.rca.wentWell')}
        <textarea
          rows={2}
          value={rca.wentWell}
          onChange={(e) => setRca((r) => ({ ...r, wentWell: e.target.value }))}
          disabled={closed}
        />
      </label>
      <button type="button" className="primary" onClick={() => void save()} disabled={closed} data-testid="rca-save">
        {t('problems.rca.save')}
      </button>
    </section>
  );
}
