import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { networkProvider, testStore } from '../../support/store';
import { peopleCsv } from '../../support/directory';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/directory', name)).toString('base64');

let t: ReturnType<typeof testStore>;
beforeEach(() => {
  t = testStore();
});
afterEach(() => t.close());

const events = async () => (await t.call('audit.verify', {})).checked;
const people = (fileName: string, contentBase64: string) => ({ kind: 'people' as const, fileName, contentBase64 });

async function importAll(
  input: ReturnType<typeof people> | { kind: 'systems'; fileName: string; contentBase64: string },
) {
  const preview = await t.call('directory.import.preview', input);
  return { preview, result: await t.call('directory.import.apply', { ...input, token: preview.token }) };
}

describe('CSV import: real-world exports without manual mapping', () => {
  it('reads the Microsoft 365 admin centre export (UTF-8 BOM, commas, blocked sign-in as inactive)', async () => {
    const input = people('Users.csv', fixture('m365-active-users.csv'));
    const preview = await t.call('directory.import.preview', input);
    expect(preview.detected).toEqual({ format: 'm365', encoding: 'utf-8', separator: ',' });
    expect(preview.mapping).toMatchObject({
      'Display name': 'name',
      'User principal name': 'email',
      Department: 'department',
      'Phone number': 'phone',
      Office: 'location',
      Title: 'role',
      'Block credential': 'blocked',
    });
    expect(preview.counts).toEqual({ new: 3, changed: 0, unchanged: 0, invalid: 0 });
    expect(preview.unknownColumns).toContain('Licenses');
    await t.call('directory.import.apply', { ...input, token: preview.token });
    const { people: all } = await t.call('directory.people.list', { includeInactive: true });
    const joerg = all.find((p) => p.name === 'Jörg Weiß')!;
    expect(joerg).toMatchObject({ active: false, role: 'Einkäufer, Teamleitung', source: 'csv' });
    expect(all.find((p) => p.name === 'Anna Müller')).toMatchObject({
      email: 'anna.mueller@example.de',
      phone: '+49 30 1234-101',
      location: 'Raum 2.14',
    });
  });

  it('reads a Get-ADUser | Export-Csv file (#TYPE line, every cell quoted), Enabled=False as inactive', async () => {
    const preview = await t.call('directory.import.preview', people('ad.csv', fixture('ad-users.csv')));
    expect(preview.detected.format).toBe('ad');
    expect(preview.mapping).toMatchObject({
      DisplayName: 'name',
      EmailAddress: 'email',
      OfficePhone: 'phone',
      Enabled: 'active',
    });
    expect(preview.counts.new).toBe(3);
    await t.call('directory.import.apply', { ...people('ad.csv', fixture('ad-users.csv')), token: preview.token });
    const { people: all } = await t.call('directory.people.list', { includeInactive: true });
    expect(all.find((p) => p.name === 'Praktikant 2024')).toMatchObject({ active: false, email: '' });
  });

  it('reads Excel on a German Windows: Windows-1252, semicolons, quoted separators, German headers', async () => {
    const { preview } = await importAll(people('Personen.csv', fixture('excel-personen-1252.csv')));
    expect(preview.detected).toMatchObject({ encoding: 'windows-1252', separator: ';' });
    expect(preview.mapping).toMatchObject({ Büro: 'location', Funktion: 'role', VIP: 'vip' });
    const { hits } = await t.call('directory.search', { q: 'grosz' });
    expect(hits).toEqual([]);
    const { people: all } = await t.call('directory.people.list', {});
    expect(all.find((p) => p.email === 'j.groess@example.de')).toMatchObject({ name: 'Jürgen Größ', vip: true });
    expect(all.find((p) => p.email === 'jonas.weber@example.de')).toMatchObject({ location: 'Raum 1.10, Lager' });
  });

  it('imports systems after their people and providers; unknown owners are named per row', async () => {
    const systems = { kind: 'systems' as const, fileName: 'systeme.csv', contentBase64: fixture('systeme.csv') };
    const early = await t.call('directory.import.preview', systems);
    expect(early.counts.invalid).toBe(2);
    expect(early.rows[0]).toMatchObject({ line: 2, status: 'invalid' });
    expect(early.rows[0]!.reason?.de).toContain('petra.hahn@example.de');
    await importAll(people('Personen.csv', fixture('excel-personen-1252.csv')));
    await t.call('msp.providers.save', { provider: networkProvider });
    const { preview } = await importAll(systems);
    expect(preview.counts).toMatchObject({ new: 3, invalid: 0 });
    const { systems: all } = await t.call('directory.systems.list', {});
    expect(all.find((s) => s.name === 'ERP')).toMatchObject({
      kind: 'application',
      criticality: 'critical',
      departments: ['Buchhaltung', 'Vertrieb'],
    });
    expect(all.find((s) => s.name === 'FS01')).toMatchObject({ providerId: 'netzwerk-partner', kind: 'server' });
  });
});

