import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../src/shared/contract';
import { handClock, outlookTicket, testStore } from '../../support/store';

const clock = handClock('2026-11-23T08:00:00Z');
let t: ReturnType<typeof testStore>;
beforeEach(() => {
  clock.set('2026-11-23T08:00:00Z');
  t = testStore(clock.now);
});
afterEach(() => t.close());

const vpn = (name: string, title: string, description: string): MethodInput<'tickets.create'> => ({
  ...outlookTicket,
  title,
  description,
  requester: { name, department: 'Vertrieb', phone: '', email: `${name.split(' ')[0]?.toLowerCase()}@example.de` },
  firstContact: { ...outlookTicket.firstContact, affectedSystems: 'VPN' },
  category: 'network',
});
const threeVpn = async () => {
  const a = await t.call(
    'tickets.create',
    vpn('Anna Becker', 'VPN bricht ständig ab', 'Im Homeoffice trennt sich das VPN alle paar Minuten.'),
  );
  const b = await t.call(
    'tickets.create',
    vpn('Jonas Weber', 'VPN trennt sich dauernd', 'FortiClient VPN verliert im Homeoffice die Verbindung.'),
  );
  const c = await t.call(
    'tickets.create',
    vpn('Mia Bauer', 'VPN connection drops', 'Working from home the VPN disconnects every few minutes.'),
  );
  await t.call('tickets.create', { ...outlookTicket, title: 'Maus defekt', description: 'Die Maus reagiert nicht.' });
  return [a.id, b.id, c.id];
};

describe('patterns', () => {
  it('finds three alike VPN reports from different people, says why, and turns them into a problem', async () => {
    const ids = await threeVpn();
    const { patterns } = await t.call('problems.patterns.list', {});
    expect(patterns).toHaveLength(1);
    const [pattern] = patterns;
    expect(pattern?.ticketIds).toEqual(ids);
    expect(pattern?.words).toContain('vpn');
    expect(pattern?.requesters).toBe(3);
    expect(pattern?.category).toBe('network');
    const made = await t.call('problems.fromPattern', { ticketIds: ids, title: 'VPN bricht im Homeoffice ab' });
    expect(made.problem.linked.map((l) => l.id)).toEqual(ids);
    expect(made.timeline.filter((e) => e.kind === 'reported')).toHaveLength(3);
    // Linked tickets are no pattern any more.
    expect((await t.call('problems.patterns.list', {})).patterns).toEqual([]);
  });

  it('hides a dismissed pattern for those tickets, and shows it again when a new alike ticket comes', async () => {
    const ids = await threeVpn();
    await t.call('problems.patterns.dismiss', { ticketIds: ids, reason: 'Providerstörung, einmalig' });
    expect((await t.call('problems.patterns.list', {})).patterns).toEqual([]);
    await t.call('tickets.create', vpn('Tom Richter', 'VPN bricht ab', 'Das VPN trennt sich im Homeoffice.'));
    expect((await t.call('problems.patterns.list', {})).patterns[0]?.ticketIds).toHaveLength(4);
  });

  it('looks only at the window: tickets older than its days are not compared', async () => {
    await threeVpn();
    clock.set('2027-03-01T08:00:00Z');
    expect((await t.call('problems.patterns.list', {})).patterns).toEqual([]);
  });
});

