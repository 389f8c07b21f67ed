import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useTranslation } from 'react-i18next';

const WIDTH = 96;
const HEIGHT = 20;

/** The latencies of the last runs as a small line (visx); a failed run is a mark on the floor, not a gap only. */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const { t } = useTranslation();
  if (!values.length) return <span className="muted">–</span>;
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const x = scaleLinear({ domain: [0, Math.max(1, values.length - 1)], range: [1, WIDTH - 1] });
  const y = scaleLinear({ domain: [0, max], range: [HEIGHT - 2, 2] });
  const points = values.map((v, i) => ({ i, v }));
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('monitoring.sparkline', { count: values.length })}
    >
      <LinePath
        data={points}
        x={(p) => x(p.i)}
        y={(p) => y(p.v ?? 0)}
        defined={(p) => p.v !== null}
        className="sparkline-line"
      />
      {points
        .filter((p) => p.v === null)
        .map((p) => (
          <rect key={p.i} className="sparkline-fail" x={x(p.i) - 1.5} y={HEIGHT - 5} width={3} height={5} />
        ))}
    </svg>
  );
}
