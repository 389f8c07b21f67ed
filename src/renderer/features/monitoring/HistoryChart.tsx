import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scaleTime } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTH = 1000;
const HEIGHT = 200;
const MARGIN = { top: 8, right: 8, bottom: 22, left: 44 };

export type HistoryPoint = { at: number; latency: number | null; max: number | null; failed: number; runs: number };

/**
 * A check's history with visx (as the reports' trend): the response time as a line (hourly values: mean, with the
 * maximum dashed), failed runs as marks along the floor, so an outage reads without colour.
 */
export function HistoryChart({ points, from, to }: { points: HistoryPoint[]; from: number; to: number }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleTime({ domain: [new Date(from), new Date(to)], range: [0, innerWidth] });
  const top = Math.max(1, ...points.map((p) => Math.max(p.latency ?? 0, p.max ?? 0)));
  const y = scaleLinear({ domain: [0, top], range: [innerHeight, 0], nice: true });
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const span = to - from;
  const tick = new Intl.DateTimeFormat(
    locale,
    span > 2 * 86_400_000 ? { day: '2-digit', month: '2-digit' } : { hour: '2-digit', minute: '2-digit' },
  );
  const failWidth = Math.max(2, innerWidth / Math.max(60, points.length));
  return (
    <figure className="history-chart" data-testid="history-chart">
      <figcaption id={titleId}>{t('monitoring.page.chart')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} focusable="false">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {points
            .filter((p) => p.failed > 0)
            .map((p) => (
              <Bar
                key={`f${p.at}`}
                className="history-fail"
                x={x(new Date(p.at)) - failWidth / 2}
                y={innerHeight - 10}
                width={failWidth}
                height={10}
              />
            ))}
          <LinePath
            data={points}
            x={(p) => x(new Date(p.at))}
            y={(p) => y(p.latency ?? 0)}
            defined={(p) => p.latency !== null}
            className="history-line"
          />
          {points.length <= 300
            ? points
                .filter((p) => p.latency !== null)
                .map((p) => (
                  <circle
                    key={`p${p.at}`}
                    className="history-dot"
                    cx={x(new Date(p.at))}
                    cy={y(p.latency ?? 0)}
                    r={2.5}
                  />
                ))
            : null}
          {points.some((p) => p.max !== null) ? (
            <LinePath
              data={points}
              x={(p) => x(new Date(p.at))}
              y={(p) => y(p.max ?? 0)}
              defined={(p) => p.max !== null}
              className="history-max"
            />
          ) : null}
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(v) => `${String(v)} ms`}
            tickClassName="trend-tick"
            hideAxisLine
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            numTicks={8}
            tickFormat={(v) => tick.format(v as Date)}
            tickClassName="trend-tick"
          />
        </Group>
      </svg>
    </figure>
  );
}
