import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../shared/contract';
import {
  presetPeriod,
  type Drilldown,
  type Figures,
  type Period,
  type PeriodPreset,
} from '../../../shared/domain/report';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDate } from '../../components/format';
import { downloadBase64, downloadBlob } from '../../local/download';
import { useUi } from '../../state/ui';
import { CountTable, SlaTable, TimesTable } from './DashboardTables';
import { ChecklistUse, MspTable } from './DashboardMsp';
import { AvailabilityTable } from './DashboardAvailability';
import { MonthlyReport } from './MonthlyReport';
import { TicketExport } from './TicketExport';
import { TrendChart } from './TrendChart';
import './reports.css';

const PRESETS: PeriodPreset[] = ['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'quarter', 'year'];
const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** The desk's figures for a period, each beside the period before it and each opening exactly its tickets. */
export function DashboardView() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('lastMonth');
  const [custom, setCustom] = useState<Period>(() => presetPeriod('lastMonth', berlinToday()));
  const period = preset === 'custom' ? custom : presetPeriod(preset, berlinToday());
  const report = useQuery('reports.dashboard', { period }, (c) => c.entity === 'ticket' || c.entity === 'problem');
  const open = (drilldown: Drilldown) => navigate({ name: 'tickets', report: { period, drilldown } });
  const exportTable = async (table: MethodInput<'reports.export'>['table'], format: 'csv' | 'xlsx') => {
    try {
      const file = await client.call('reports.export', {
        period,
        table,
        format,
        language: i18n.language === 'en' ? 'en' : 'de',
      });
      if ('text' in file) downloadBlob(file.fileName, new Blob([file.text], { type: file.mimeType }));
      else downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const data = report.data;
  return (
    <div className="dashboard-view">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('reports.heading')}</h1>
        <div className="kb-filters" role="group" aria-label={t('reports.period')}>
          {PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={preset === p}
              className={preset === p ? 'on' : ''}
              onClick={() => setPreset(p)}
            >
              {t(`reports.preset.${p}`)}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={preset === 'custom'}
            className={preset === 'custom' ? 'on' : ''}
            onClick={() => {
              setCustom(period);
              setPreset('custom');
            }}
          >
            {t('reports.preset.custom')}
          </button>
        </div>
        {preset === 'custom' ? (
          <span className="report-custom">
            <input
              type="date"
              aria-label={t('reports.from')}
              value={custom.from}
              onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
            />
            –
            <input
              type="date"
              aria-label={t('reports.to')}
              value={custom.to}
              onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
            />
          </span>
        ) : null}
      </header>
      {report.error ? <div className="banner error">{report.error.message}</div> : null}
      {data ? (
        <>
          <div className="report-period-row">
            <p className="muted report-period" data-testid="report-period">
              {t('reports.showing', { from: formatDate(data.period.from), to: formatDate(data.period.to) })}
              {data.previous
                ? ` · ${t('reports.comparedWith', { from: formatDate(data.previous.from), to: formatDate(data.previous.to) })}`
                : ''}
            </p>
            <TicketExport period={data.period} />
          </div>
          <Kpis current={data.current} before={data.before} onOpen={open} />
          <TrendChart
            series={data.current.series}
            period={data.period}
            onOpen={(bucket, drilldown) => navigate({ name: 'tickets', report: { period: bucket, drilldown } })}
          />
          <MonthlyReport />
          <div className="report-grid">
            <SlaTable figures={data.current} onOpen={open} onExport={(format) => void exportTable('sla', format)} />
            <TimesTable figures={data.current} onExport={(format) => void exportTable('times', format)} />
            <CountTable
              title={t('reports.backlog.heading')}
              hint={t('reports.backlog.hint')}
              rows={data.current.backlog.map((b) => ({
                key: b.bucket,
                label: t(`reports.bucket.${b.bucket}`),
                count: b.count,
              }))}
              onOpen={(key) => open({ figure: 'backlog', key: key as never })}
              onExport={(format) => void exportTable('backlog', format)}
              testId="report-backlog"
            />
            <CountTable
              title={t('reports.tiers.heading')}
              hint={t('reports.tiers.hint')}
              rows={data.current.tiers.map((r) => ({
                key: r.tier,
                label: t(`reports.tier.${r.tier}`),
                count: r.count,
              }))}
              onOpen={(key) => open({ figure: 'tier', key: key as never })}
              onExport={(format) => void exportTable('tiers', format)}
            />
            {(['priority', 'category', 'channel', 'department', 'system'] as const).map((dimension) => (
              <CountTable
                key={dimension}
                title={t(`reports.by.${dimension}`)}
                hint={t('reports.openedHint')}
                rows={dimensionRows(data.current, dimension, t)}
                onOpen={(key) => open({ figure: dimension, key } as Drilldown)}
                onExport={(format) => void exportTable('dimensions', format)}
              />
            ))}
            <AvailabilityTable
              figures={data.current}
              before={data.before}
              onOpen={open}
              onExport={(format) => void exportTable('availability', format)}
            />
            <MspTable figures={data.current} onOpen={open} onExport={(format) => void exportTable('msp', format)} />
            <ChecklistUse
              figures={data.current}
              onOpen={open}
              onExport={(format) => void exportTable('checklists', format)}
            />
            <section className="report-card">
              <h2>{t('reports.problems')}</h2>
              {data.current.problems.length ? (
                <ul>
                  {data.current.problems.map((p) => (
                    <li key={p.id}>
                      <a href={`#/problems/${p.id}`}>{p.title}</a> · {t('reports.incidents', { count: p.incidents })}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('reports.noProblems')}</p>
              )}
            </section>
          </div>
        </>
      ) : null}
    </div>
  );
}

function dimensionRows(
  f: Figures,
  dimension: 'priority' | 'category' | 'channel' | 'department' | 'system',
  t: (key: string) => string,
) {
  switch (dimension) {
    case 'priority':
      return f.byPriority;
    case 'category':
      return f.byCategory.map((r) => ({
        ...r,
        label: r.key === 'none' ? t('reports.none') : t(`labels:category.${r.key}`),
      }));
    case 'channel':
      return f.byChannel.map((r) => ({ ...r, label: t(`labels:channel.${r.key}`) }));
    case 'department':
      return f.byDepartment;
    case 'system':
      return f.bySystem;
  }
}

function Kpis({
  current,
  before,
  onOpen,
}: {
  current: Figures;
  before: Figures | null;
  onOpen: (d: Drilldown) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const rate = (f: Figures) => (f.reopen.resolved ? (100 * f.reopen.reopened) / f.reopen.resolved : 0);
  const tiles = [
    { key: 'opened', value: current.opened, previous: before?.opened },
    { key: 'resolved', value: current.resolved, previous: before?.resolved },
    { key: 'openAtEnd', value: current.openAtEnd, previous: before?.openAtEnd },
    { key: 'reopened', value: rate(current), previous: before ? rate(before) : undefined, percent: true },
  ] as const;
  return (
    <div className="report-kpis">
      {tiles.map((tile) => {
        const delta = tile.previous === undefined ? null : tile.value - tile.previous;
        const arrow = delta === null || delta === 0 ? '→' : delta > 0 ? '↑' : '↓';
        return (
          <button
            key={tile.key}
            type="button"
            className="report-kpi"
            onClick={() => onOpen({ figure: tile.key })}
            data-testid={`kpi-${tile.key}`}
          >
            <span className="report-kpi-label">{t(`reports.kpi.${tile.key}`)}</span>
            <span className="report-kpi-value">
              {number.format(tile.value)}
              {'percent' in tile ? ' %' : ''}
            </span>
            {tile.previous !== undefined ? (
              <span className="muted">
                {arrow}{' '}
                {t('reports.before', { value: `${number.format(tile.previous)}${'percent' in tile ? ' %' : ''}` })}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
