import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stats, time, type Stats } from './benchStats';
import { untilChecked, type Host } from './benchHost';

type Call = (method: string, input: unknown) => Promise<unknown>;
export type MonitoringResults = {
  checks: number;
  intervalSeconds: number;
  /** Wall time the checks ran, and the time it stands for at one run a minute. */
  seconds: number;
  simulatedMinutes: number;
  runs: number;
  /** CPU of the whole host process (runner, store thread, HTTP) while the checks ran, as a share of one core. */
  cpuPercent: number;
  idleCpuPercent: number;
  rssMb: number;
  peakRssMb: number;
  quiet: { board: Stats; list: Stats; create: Stats };
  busy: { board: Stats; list: Stats; create: Stats };
};

/** User + system CPU seconds of a process (Linux /proc; clock ticks of 100 Hz). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const BENCH_SYSTEM = 'Bench-Monitoring';

/** The bench desk is shared by every case: its checks and system go again when it is done (or left by a stop). */
async function removeBenchChecks(call: Call): Promise<void> {
  const { systems } = (await call('directory.systems.list', { q: BENCH_SYSTEM })) as {
    systems: { id: number; name: string }[];
  };
  for (const system of systems.filter((s) => s.name === BENCH_SYSTEM || s.name === 'Bench-Systeme')) {
    const { checks } = (await call('monitoring.checks.list', { systemId: system.id })) as {
      checks: { check: { id: number } }[];
    };
    for (const { check } of checks) await call('monitoring.checks.remove', { id: check.id });
    await call('directory.systems.remove', { id: system.id });
  }
}

const ticket = (i: number) => ({
  title: `Monitoring-Bench ${i}`,
  description: 'Bench',
  channel: 'phone',
  requester: { name: 'Bench', department: 'IT' },
  firstContact: { affectedScope: 'person', impairment: 'workaround' },
});

/**
 * 200 HTTP checks of a local server, each every 10 s (the shortest interval): 20 runs a second, six times the load
 * of 200 checks a minute, so 100 s stand for 10 minutes of the real schedule. Meanwhile the board, a list and a
 * durable create are timed, and the same before the checks start (quiet).
 */
export async function monitoringBench(
  host: Host & { call: Call },
  runs: number,
  checks = 200,
): Promise<MonitoringResults> {
  // Steady state first: the start-up integrity check (and a stopped run's checks) would count as the checks' cost.
  await untilChecked(host);
  await removeBenchChecks(host.call);
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const pid = host.child.pid!;
  const measure = async (offset: number) => ({
    board: stats(await time(runs, () => host.call('board.get', {}))),
    list: stats(
      await time(runs, () =>
        host.call('tickets.list', { filter: { open: true }, sort: { by: 'updated', dir: 'desc' }, limit: 50 }),
      ),
    ),
    create: stats(await time(runs, (i) => host.call('tickets.create', ticket(offset + i)))),
  });
  // Work the host does by itself after a start (the full integrity check, index warm-up) is over when two
  // seconds pass at under a fifth of a core; at most two minutes are waited.
  let idleCpuPercent = 100;
  for (let waited = 0; waited < 120 && idleCpuPercent > 20; waited += 2) {
    const idleFrom = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    idleCpuPercent = ((cpuSeconds(pid) - idleFrom) / 2) * 100;
  }
  const quiet = await measure(0);
  const { id: systemId } = (await host.call('directory.systems.save', {
    system: { name: BENCH_SYSTEM, kind: 'server', criticality: 'normal' },
  })) as { id: number };
  for (let i = 0; i < checks; i += 1)
    await host.call('monitoring.checks.save', {
      check: {
        systemId,
        name: `Check ${i}`,
        target: { kind: 'http', url: `http://127.0.0.1:${port}/check/${i}` },
        intervalSeconds: 10,
        timeoutSeconds: 5,
      },
    });
  const from = cpuSeconds(pid);
  const started = performance.now();
  // Warm-up: the plan is read and the first round is spread over its jitter.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const busy = await measure(runs);
  const left = 100_000 - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  const seconds = (performance.now() - started) / 1000;
  const cpuPercent = ((cpuSeconds(pid) - from) / seconds) * 100;
  const listed = (await host.call('monitoring.checks.list', { systemId })) as { checks: { check: { id: number } }[] };
  let recorded = 0;
  for (const { check } of listed.checks) {
    const h = (await host.call('monitoring.history', {
      id: check.id,
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    })) as { samples: unknown[] };
    recorded += h.samples.length;
  }
  server.close();
  const memory = memoryMb(pid);
  await removeBenchChecks(host.call);
  return {
    checks,
    intervalSeconds: 10,
    seconds,
    simulatedMinutes: (seconds * 6) / 60,
    runs: recorded,
    cpuPercent,
    idleCpuPercent,
    rssMb: memory.rss,
    peakRssMb: memory.peak,
    quiet,
    busy,
  };
}