describe('problems', () => {
  it('refuses a ticket linked twice, to another problem, or to a removed problem, and writes nothing', async () => {
    const [a = 0, b = 0] = await threeVpn();
    const one = await t.call('problems.save', { content: { title: 'VPN' }, ticketIds: [a] });
    const two = await t.call('problems.save', { content: { title: 'Andere' } });
    const twice = await t.dispatch('problems.link', { problemId: one.problem.id, ticketIds: [b, a] }, 'de');
    expect(twice).toMatchObject({ ok: false, status: 409, error: { code: 'conflict' } });
    // All or nothing: b was not linked either.
    expect((await t.call('problems.get', { id: one.problem.id })).problem.linked).toHaveLength(1);
    const taken = await t.dispatch('problems.link', { problemId: two.problem.id, ticketIds: [a] }, 'de');
    expect(taken.ok ? '' : taken.error.message).toContain('„VPN“');
    await t.call('problems.remove', { id: two.problem.id });
    const removed = await t.dispatch('problems.link', { problemId: two.problem.id, ticketIds: [b] }, 'en');
    expect(removed).toMatchObject({ ok: false, status: 404, error: { code: 'not_found' } });
  });

  it('moves along its states; a known error needs a workaround and a resolved one its root cause', async () => {
    const made = await t.call('problems.save', { content: { title: 'Drucker 2. OG' } });
    const id = made.problem.id;
    const noWorkaround = await t.dispatch(
      'problems.save',
      { id, content: { title: 'Drucker 2. OG', state: 'knownError' } },
      'de',
    );
    expect(noWorkaround.ok ? '' : noWorkaround.error.message).toContain('Workaround');
    const known = await t.call('problems.save', {
      id,
      content: { title: 'Drucker 2. OG', state: 'knownError', workaround: 'Warteschlange leeren' },
    });
    expect(known.problem.state).toBe('knownError');
    const resolved = await t.call('problems.save', {
      id,
      content: { title: 'Drucker 2. OG', state: 'resolved', workaround: 'Warteschlange leeren', rootCause: 'Treiber' },
    });
    expect(resolved.problem.measures.fixedAt).not.toBeNull();
    const back = await t.dispatch(
      'problems.save',
      { id, content: { title: 'Drucker 2. OG', state: 'fixInProgress' } },
      'en',
    );
    expect(back).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await t.call('problems.save', { id, content: { ...resolved.problem.content, state: 'closed' } });
    const closed = await t.dispatch('problems.rca.save', { problemId: id, rca: { whys: ['x'] } }, 'en');
    expect(closed).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('guards a save against another one in between', async () => {
    const made = await t.call('problems.save', { content: { title: 'SAP langsam' } });
    await t.call('problems.save', { id: made.problem.id, expectedVersion: 1, content: { title: 'SAP sehr langsam' } });
    const stale = await t.dispatch(
      'problems.save',
      { id: made.problem.id, expectedVersion: 1, content: { title: 'x' } },
      'en',
    );
    expect(stale).toMatchObject({ ok: false, status: 409 });
  });

  it('publishes the workaround as a known-error article and keeps it current', async () => {
    const made = await t.call('problems.save', {
      content: {
        title: 'VPN bricht ab',
        state: 'knownError',
        workaround: 'FortiClient neu starten',
        statement: 'Im Homeoffice',
      },
      publishWorkaround: true,
    });
    const articleId = made.problem.articleId ?? 0;
    const article = await t.call('kb.articles.get', { id: articleId });
    expect(article.article.kind).toBe('workaround');
    expect(article.article.state).toBe('published');
    expect(article.article.texts.de?.body).toContain('FortiClient neu starten');
    const again = await t.call('problems.save', {
      id: made.problem.id,
      content: { ...made.problem.content, workaround: 'FortiClient 7.4 installieren' },
      publishWorkaround: true,
    });
    expect(again.problem.articleId).toBe(articleId);
    expect((await t.call('kb.articles.get', { id: articleId })).article.version).toBe(2);
  });

  it('shows a matching open problem and its workaround at intake and on a new ticket', async () => {
    const ids = await threeVpn();
    const made = await t.call('problems.fromPattern', { ticketIds: ids, title: 'VPN bricht im Homeoffice ab' });
    await t.call('problems.save', {
      id: made.problem.id,
      content: { ...made.problem.content, state: 'knownError', workaround: 'FortiClient neu verbinden' },
    });
    const { matches } = await t.call('problems.suggest', { title: 'VPN bricht ab', description: 'Homeoffice' });
    expect(matches[0]).toMatchObject({ id: made.problem.id, workaround: 'FortiClient neu verbinden' });
    expect(matches[0]?.words).toContain('vpn');
    expect((await t.call('problems.suggest', { title: 'Maus kaputt', description: '' })).matches).toEqual([]);
    const fourth = await t.call(
      'tickets.create',
      vpn('Paul Koch', 'VPN-Verbindung bricht ab', 'Homeoffice, FortiClient'),
    );
    expect((await t.call('problems.forTicket', { ticketId: fourth.id })).matches[0]?.id).toBe(made.problem.id);
    await t.call('problems.link', { problemId: made.problem.id, ticketIds: [fourth.id] });
    expect((await t.call('problems.forTicket', { ticketId: fourth.id })).linked?.id).toBe(made.problem.id);
  });

  it('counts incidents before and after the fix, and the recurrence after it', async () => {
    const ids = await threeVpn();
    const made = await t.call('problems.fromPattern', { ticketIds: ids, title: 'VPN' });
    clock.set('2026-12-07T08:00:00Z');
    await t.call('problems.save', {
      id: made.problem.id,
      content: { ...made.problem.content, state: 'resolved', rootCause: 'MTU des Tunnels zu groß' },
    });
    clock.set('2026-12-21T08:00:00Z');
    const again = await t.call('tickets.create', vpn('Paul Koch', 'VPN bricht wieder ab', 'Homeoffice'));
    const linked = await t.call('problems.link', { problemId: made.problem.id, ticketIds: [again.id] });
    expect(linked.problem.measures).toMatchObject({ perWeekBefore: 1.5, perWeekAfter: 0.5, recurrenceAfterFix: 1 });
  });
});

describe('analysis and action items', () => {
  it('assembles the timeline from the incidents: reported, triaged again, resolved, reopened', async () => {
    const [a = 0, b = 0] = await threeVpn();
    const made = await t.call('problems.fromPattern', { ticketIds: [a, b], title: 'VPN' });
    const first = await t.call('tickets.get', { id: a });
    const raised = await t.call('tickets.update', {
      id: a,
      expectedVersion: first.ticket.version,
      triageOverride: { priority: 'P2', reason: 'Vertrieb steht' },
    });
    const resolved = await t.call('tickets.transition', {
      id: a,
      to: 'resolved',
      expectedVersion: raised.version,
      resolution: 'MTU angepasst',
      checklistOverride: 'kein Runbook',
    });
    await t.call('tickets.transition', { id: a, to: 'inProgress', expectedVersion: resolved.version });
    const { timeline } = await t.call('problems.get', { id: made.problem.id });
    const ofA = timeline.filter((e) => e.ticketId === a);
    expect(ofA.map((e) => e.kind)).toEqual(['reported', 'triaged', 'resolved', 'reopened']);
    expect(ofA[1]?.detail).toContain('→ P2');
    expect(timeline.filter((e) => e.ticketId === b).map((e) => e.kind)).toEqual(['reported']);
    // In time order across the incidents.
    expect([...timeline].sort((x, y) => x.at.localeCompare(y.at))).toEqual(timeline);
  });

  it('keeps notes on timeline entries only, and exports markdown and HTML without running hostile text', async () => {
    const ids = await threeVpn();
    const made = await t.call('problems.fromPattern', { ticketIds: ids, title: '<script>alert(1)</script> VPN' });
    const eventId = made.timeline[0]?.eventId ?? 0;
    const stray = await t.dispatch(
      'problems.rca.save',
      { problemId: made.problem.id, rca: { annotations: [{ eventId: 999_999, text: 'x' }] } },
      'de',
    );
    expect(stray).toMatchObject({ ok: false, status: 400 });
    const saved = await t.call('problems.rca.save', {
      problemId: made.problem.id,
      rca: {
        whys: ['Der Tunnel bricht ab', 'Die MTU ist zu groß'],
        factors: [{ kind: 'technology', text: 'MTU nicht überwacht [x](javascript:alert(1))' }],
        wentWell: 'Schnelle Meldung',
        annotations: [{ eventId, text: 'Erste Meldung' }],
      },
    });
    expect(saved.timeline[0]?.annotation).toBe('Erste Meldung');
    const md = await t.call('problems.export', { id: made.problem.id, format: 'markdown', language: 'de' });
    expect(md.text).toContain('## 5 Warum');
    expect(md.text).not.toContain('<script>');
    expect(md.text).not.toContain('javascript:');
    const html = await t.call('problems.export', { id: made.problem.id, format: 'html', language: 'en' });
    expect(html.text).toContain('Contributing factors');
    expect(html.text).toContain('&lt;script&gt;');
    expect(html.text).not.toMatch(/<script/i);
  });

  it('refuses an action item due in the past and a 1 MB analysis, and reminds an overdue one once', async () => {
    const made = await t.call('problems.save', { content: { title: 'Zertifikat' } });
    const past = await t.dispatch(
      'problems.actions.save',
      { problemId: made.problem.id, title: 'Erneuern', due: '2026-11-01' },
      'de',
    );
    expect(past.ok ? '' : past.error.message).toContain('2026-11-01');
    const huge = await t.dispatch(
      'problems.rca.save',
      { problemId: made.problem.id, rca: { wentWell: 'x'.repeat(1_000_000) } },
      'de',
    );
    expect(huge.ok).toBe(false);
    const item = await t.call('problems.actions.save', {
      problemId: made.problem.id,
      title: 'Erneuern',
      owner: 'IT',
      due: '2026-11-30',
    });
    expect((await t.call('problems.actions.list', {})).actions.map((a) => a.id)).toEqual([item.id]);
    expect((await t.call('problems.actions.remind', {})).reminded).toEqual([]);
    clock.set('2026-12-01T08:00:00Z');
    const reminded = await t.call('problems.actions.remind', {});
    expect(reminded.reminded.map((a) => [a.id, a.overdue, a.problemTitle])).toEqual([[item.id, true, 'Zertifikat']]);
    expect((await t.call('problems.actions.remind', {})).reminded).toEqual([]);
    await t.call('problems.actions.setState', { id: item.id, state: 'done' });
    expect((await t.call('problems.actions.list', {})).actions).toEqual([]);
    const audit = await t.call('audit.verify', {});
    expect(audit.ok).toBe(true);
  });
});

describe('settings of pattern detection', () => {
  it('refuses a window outside 7–365 days naming the field as the settings show it, and takes a valid one', async () => {
    const bad = await t.dispatch('settings.update', { patch: { problems: { windowDays: 400, minSize: 3 } } }, 'de');
    expect(bad.ok ? '' : bad.error.message).toContain('Zeitraum der Muster (Tage)');
    await threeVpn();
    await t.call('settings.update', { patch: { problems: { windowDays: 60, minSize: 4 } } });
    // Three alike tickets are no pattern once four are asked for.
    expect((await t.call('problems.patterns.list', {})).patterns).toEqual([]);
    expect((await t.call('problems.patterns.list', {})).minSize).toBe(4);
  });
});
