import { raiseOf } from '../../../shared/domain/directory';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketPatch } from '../../../shared/contract/tickets';
import { categorySchema, tierSchema, type Language } from '../../../shared/domain/enums';
import type { Ticket } from '../../../shared/domain/ticket';
import { triageReason } from '../../../shared/i18n/triageReason';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { PriorityBadge } from '../../components/Badges';
import { formatDateTime } from '../../components/format';
import { EnumSelect } from '../../components/EnumSelect';
import {
  fromTriageOverride,
  overrideIsSet,
  toTriageOverride,
  TriageOverrideFields,
  type OverrideValue,
} from '../../components/TriageOverrideFields';
import { useUi } from '../../state/ui';

function useUpdate(ticket: Ticket) {
  const client = useClient();
  const toast = useUi((s) => s.toast);
  return async (input: { patch?: TicketPatch; triageOverride?: Ticket['triage']['override'] }) => {
    try {
      await client.call('tickets.update', { id: ticket.id, expectedVersion: ticket.version, ...input });
      return true;
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
      return false;
    }
  };
}

function TriageBox({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const update = useUpdate(ticket);
  const [editing, setEditing] = useState(false);
  const current = ticket.triage.override;
  const [value, setValue] = useState<OverrideValue>(fromTriageOverride(current));
  useEffect(() => setValue(fromTriageOverride(current)), [current, editing]);
  const reason = triageReason(
    i18n.language as Language,
    ticket.triage.priority,
    ticket.firstContact,
    Boolean(current),
    raiseOf(ticket.triage.suggested),
  );
  const save = async () => {
    if (overrideIsSet(value) && !value.reason.trim()) return;
    const ok = await update({ triageOverride: toTriageOverride(value) });
    if (ok) setEditing(false);
  };
  return (
    <section className="panel-section triage-box" data-testid="triage-box">
      <div className="triage-line">
        <PriorityBadge priority={ticket.triage.priority} long />
        <span className="muted">
          {t('triage.impact')} {t(`labels:level.${ticket.triage.impact}`)} · {t('triage.urgency')}{' '}
          {t(`labels:level.${ticket.triage.urgency}`)}
        </span>
      </div>
      <p className="triage-reason">{ticket.needsTriage ? t('mail.provisional') : reason}</p>
      {current ? (
        <p className="hint">
          {t('triage.suggestedWas')}: {ticket.triage.suggested.priority} · {t('triage.overrideReason')}:{' '}
          {current.reason}
        </p>
      ) : null}
      {editing ? (
        <>
          <TriageOverrideFields
            value={value}
            onChange={setValue}
            reasonMissing={overrideIsSet(value) && !value.reason.trim()}
          />
          <div className="row-actions">
            <button type="button" className="primary" onClick={() => void save()}>
              {t('common.save')}
            </button>
            <button type="button" className="quiet" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="quiet" onClick={() => setEditing(true)}>
          {t('triage.override')}
        </button>
      )}
    </section>
  );
}

/** `children` (the SLA clocks) stand right below the triage: priority first, then what is due when. */
export function PropertiesPanel({ ticket, children }: { ticket: Ticket; children?: ReactNode }) {
  const { t } = useTranslation();
  const update = useUpdate(ticket);
  const [assignee, setAssignee] = useState(ticket.assignee ?? '');
  useEffect(() => setAssignee(ticket.assignee ?? ''), [ticket.assignee]);
  const fc = ticket.firstContact;
  const r = ticket.requester;
  return (
    <aside className="properties">
      <TriageBox ticket={ticket} />
      {children}
      <section className="panel-section form-grid">
        <EnumSelect
          visibleLabel
          label={t('list.col.tier')}
          value={ticket.tier}
          options={tierSchema.options}
          labelOf={(v) => t(`labels:tier.${v}`)}
          onChange={(tier) => tier && void update({ patch: { tier } })}
        />
        <EnumSelect
          visibleLabel
          label={t('list.col.category')}
          value={ticket.category ?? ''}
          options={categorySchema.options}
          labelOf={(v) => t(`labels:category.${v}`)}
          emptyLabel="–"
          onChange={(category) => void update({ patch: { category: category || null } })}
        />
        <label>
          {t('list.col.assignee')}
          <input
            value={assignee}
            maxLength={120}
            onChange={(e) => setAssignee(e.target.value)}
            onBlur={() =>
              assignee !== (ticket.assignee ?? '') && void update({ patch: { assignee: assignee || null } })
            }
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        </label>
      </section>
      <section className="panel-section">
        <h4>{t('detail.requester')}</h4>
        <dl className="facts">
          <dt>{t('intake.requesterName')}</dt>
          <dd>{r.name}</dd>
          <dt>{t('intake.department')}</dt>
          <dd>{r.department || '–'}</dd>
          <dt>{t('intake.phone')}</dt>
          <dd>{r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : '–'}</dd>
          <dt>{t('intake.email')}</dt>
          <dd>{r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : '–'}</dd>
          <dt>{t('intake.channel')}</dt>
          <dd>{t(`labels:channel.${ticket.channel}`)}</dd>
        </dl>
      </section>
      <section className="panel-section">
        <h4>{t('intake.firstContact')}</h4>
        <dl className="facts">
          <dt>{t('intake.affectedScope')}</dt>
          <dd>{t(`labels:scope.${fc.affectedScope}`)}</dd>
          <dt>{t('intake.affectedSystems')}</dt>
          <dd>{fc.affectedSystems || '–'}</dd>
          <dt>{t('intake.businessProcess')}</dt>
          <dd>{fc.businessProcess || '–'}</dd>
          <dt>{t('intake.businessCritical')}</dt>
          <dd>{fc.businessCritical ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('intake.since')}</dt>
          <dd>{fc.since ? formatDateTime(fc.since) : t('intake.sinceChoice.unknown')}</dd>
          <dt>{t('intake.recentChanges')}</dt>
          <dd>{fc.recentChanges || '–'}</dd>
          <dt>{t('intake.impairment')}</dt>
          <dd>{t(`labels:impairment.${fc.impairment}`)}</dd>
        </dl>
      </section>
      <section className="panel-section">
        <dl className="facts">
          <dt>{t('detail.created')}</dt>
          <dd>{formatDateTime(ticket.createdAt)}</dd>
          <dt>{t('detail.updated')}</dt>
          <dd>{formatDateTime(ticket.updatedAt)}</dd>
          {ticket.resolvedAt ? (
            <>
              <dt>{t('detail.resolvedAt')}</dt>
              <dd>{formatDateTime(ticket.resolvedAt)}</dd>
            </>
          ) : null}
        </dl>
      </section>
    </aside>
  );
}
