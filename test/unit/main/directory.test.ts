import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anna, erp, floorPrinter } from '../../support/directory';
import { networkProvider, outlookTicket, testStore } from '../../support/store';

let t: ReturnType<typeof testStore>;
beforeEach(() => {
  t = testStore();
});
afterEach(() => t.close());

const events = async () => (await t.call('audit.verify', {})).checked;

describe('directory: people, departments, systems', () => {
  it('saves, lists, finds diacritics-insensitively and removes a person, each change in the log', async () => {
    const before = await events();
    const saved = await t.call('directory.people.save', { person: anna });
    expect(saved.id).toBeGreaterThan(0);
    expect(saved).toMatchObject({ name: 'Anna Müller', vip: true, source: 'manual' });
    for (const q of ['Muller', 'müller', 'MUELLER', 'anna.mueller', '1234-101', 'vertrieb', 'ann mül']) {
      const { hits } = await t.call('directory.search', { q });
      expect(
        hits.map((h) => h.label),
        q,
      ).toEqual(['Anna Müller']);
    }
    expect((await t.call('directory.search', { q: 'Meier' })).hits).toEqual([]);
    expect((await t.call('directory.people.list', {})).people).toHaveLength(1);
    await t.call('directory.people.remove', { id: saved.id });
    expect((await t.call('directory.people.list', {})).people).toHaveLength(0);
    expect(await events()).toBe(before + 2);
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a second person with the same e-mail (any case), naming who has it, and writes nothing', async () => {
    await t.call('directory.people.save', { person: anna });
    const before = await events();
    const outcome = await t.dispatch(
      'directory.people.save',
      { person: { name: 'A. Müller', email: 'Anna.Mueller@Example.de' } },
      'de',
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Diese E-Mail-Adresse hat schon Anna Müller.' },
    });
    expect(await events()).toBe(before);
  });

  it('refuses an unknown id, owner or provider with a clear error', async () => {
    const missing = await t.dispatch('directory.people.save', { person: { ...anna, id: 99 } }, 'de');
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const owner = await t.dispatch('directory.systems.save', { system: { ...erp, ownerId: 42 } }, 'de');
    expect(owner).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Person 42 steht nicht im Verzeichnis.' },
    });
    const provider = await t.dispatch('directory.systems.save', { system: { ...erp, providerId: 'nobody' } }, 'en');
    expect(provider).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('counts department sizes from the active people and refuses a duplicate name', async () => {
    await t.call('directory.departments.save', { department: { name: 'Vertrieb', head: 'Anna Müller' } });
    await t.call('directory.people.save', { person: anna });
    await t.call('directory.people.save', { person: { name: 'Jonas Weber', department: 'vertrieb', active: false } });
    await t.call('directory.people.save', { person: { name: 'Lea Vogt', department: 'Vertrieb' } });
    const { departments } = await t.call('directory.departments.list', {});
    expect(departments).toMatchObject([{ name: 'Vertrieb', size: 2 }]);
    const again = await t.dispatch('directory.departments.save', { department: { name: 'VERTRIEB' } }, 'en');
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '"Vertrieb" exists already.' } });
  });
});

