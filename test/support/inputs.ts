import { networkProvider } from './tickets';
import type { MethodName } from '../../src/shared/contract';
import { defaultMessageTemplates } from '../../src/shared/domain/messages';
import { defaultSlaPolicy } from '../../src/shared/domain/slaPolicy';
import { fileServerTicket } from './store';
import { anna, erp, ldapUnreachable, smallPeopleCsv } from './directory';
import { vpnArticle } from './kb';
import { monitoringTcpCheck, monitoringWeekly } from './monitoring';
import { emlBase64, mailAccount, printerMail } from './mail';

/**
 * One valid input per method (ticket 1 and attachment 1 exist), for tests that build hostile ones around it:
 * every leaf is one that no other type may replace (so no nullable leaves).
 */
export const validInputs: Record<MethodName, Record<string, unknown>> = {
  'tickets.create': fileServerTicket as Record<string, unknown>,
  'tickets.get': { id: 1 },
  'tickets.list': {
    filter: { status: ['new'], priority: ['P1'], q: 'drucker' },
    sort: { by: 'updated', dir: 'desc' },
    limit: 10,
  },
  'tickets.update': {
    id: 1,
    expectedVersion: 1,
    patch: { title: 'Neu', tier: 'second', requester: { name: 'Eva', department: 'IT' } },
  },
  'tickets.transition': { id: 1, to: 'inProgress' },
  'tickets.undo': { id: 1, expectedVersion: 2 },
  'tickets.addNote': { id: 1, kind: 'note', body: 'Notiz' },
  'tickets.search': { q: 'drucker', limit: 5 },
  'tickets.timeline': { id: 1 },
  'tickets.attach': { id: 1, fileName: 'a.txt', mimeType: 'text/plain', contentBase64: 'aGFsbG8=' },
  'tickets.attachment': { attachmentId: 1 },
  'audit.verify': {},
  'settings.get': {},
  'settings.update': { patch: { coordinatorName: 'Jonas', language: 'de' } },
  'system.health': {},
  'sla.policy.get': {},
  'sla.policy.update': { policy: defaultSlaPolicy },
  'sla.status': { id: 1 },
  'sla.check': {},
  'board.get': { filter: { category: ['server'], tier: ['first'], waitingOn: ['msp'], mine: true }, perCell: 20 },
  'tickets.nextUp': { limit: 10 },
  'checklists.templates.list': { language: 'de', q: 'drucker' },
  'checklists.templates.get': { key: 'printer-does-not-print', language: 'de' },
  'checklists.templates.save': {
    template: {
      key: 'eigene-liste',
      title: 'Eigene Liste',
      kind: 'incident',
      language: 'de',
      categories: ['other'],
      keywords: ['eigen'],
      variables: [{ key: 'datum', label: 'Datum', type: 'date', required: true }],
      sections: [
        {
          title: 'Abschnitt',
          steps: [
            {
              id: 'frage',
              title: 'Frage?',
              instructions: 'Text',
              required: true,
              needsEvidence: false,
              minutes: 5,
              owner: 'coordinator',
              question: true,
              condition: null,
              due: null,
            },
            {
              id: 'folge',
              title: 'Folge',
              instructions: '',
              required: false,
              needsEvidence: true,
              minutes: 0,
              owner: 'msp',
              question: false,
              condition: { step: 'frage', answer: 'yes' },
              due: { from: 'datum', workingDays: -2 },
            },
          ],
        },
      ],
    },
    expectedVersion: 1,
  },
  'checklists.templates.remove': { key: 'printer-does-not-print', language: 'de' },
  'checklists.templates.restore': { key: 'printer-does-not-print', language: 'de' },
  'checklists.templates.import': {
    format: 'markdown',
    content: '# T\n## S\n- [ ] a',
    language: 'de',
    kind: 'incident',
  },
  'checklists.templates.export': { key: 'printer-does-not-print', language: 'de', format: 'markdown' },
  'checklists.templates.suggest': { category: 'printing', text: 'Drucker druckt nicht', language: 'de' },
  'checklists.runs.start': { ticketId: 1, key: 'onboarding', language: 'de', variables: { name: 'Eva' } },
  'checklists.runs.get': { id: 1 },
  'checklists.runs.setStep': { runId: 1, stepId: 'angaben', state: 'done', answer: 'yes', note: 'ok', attachmentId: 1 },
  'checklists.runs.forTicket': { ticketId: 1 },
  'serviceRequests.start': {
    key: 'onboarding',
    language: 'de',
    variables: { name: 'Eva Klein', start: '2026-12-07' },
    requester: { name: 'HR', department: 'Personal', phone: '1', email: 'hr@example.de' },
    title: 'Onboarding Eva Klein',
  },
  'serviceRequests.list': {},
  'directory.people.list': { q: 'müller', includeInactive: true, limit: 20 },
  'directory.people.get': { id: 1 },
  'directory.people.save': { person: { ...anna, id: 1 } },
  'directory.people.remove': { id: 1 },
  'directory.departments.list': {},
  'directory.departments.save': { department: { name: 'Vertrieb', head: 'Anna Müller', processes: ['Angebote'] } },
  'directory.departments.remove': { id: 1 },
  'directory.systems.list': { q: 'erp', includeInactive: false, limit: 20 },
  'directory.systems.get': { id: 1 },
  'directory.systems.save': { system: { ...erp, id: 1 } },
  'directory.systems.remove': { id: 1 },
  'directory.search': { q: 'muller', kinds: ['person', 'system'], limit: 5 },
  'directory.forTicket': { ticketId: 1 },
  'directory.import.preview': {
    kind: 'people',
    fileName: 'personen.csv',
    contentBase64: smallPeopleCsv,
    mapping: { Name: 'name' },
  },
  'directory.import.apply': { kind: 'people', fileName: 'personen.csv', contentBase64: smallPeopleCsv, token: 'x' },
  'directory.ldap.preview': ldapUnreachable,
  'directory.ldap.apply': { ...ldapUnreachable, token: 'x' },
  'directory.export': { kind: 'people' },
  'audit.head': {},
  'kb.articles.list': { state: 'published', reviewDue: false, limit: 10 },
  'kb.articles.get': { id: 1 },
  'kb.articles.save': { content: vpnArticle, note: 'neu' },
  'kb.articles.remove': { id: 1 },
  'kb.articles.restore': { id: 1, version: 1 },
  'kb.articles.history': { id: 1 },
  'kb.search': { q: 'Drucker', language: 'de', allStates: true, limit: 5 },
  'kb.suggest': {
    title: 'Outlook',
    description: 'startet nicht',
    affectedSystems: 'Outlook',
    systemIds: [1],
    language: 'de',
    limit: 3,
  },
  'kb.links.add': { articleId: 1, ticketId: 1 },
  'kb.links.remove': { articleId: 1, ticketId: 1 },
  'kb.links.forTicket': { ticketId: 1 },
  'kb.draftFromTicket': { ticketId: 1, language: 'de' },
  'kb.import': { files: [{ name: 'a.de.md', text: '---\nslug: a\n---\n' }] },
  'kb.export': {},
  'problems.patterns.list': { days: 30, limit: 10 },
  'problems.patterns.dismiss': { ticketIds: [1, 2], reason: 'Zufall' },
  'problems.list': { state: 'analysing', openOnly: true },
  'problems.get': { id: 1 },
  'problems.save': {
    content: {
      title: 'VPN bricht ab',
      statement: 's',
      systemIds: [1],
      state: 'analysing',
      workaround: '',
      rootCause: '',
    },
    publishWorkaround: false,
    ticketIds: [1],
  },
  'problems.remove': { id: 1 },
  'problems.link': { problemId: 1, ticketIds: [1] },
  'problems.unlink': { problemId: 1, ticketId: 1 },
  'problems.fromPattern': { ticketIds: [1, 2], title: 'VPN', statement: 's' },
  'problems.rca.save': {
    problemId: 1,
    rca: {
      whys: ['w'],
      factors: [{ kind: 'process', text: 't' }],
      wentWell: 'g',
      annotations: [{ eventId: 1, text: 'n' }],
    },
  },
  'problems.actions.save': { problemId: 1, title: 'Zertifikat erneuern', owner: 'IT', due: '2099-01-01' },
  'problems.actions.setState': { id: 1, state: 'done' },
  'problems.actions.list': {},
  'problems.actions.remind': {},
  'problems.forTicket': { ticketId: 1 },
  'problems.suggest': { title: 'VPN', description: 'bricht ab', systemIds: [1], limit: 3 },
  'problems.export': { id: 1, format: 'html', language: 'de' },
  'reports.dashboard': { period: { from: '2026-11-01', to: '2026-11-30' }, compare: true },
  'reports.drilldown': {
    period: { from: '2026-11-01', to: '2026-11-30' },
    drilldown: { figure: 'sla', key: 'P1', clock: 'first', outcome: 'breached' },
  },
  'reports.monthly': { month: '2026-11', language: 'de', remarks: 'Alles ruhig.' },
  'reports.export': { period: { from: '2026-11-01', to: '2026-11-30' }, table: 'summary', language: 'de' },
  'reports.remind': {},
  'reports.tickets.export': { period: { from: '2026-11-01', to: '2026-11-30' }, language: 'de' },
  'reports.tickets.chunk': { exportId: '0123456789abcdef0123456789abcdef', offset: 0 },
  'monitoring.checks.list': { systemId: 1 },
  'monitoring.checks.get': { id: 1 },
  'monitoring.checks.save': { check: monitoringTcpCheck },
  'monitoring.checks.remove': { id: 1 },
  'monitoring.checks.runNow': { id: 1 },
  'monitoring.status': {},
  'monitoring.history': { id: 1, from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z', resolution: 'raw' },
  'monitoring.maintenance.list': {},
  'monitoring.maintenance.save': { maintenance: monitoringWeekly },
  'monitoring.maintenance.remove': { id: 1 },
  'monitoring.plan': {},
  'monitoring.results.record': {
    checkId: 1,
    sample: {
      at: '2026-11-01T10:00:00Z',
      outcome: 'failed',
      latencyMs: 12,
      message: 'HTTP 503',
      certExpiresAt: '2027-01-01T00:00:00Z',
    },
  },
  'monitoring.heartbeat': { secret: 'abcdefghijklmnopqrstuv' },
  'monitoring.retention.run': {},
  'mail.import': { files: [{ fileName: 'a.eml', contentBase64: emlBase64 }] },
  'mail.ingest': { mail: printerMail, source: { kind: 'file', fileName: 'a.eml' }, skipHold: false },
  'mail.cursor': { accountId: 1, folder: 'INBOX' },
  'mail.accounts.list': {},
  'mail.accounts.save': { account: mailAccount, password: 'geheim' },
  'mail.accounts.record': { account: mailAccount, hasPassword: false },
  'mail.accounts.remove': { id: 1 },
  'mail.accounts.test': { id: 1 },
  'mail.accounts.polled': { id: 1, error: 'Verbindung abgelehnt' },
  'mail.poll': {},
  'mail.send': { ticketId: 1, to: 'anna.becker@example.de', subject: 'Drucker', body: 'Ist erledigt.' },
  'mail.outbox.list': { ticketId: 1, limit: 10 },
  'mail.outbox.retry': { id: 1 },
  'mail.outbox.claim': { limit: 5 },
  'mail.outbox.mark': { id: 1, sent: false, error: 'refused' },
  'mail.held.list': {},
  'mail.held.release': { id: 1 },
  'mail.held.discard': { id: 1 },
  'mail.settings.get': {},
  'mail.settings.update': { settings: { reopenDays: 14, holdCount: 10, holdMinutes: 10 } },
  'backups.list': {},
  'backups.run': {},
  'backups.verify': { id: '2026-11-23T07-15-00-000Z', passphrase: 'geheime Passphrase' },
  'backups.restore': { id: '2026-11-23T07-15-00-000Z', to: '/tmp/leitstand-restore-never', passphrase: 'x' },
  'backups.settings.get': {},
  'backups.settings.update': { enabled: true, everyHours: 6, keep: { hourly: 2, daily: 3, monthly: 4 } },
  'backups.config.get': {},
  'privacy.find': { subject: { name: 'Anna Becker', email: 'anna.becker@example.de', phone: '0711 1' } },
  'privacy.export': { subject: { email: 'anna.becker@example.de' }, language: 'de' },
  'privacy.erase': {
    subject: { name: 'Niemand Bekannt' },
    basis: 'Art. 17 Abs. 1 lit. a',
    confirmOpen: false,
    keepAttachments: true,
  },
  'privacy.erasures': {},
  'privacy.retention.get': {},
  'privacy.retention.update': { retention: { enabled: false, closedMonths: 24, basis: 'Art. 5 Abs. 1 lit. e' } },
  'privacy.retention.run': {},
  'privacy.record': { language: 'de' },
  'privacy.record.update': { language: 'en', sections: { purpose: 'Support' } },
  'backups.config.save': {
    config: { enabled: true, target: '/tmp/x', everyHours: 4, keep: { hourly: 1, daily: 1, monthly: 1 }, keys: null },
  },
  'msp.providers.list': {},
  'msp.providers.save': { provider: networkProvider },
  'msp.providers.remove': { id: 'netzwerk-partner' },
  'escalations.preview': {
    ticketId: 1,
    providerId: 'netzwerk-partner',
    language: 'de',
    firstContact: true,
    triage: true,
    timeline: true,
    checklists: true,
    attachmentIds: [1],
    question: 'Bitte prüfen',
    released: [{ findingId: 'description@0-5', reason: 'gehört dazu' }],
  },
  'escalations.build': { ticketId: 1, providerId: 'netzwerk-partner', language: 'en' },
  'escalations.forTicket': { ticketId: 1 },
  'escalations.download': { escalationId: 1, file: 'zip' },
  'escalations.importReply': {
    ticketId: 1,
    contentBase64: Buffer.from(
      'From: support@netzwerk-partner.example\r\nTo: it@firma.example\r\nSubject: AW: [Ticket#84211] [LS-2026-0001] Dateiserver\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWir haben die USV geprüft.\r\n',
    ).toString('base64'),
  },
  'escalations.recordReference': { escalationId: 1, reference: '84211' },
  'messages.templates.get': {},
  'messages.templates.update': { templates: defaultMessageTemplates },
  'messages.render': { id: 1, kind: 'waitingOnYou', language: 'de', needed: 'Ein Bildschirmfoto der Fehlermeldung' },
};

export type Path = (string | number)[];

/** Every place in a JSON value: the root, each object or array, each leaf. */
export function allPaths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  return [
    at,
    ...Object.entries(value).flatMap(([key, child]) =>
      allPaths(child, [...at, Array.isArray(value) ? Number(key) : key]),
    ),
  ];
}

export const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], root);

/** A copy of `root` with the value at `path` replaced. */
export function withValue(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}