describe('CSV import: dry run, changes, all or nothing', () => {
  it('writes nothing in a preview; a second import of the same file is unchanged; an edit is "changed"', async () => {
    const input = people(
      'p.csv',
      peopleCsv(['Lea Vogt;Vertrieb;lea.vogt@example.de;+49 30 1', 'Sabine Roth;Personal;sabine.roth@example.de;']),
    );
    const before = await events();
    await t.call('directory.import.preview', input);
    expect(await events()).toBe(before);
    expect((await t.call('directory.people.list', {})).total).toBe(0);
    await importAll(input);
    expect(await events()).toBe(before + 2);
    const again = await t.call('directory.import.preview', input);
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 2, invalid: 0 });
    const edited = people('p.csv', peopleCsv(['Lea Vogt;Innendienst;LEA.VOGT@example.de;+49 30 1']));
    const changed = await t.call('directory.import.preview', edited);
    expect(changed.rows).toEqual([
      { line: 2, status: 'changed', name: 'Lea Vogt', reason: null, changes: ['department', 'email'] },
    ]);
  });

  it('reports each bad row with its line and reason in both languages; apply then writes nothing at all', async () => {
    const input = people(
      'p.csv',
      peopleCsv([
        'Lea Vogt;Vertrieb;lea.vogt@example.de;1',
        ';Vertrieb;ohne.name@example.de;2',
        'Lea V.;Vertrieb;Lea.Vogt@example.de;3',
        'Max Formel;=HYPERLINK("http://evil.example");max@example.de;4',
        'Kaputt;Einkauf;kein-at-zeichen;5',
      ]),
    );
    const preview = await t.call('directory.import.preview', input);
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 4 });
    const reasons = Object.fromEntries(
      preview.rows.filter((r) => r.status === 'invalid').map((r) => [r.line, r.reason!.de]),
    );
    expect(reasons[3]).toBe('Name: darf nicht leer sein');
    expect(reasons[4]).toBe('doppelt in der Datei (wie Zeile 2)');
    expect(reasons[5]).toBe('Abteilung: eine Formel statt eines Werts (in Excel als Wert einfügen)');
    expect(reasons[6]).toMatch(/E-Mail/);
    const before = await events();
    const outcome = await t.dispatch('directory.import.apply', { ...input, token: preview.token }, 'de');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!outcome.ok) expect(outcome.error.message).toContain('zuerst Zeile 3');
    expect(await events()).toBe(before);
    expect((await t.call('directory.people.list', {})).total).toBe(0);
  });

  it('refuses to apply a state other than the one previewed', async () => {
    const input = people('p.csv', peopleCsv(['Lea Vogt;Vertrieb;lea.vogt@example.de;1']));
    const preview = await t.call('directory.import.preview', input);
    await t.call('directory.people.save', {
      person: { name: 'Lea Vogt', email: 'lea.vogt@example.de', department: 'IT' },
    });
    const outcome = await t.dispatch('directory.import.apply', { ...input, token: preview.token }, 'en');
    expect(outcome).toMatchObject({ ok: false, status: 409, error: { code: 'conflict' } });
    expect((await t.call('directory.people.list', {})).people[0]).toMatchObject({ department: 'IT' });
  });

  it('takes a mapping from the user: a column renamed, another left out', async () => {
    const csv = Buffer.from('Mitarbeiter:in;Kostenstelle;Mail\r\nLea Vogt;4711;lea@example.de\r\n').toString('base64');
    const auto = await t.call('directory.import.preview', people('p.csv', csv));
    expect(auto.mapping).toEqual({ 'Mitarbeiter:in': 'name', Kostenstelle: '', Mail: 'email' });
    const mapped = await t.call('directory.import.preview', {
      ...people('p.csv', csv),
      mapping: { Kostenstelle: 'notes' },
    });
    await t.call('directory.import.apply', {
      ...people('p.csv', csv),
      mapping: { Kostenstelle: 'notes' },
      token: mapped.token,
    });
    expect((await t.call('directory.people.list', {})).people[0]).toMatchObject({ notes: '4711' });
  });
});

