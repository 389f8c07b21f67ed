export type Stats = { p50: number; p95: number; max: number; runs: number };

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, runs: sorted.length };
}

/** Times `runs` calls after a warm-up of a fifth as many (JIT, caches), which are not counted. */
export async function time(
  runs: number,
  work: (i: number) => unknown,
  warmUp = Math.ceil(runs / 5),
): Promise<number[]> {
  for (let i = 0; i < warmUp; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export const ms = (value: number): string => value.toFixed(value < 10 ? 2 : 1);
