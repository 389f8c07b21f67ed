import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drilldown, Figures, Period } from '../../../shared/domain/report';

const WIDTH = 1000;
const HEIGHT = 170;
const MARGIN = { top: 8, right: 8, bottom: 22, left: 32 };
/** At most this many labels under the axis (a month of days would crowd it). */
const LABELS = 12;

type Props = { series: Figures['series']; period: Period; onOpen: (period: Period, d: Drilldown) => void };

/**
 * Opened and resolved per day, week or month, drawn with visx as SVG: crisp in print; the two series told apart
 * by fill and outline (not by colour), so the chart reads the same in grey scale. A bar opens exactly its tickets;
 * the numbers are also a table for screen readers.
 */
export function TrendChart({ series, period, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const label = new Intl.DateTimeFormat(
    locale,
    series.unit === 'month'
      ? { month: 'short', year: '2-digit', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', timeZone: 'UTC' },
  );
  const name = (from: string) => label.format(new Date(`${from}T00:00:00Z`));
  const points = series.points;
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand({ domain: points.map((p) => p.from), range: [0, innerWidth], padding: 0.2 });
  const max = Math.max(1, ...points.map((p) => Math.max(p.opened, p.resolved)));
  const y = scaleLinear({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const half = x.bandwidth() / 2;
  const every = Math.ceil(points.length / LABELS);
  /** The bucket of a point as a period of its own: from its first day to the day before the next bucket. */
  const bucketPeriod = (i: number): Period => {
    const next = points[i + 1]?.from;
    const to = next ? new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : period.to;
    return { from: points[i]?.from ?? period.from, to };
  };
  return (
    <section className="report-card report-trend" data-testid="report-trend">
      <header>
        <h2 id={titleId}>{t(`reports.trend.heading.${series.unit}`)}</h2>
        <span className="trend-legend" aria-hidden="true">
          <span className="swatch opened" /> {t('reports.kpi.opened')}
          <span className="swatch resolved" /> {t('reports.kpi.resolved')}
        </span>
      </header>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="trend-chart"
        role="img"
        aria-labelledby={titleId}
        focusable="false"
      >
        <Group left={MARGIN.left} top={MARGIN.top}>
          {points.map((p, i) => {
            const left = x(p.from) ?? 0;
            return (
              <g key={p.from}>
                {(['opened', 'resolved'] as const).map((kind, k) => (
                  <Bar
                    key={kind}
                    className={`trend-bar ${kind}`}
                    x={left + k * half}
                    y={y(p[kind])}
                    width={Math.max(1, half - 1)}
                    height={innerHeight - y(p[kind])}
                    onClick={() => onOpen(bucketPeriod(i), { figure: kind })}
                  >
                    <title>{`${name(p.from)}: ${t(`reports.kpi.${kind}`)} ${p[kind]}`}</title>
                  </Bar>
                ))}
              </g>
            );
          })}
          <AxisLeft scale={y} numTicks={4} tickFormat={(v) => String(v)} tickClassName="trend-tick" hideAxisLine />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={points.filter((_, i) => i % every === 0).map((p) => p.from)}
            tickFormat={(v) => name(String(v))}
            tickClassName="trend-tick"
          />
        </Group>
      </svg>
      <table className="visually-hidden">
        <caption>{t(`reports.trend.heading.${series.unit}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`reports.trend.unit.${series.unit}`)}</th>
            <th scope="col">{t('reports.kpi.opened')}</th>
            <th scope="col">{t('reports.kpi.resolved')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.from}>
              <th scope="row">{name(p.from)}</th>
              <td>{p.opened}</td>
              <td>{p.resolved}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