describe('directory at the desk', () => {
  it('a critical system raises the impact and names why; a VIP raises it one level', async () => {
    const system = await t.call('directory.systems.save', { system: erp });
    const printer = await t.call('directory.systems.save', { system: floorPrinter });
    const person = await t.call('directory.people.save', { person: { ...anna, vip: false } });
    const plain = await t.call('tickets.create', {
      ...outlookTicket,
      requester: { name: person.name, personId: person.id },
      firstContact: { ...outlookTicket.firstContact, systemIds: [printer.id] },
    });
    expect(plain.triage.suggested).toMatchObject({ impact: 'low', impactFrom: 'scope', raisedBy: null });
    const erpTicket = await t.call('tickets.create', {
      ...outlookTicket,
      requester: { name: person.name, personId: person.id },
      firstContact: { ...outlookTicket.firstContact, systemIds: [printer.id, system.id] },
    });
    expect(erpTicket.triage.suggested).toMatchObject({ impact: 'high', impactFrom: 'criticalSystem', raisedBy: 'ERP' });
    expect(erpTicket.triage.priority).not.toBe(plain.triage.priority);
    await t.call('directory.people.save', { person: { ...person, vip: true } });
    const vip = await t.call('tickets.create', {
      ...outlookTicket,
      requester: { name: person.name, personId: person.id },
    });
    expect(vip.triage.suggested).toMatchObject({ impact: 'medium', impactFrom: 'vip', raisedBy: 'Anna Müller' });
  });

  it('shows the person’s other tickets and each system’s open tickets; removal keeps the tickets readable', async () => {
    const system = await t.call('directory.systems.save', { system: { ...erp, providerId: '' } });
    const person = await t.call('directory.people.save', { person: anna });
    const make = () =>
      t.call('tickets.create', {
        ...outlookTicket,
        requester: { name: person.name, personId: person.id },
        firstContact: { ...outlookTicket.firstContact, systemIds: [system.id] },
      });
    const first = await make();
    const second = await make();
    await t.call('tickets.transition', { id: first.id, to: 'resolved', resolution: 'erledigt' });
    const view = await t.call('directory.forTicket', { ticketId: second.id });
    expect(view.person?.recentTickets.map((s) => s.id)).toEqual([first.id]);
    expect(view.systems[0]!.openTickets).toEqual([]);
    expect((await t.call('directory.systems.get', { id: system.id })).openTickets.map((s) => s.id)).toEqual([
      second.id,
    ]);
    expect((await t.call('directory.people.get', { id: person.id })).tickets).toHaveLength(2);
    await t.call('directory.people.remove', { id: person.id });
    await t.call('directory.systems.remove', { id: system.id });
    const kept = await t.call('tickets.get', { id: second.id });
    expect(kept.ticket.requester.name).toBe('Anna Müller');
    expect(await t.call('directory.forTicket', { ticketId: second.id })).toEqual({ person: null, systems: [] });
  });

  it('refuses a ticket naming an unknown person or system, writing nothing', async () => {
    const before = await events();
    const outcome = await t.dispatch(
      'tickets.create',
      { ...outlookTicket, firstContact: { ...outlookTicket.firstContact, systemIds: [77] } },
      'de',
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await events()).toBe(before);
  });

  it('keeps a system’s provider for the forward dialog', async () => {
    await t.call('msp.providers.save', { provider: networkProvider });
    const system = await t.call('directory.systems.save', { system: { ...erp, providerId: networkProvider.id } });
    const ticket = await t.call('tickets.create', {
      ...outlookTicket,
      firstContact: { ...outlookTicket.firstContact, systemIds: [system.id] },
    });
    const view = await t.call('directory.forTicket', { ticketId: ticket.id });
    expect(view.systems[0]!.system.providerId).toBe(networkProvider.id);
  });

  it('filters the list and the board by person, system or department', async () => {
    const system = await t.call('directory.systems.save', { system: erp });
    const person = await t.call('directory.people.save', { person: anna });
    const mine = await t.call('tickets.create', {
      ...outlookTicket,
      requester: { name: person.name, personId: person.id, department: 'Vertrieb' },
      firstContact: { ...outlookTicket.firstContact, systemIds: [system.id] },
    });
    const other = await t.call('tickets.create', {
      ...outlookTicket,
      requester: { name: 'Jonas Weber', department: 'Einkauf' },
    });
    const ids = async (filter: Record<string, unknown>) =>
      (await t.call('tickets.list', { filter, sort: { by: 'number', dir: 'asc' } })).items.map((i) => i.id);
    expect(await ids({ personId: person.id })).toEqual([mine.id]);
    expect(await ids({ systemId: system.id })).toEqual([mine.id]);
    expect(await ids({ department: 'einkauf' })).toEqual([other.id]);
    const board = await t.call('board.get', { filter: { systemId: system.id } });
    const onBoard = board.cells.flatMap((c) => c.cards.map((card) => card.id));
    expect(onBoard).toEqual([mine.id]);
  });

  it('remembers the LDAP server in the settings, but never a password', async () => {
    expect((await t.call('settings.get', {})).ldap).toEqual({
      url: '',
      bindDn: '',
      baseDn: '',
      filter: '(objectClass=person)',
    });
    const ldap = {
      url: 'ldap://dc01.example.local',
      bindDn: 'cn=reader',
      baseDn: 'dc=example,dc=local',
      filter: '(objectClass=user)',
    };
    await t.call('settings.update', { patch: { ldap } });
    expect((await t.call('settings.get', {})).ldap).toEqual(ldap);
    const outcome = await t.dispatch('settings.update', { patch: { ldap: { ...ldap, password: 'geheim' } } }, 'en');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
