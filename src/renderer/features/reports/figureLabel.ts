import type { TFunction } from 'i18next';
import type { Drilldown } from '../../../shared/domain/report';

/** A figure in words ("SLA verletzt: P1, Lösung"), as the dashboard names it. */
export function figureLabel(t: TFunction, d: Drilldown): string {
  switch (d.figure) {
    case 'opened':
    case 'resolved':
    case 'openAtEnd':
    case 'reopened':
      return t(`reports.kpi.${d.figure}`);
    case 'priority':
      return `${t('reports.by.priority')}: ${d.key}`;
    case 'category':
      return `${t('reports.by.category')}: ${d.key === 'none' ? t('reports.none') : t(`labels:category.${d.key}`)}`;
    case 'channel':
      return `${t('reports.by.channel')}: ${t(`labels:channel.${d.key}`)}`;
    case 'department':
      return `${t('reports.by.department')}: ${d.key}`;
    case 'system':
      return `${t('reports.by.system')}: #${d.key}`;
    case 'tier':
      return `${t('reports.tiers.heading')}: ${t(`reports.tier.${d.key}`)}`;
    case 'backlog':
      return `${t('reports.backlog.heading')}: ${t(`reports.bucket.${d.key}`)}`;
    case 'msp':
      return t('reports.mspFigure', {
        provider: d.key,
        clock: t(`reports.msp.${d.clock}`),
        outcome: t(`reports.msp.outcome.${d.outcome}`),
      });
    case 'checklists':
      return t(`reports.checklists.${d.key}`);
    case 'sla':
      return t('reports.slaFigure', {
        priority: d.key,
        clock: t(`reports.clock.${d.clock}`),
        outcome: t(`reports.outcome.${d.outcome}`),
      });
  }
}
