import { stats, time, type Stats } from './benchStats';

type Call = (method: string, input: unknown) => Promise<unknown>;
export type ProblemResults = {
  /** Tickets in the patterns found at first. */
  window: number;
  firstListMs: number;
  patterns: number;
  /** A new ticket, then the pattern list: the ticket's detection (compared with the window) and the grouping. */
  createThenList: Stats;
  /** The same new tickets without the list (the durable write alone, to subtract). */
  createOnly: Stats;
  /** The pattern list with nothing changed in between. */
  list: Stats;
  /** Open problems an intake reads like, as it is typed. */
  suggest: Stats;
};

const reports = [
  ['VPN bricht im Homeoffice ab', 'FortiClient trennt die Verbindung alle paar Minuten.'],
  ['Drucker im 2. OG druckt nicht', 'Aufträge bleiben in der Warteschlange hängen.'],
  ['Outlook fragt ständig nach dem Passwort', 'Die Kennwortabfrage kommt immer wieder.'],
  ['SAP sehr langsam beim Buchen', 'Jede Transaktion dauert Minuten.'],
] as const;

/** Pattern detection on the seeded desk, through HTTP: the first list (index built), per new ticket, intake. */
export async function problemsBench(host: { call: Call }, runs: number): Promise<ProblemResults> {
  const started = performance.now();
  const first = (await host.call('problems.patterns.list', { limit: 200 })) as { patterns: { ticketIds: number[] }[] };
  const firstListMs = performance.now() - started;
  const ticket = (i: number) => {
    const [title, description] = reports[i % reports.length] as readonly [string, string];
    return {
      title: `${title} (${i})`,
      description,
      channel: 'phone',
      requester: { name: `Bench ${i % 37}`, department: 'Vertrieb' },
      firstContact: { affectedScope: 'person', impairment: 'workaround' },
      category: 'network',
    };
  };
  const createThenList = await time(runs, async (i) => {
    await host.call('tickets.create', ticket(i));
    await host.call('problems.patterns.list', { limit: 50 });
  });
  const createOnly = await time(runs, (i) => host.call('tickets.create', ticket(i + runs * 2)));
  const list = await time(runs, () => host.call('problems.patterns.list', { limit: 50 }));
  // A problem to match against, made from the largest pattern.
  const largest = first.patterns[0];
  if (largest) await host.call('problems.fromPattern', { ticketIds: largest.ticketIds.slice(0, 50), title: 'Bench' });
  const suggest = await time(runs, (i) =>
    host.call('problems.suggest', { title: reports[i % reports.length]?.[0] ?? '', description: 'seit heute' }),
  );
  return {
    window: first.patterns.reduce((n, p) => n + p.ticketIds.length, 0),
    firstListMs,
    patterns: first.patterns.length,
    createThenList: stats(createThenList),
    createOnly: stats(createOnly),
    list: stats(list),
    suggest: stats(suggest),
  };
}
