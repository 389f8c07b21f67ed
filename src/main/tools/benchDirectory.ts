import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstNames, lastNames, departments, random } from './seedData';
import { stats, time, type Stats } from './benchStats';

type Call = (method: string, input: unknown) => Promise<unknown>;
export type DirectoryResults = {
  people: number;
  systems: number;
  importPeopleMs: number;
  importSystemsMs: number;
  typeahead: Stats;
  oneBox: Stats;
};

/** A company list as Excel writes it: `;`, BOM, German headers; unique names and addresses. */
function csv(people: number, systems: number): { people: string; systems: string } {
  const rand = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const peopleRows = ['Name;Abteilung;E-Mail;Telefon;Standort;Rolle;VIP'];
  for (let i = 0; i < people; i += 1) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const address = `${first}.${last}.${i}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z0-9.]/g, '');
    const vip = i % 50 === 0 ? 'ja' : 'nein';
    peopleRows.push(
      `${first} ${last};${pick(departments)};${address}@example.de;+49 30 ${1000 + i};Raum ${1 + (i % 5)}.${10 + (i % 40)};;${vip}`,
    );
  }
  const systemRows = ['Name;Art;Standort;Kritikalität;Abteilungen'];
  const kinds = ['Server', 'Anwendung', 'Drucker', 'Arbeitsplatz', 'Netzwerk'];
  for (let i = 0; i < systems; i += 1)
    systemRows.push(
      `${pick(kinds)}-${String(i).padStart(4, '0')};${pick(kinds)};Raum ${i % 30};${i % 20 === 0 ? 'kritisch' : 'normal'};${pick(departments)}`,
    );
  const encode = (rows: string[]) => Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8').toString('base64');
  return { people: encode(peopleRows), systems: encode(systemRows) };
}

/**
 * Directory figures: importing 5,000 people and 2,000 systems (preview and apply, through HTTP) into an empty
 * desk, then the intake typeahead (`directory.search`) over them.
 */
export async function directoryBench(
  start: (dataDir: string) => Promise<{ call: Call; stop: () => Promise<void> }>,
  runs: number,
): Promise<DirectoryResults> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-directory-'));
  const host = await start(dir);
  try {
    const files = csv(5000, 2000);
    const importOf = async (kind: string, contentBase64: string) => {
      const started = performance.now();
      const input = { kind, fileName: `${kind}.csv`, contentBase64 };
      const preview = (await host.call('directory.import.preview', input)) as {
        token: string;
        counts: { invalid: number };
        rows: unknown[];
      };
      if (preview.counts.invalid)
        throw new Error(`${kind}: ${preview.counts.invalid} invalid rows, e.g. ${JSON.stringify(preview.rows[0])}`);
      await host.call('directory.import.apply', { ...input, token: preview.token });
      return performance.now() - started;
    };
    const importPeopleMs = await importOf('people', files.people);
    const importSystemsMs = await importOf('systems', files.systems);
    const queries = [
      'mu',
      'mül',
      'muller',
      'anna',
      'schmidt',
      'vertrieb',
      '+49 30 12',
      'server-00',
      'druck',
      'weber jo',
    ];
    // Warm up as a morning at the desk would (JIT, statement cache, the index), as the other cases do.
    for (let round = 0; round < 30; round += 1) for (const q of queries) await host.call('directory.search', { q });
    // The intake's requester box asks for people only; the directory's one box for all three kinds.
    const people = await time(runs, (i) =>
      host.call('directory.search', { q: queries[i % queries.length], kinds: ['person'] }),
    );
    const all = await time(runs, (i) => host.call('directory.search', { q: queries[i % queries.length] }));
    return {
      people: 5000,
      systems: 2000,
      importPeopleMs,
      importSystemsMs,
      typeahead: stats(people),
      oneBox: stats(all),
    };
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