describe('CSV import: files that cannot be read are refused with a clear reason', () => {
  const refuse = async (contentBase64: string, message: RegExp) => {
    const outcome = await t.dispatch('directory.import.preview', people('p.csv', contentBase64), 'de');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(message);
  };
  it('broken quoting names the row', () =>
    refuse(
      Buffer.from('Name;E-Mail\r\nLea;lea@x.de\r\n"Sabine;s@x.de\r\nMax;m@x.de\r\n').toString('base64'),
      /Zeile 3: Anführungszeichen/,
    ));
  it('an empty file', () => refuse('', /leer/));
  it('a binary file (an .xlsx saved under .csv)', () =>
    refuse(
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]).toString('base64'),
      /keine CSV-Datei/,
    ));
  it('100,000 rows', () =>
    refuse(Buffer.from(`Name\r\n${'Lea\r\n'.repeat(100_000)}`).toString('base64'), /Zu viele Zeilen: höchstens 20000/));
  it('a 50 MB file, refused before it is read', async () => {
    const huge = 'A'.repeat(Math.ceil((50 * 1024 * 1024) / 3) * 4);
    const outcome = await t.dispatch('directory.import.preview', people('p.csv', huge), 'de');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/höchstens 5 MB/);
  });
});

describe('CSV export', () => {
  it('is Excel-ready (BOM, semicolons, formula-like cells neutralised) and imports back unchanged', async () => {
    await t.call('directory.people.save', {
      person: { name: 'Anna Müller', email: 'anna@example.de', phone: '+49 30 1', notes: '=1+1; "zitiert"', vip: true },
    });
    await t.call('directory.people.save', { person: { name: '@Team IT', department: '-' } });
    const exported = await t.call('directory.export', { kind: 'people' });
    expect(exported.fileName).toMatch(/^Leitstand-Personen-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = Buffer.from(exported.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(
      '"Name";"Abteilung";"E-Mail";"Telefon";"Standort";"Rolle";"VIP";"Aktiv";"Notizen"',
    );
    expect(text).toContain(`"'+49 30 1"`);
    expect(text).toContain(`"'=1+1; ""zitiert"""`);
    expect(text).toContain(`"'@Team IT"`);
    const again = await t.call('directory.import.preview', people('back.csv', exported.contentBase64));
    // The apostrophe marks text: it comes back as the value it protected.
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 2, invalid: 0 });
  });

  it.each(['de', 'en'] as const)(
    'exports systems in %s that import back unchanged (kinds and criticality by name)',
    async (language) => {
      await t.call('settings.update', { patch: { language } });
      for (const [name, kind, criticality] of [
        ['ERP', 'application', 'critical'],
        ['AWS', 'cloud', 'important'],
        ['Drucker 2. OG', 'printer', 'normal'],
      ] as const)
        await t.call('directory.systems.save', { system: { name, kind, criticality } });
      const exported = await t.call('directory.export', { kind: 'systems' });
      const again = await t.call('directory.import.preview', {
        kind: 'systems',
        fileName: 's.csv',
        contentBase64: exported.contentBase64,
      });
      expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 0 });
    },
  );
});
