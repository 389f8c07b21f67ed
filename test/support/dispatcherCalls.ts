import type { MethodName } from '../../src/shared/contract';
import { defaultMessageTemplates } from '../../src/shared/domain/messages';
import { defaultSlaPolicy } from '../../src/shared/domain/slaPolicy';
import { anna, erp, floorPrinter, ldapUnreachable, smallPeopleCsv } from './directory';
import { vpnArticle } from './kb';
import { monitoringTcpCheck, monitoringWeekly } from './monitoring';
import { emlBase64, mailAccount, printerMail } from './mail';
import { fileServerTicket, networkProvider } from './tickets';

/** A valid call for every method, and one invalid input for it. */
export const dispatcherCalls: Record<MethodName, { valid: unknown; invalid: unknown }> = {
  'tickets.create': { valid: fileServerTicket, invalid: { ...fileServerTicket, channel: 'pigeon' } },
  'tickets.get': { valid: { id: 1 }, invalid: { id: '1' } },
  'tickets.list': { valid: { filter: { open: true }, sort: { by: 'priority', dir: 'asc' } }, invalid: { limit: 0 } },
  'tickets.update': { valid: { id: 1, patch: { assignee: 'Jonas' } }, invalid: { id: 1, patch: { status: 'closed' } } },
  'tickets.transition': { valid: { id: 1, to: 'inProgress' }, invalid: { id: 1, to: 'done' } },
  'tickets.undo': { valid: { id: 1, expectedVersion: 4 }, invalid: { id: 1 } },
  'tickets.addNote': {
    valid: { id: 1, kind: 'note', body: 'Neustart' },
    invalid: { id: 1, kind: 'note', body: '   ' },
  },
  'tickets.search': { valid: { q: 'outlook' }, invalid: { q: '' } },
  'tickets.timeline': { valid: { id: 1 }, invalid: {} },
  'tickets.attach': {
    valid: { id: 1, fileName: 'x.txt', contentBase64: 'aGFsbG8=' },
    invalid: { id: 1, fileName: 'x.txt', contentBase64: 'not base64!' },
  },
  'tickets.attachment': { valid: { attachmentId: 1 }, invalid: { attachmentId: -1 } },
  'audit.verify': { valid: {}, invalid: { deep: true } },
  'settings.get': { valid: {}, invalid: [] },
  'system.health': { valid: {}, invalid: { verbose: true } },
  'sla.policy.get': { valid: {}, invalid: { id: 1 } },
  'sla.policy.update': {
    valid: { policy: { ...defaultSlaPolicy, state: 'NW' } },
    invalid: {
      policy: { ...defaultSlaPolicy, week: { ...defaultSlaPolicy.week, '1': [{ start: '12:00', end: '09:00' }] } },
    },
  },
  'sla.status': { valid: { id: 1 }, invalid: { id: 0 } },
  'sla.check': { valid: {}, invalid: { now: '2026-11-24' } },
  'board.get': { valid: { filter: { waitingOn: ['msp'] } }, invalid: { filter: { waitingOn: ['boss'] } } },
  'tickets.nextUp': { valid: { limit: 5 }, invalid: { limit: 0 } },
  'checklists.templates.list': { valid: {}, invalid: { language: 'fr' } },
  'checklists.templates.get': {
    valid: { key: 'onboarding', language: 'de' },
    invalid: { key: '../etc', language: 'de' },
  },
  'checklists.templates.save': {
    valid: {
      template: {
        key: 'x',
        title: 'X',
        kind: 'incident',
        language: 'en',
        sections: [{ title: 'S', steps: [{ id: 'a', title: 'A' }] }],
      },
    },
    invalid: {
      template: {
        key: 'x',
        title: 'X',
        kind: 'incident',
        language: 'en',
        sections: [{ title: 'S', steps: [{ id: 'a', title: 'A', condition: { step: 'a', answer: 'yes' } }] }],
      },
    },
  },
  'checklists.templates.remove': { valid: { key: 'onboarding', language: 'de' }, invalid: { key: '', language: 'de' } },
  'checklists.templates.restore': {
    valid: { key: 'onboarding', language: 'en' },
    invalid: { key: 'Onboarding', language: 'en' },
  },
  'checklists.templates.import': {
    valid: { format: 'json', content: '[]' },
    invalid: { format: 'yaml', content: 'a: 1' },
  },
  'checklists.templates.export': {
    valid: { key: 'onboarding', language: 'de', format: 'json' },
    invalid: { key: 'onboarding', language: 'de', format: 'pdf' },
  },
  'checklists.templates.suggest': { valid: { language: 'de' }, invalid: { language: 'de', category: 'toaster' } },
  'checklists.runs.start': {
    valid: { ticketId: 1, key: 'printer-does-not-print', language: 'de' },
    invalid: { ticketId: -1, key: 'onboarding', language: 'de' },
  },
  'checklists.runs.get': { valid: { id: 1 }, invalid: { id: 'one' } },
  'checklists.runs.setStep': {
    valid: { runId: 1, stepId: 'prozesse', state: 'skipped', note: 'Rechner wurde schon neu gestartet' },
    invalid: { runId: 1, stepId: 'a', state: 'finished' },
  },
  'checklists.runs.forTicket': { valid: { ticketId: 1 }, invalid: {} },
  'serviceRequests.start': {
    valid: {
      key: 'onboarding',
      language: 'de',
      variables: { name: 'Eva Klein', start: '2026-12-07', abteilung: 'Vertrieb' },
      requester: { name: 'HR' },
    },
    invalid: { key: 'onboarding', language: 'de', requester: {} },
  },
  'serviceRequests.list': { valid: {}, invalid: { all: true } },
  'msp.providers.list': { valid: {}, invalid: { all: true } },
  'msp.providers.save': {
    valid: { provider: { ...networkProvider, id: 'erp-partner', name: 'ERP Partner' } },
    invalid: { provider: { ...networkProvider, subjectTag: '[Ticket#]' } },
  },
  'msp.providers.remove': { valid: { id: 'netzwerk-partner' }, invalid: { id: 'Netzwerk Partner' } },
  'escalations.preview': {
    valid: { ticketId: 1, providerId: 'netzwerk-partner', language: 'de' },
    invalid: { ticketId: 1, providerId: 'netzwerk-partner', language: 'fr' },
  },
  'escalations.build': {
    valid: { ticketId: 1, providerId: 'netzwerk-partner', language: 'en', attachmentIds: [1] },
    invalid: { ticketId: 1, providerId: 'netzwerk-partner', language: 'en', attachmentIds: ['1'] },
  },
  'escalations.forTicket': { valid: { ticketId: 2 }, invalid: { ticketId: 0 } },
  'escalations.download': { valid: { escalationId: 1, file: 'eml' }, invalid: { escalationId: 1, file: 'exe' } },
  'escalations.importReply': {
    valid: {
      ticketId: 2,
      contentBase64: Buffer.from(
        'From: support@netzwerk-partner.example\r\nTo: it@firma.example\r\nSubject: AW: [Ticket#84211] [LS-2026-0001] Dateiserver\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWir haben die USV geprüft.\r\n',
      ).toString('base64'),
    },
    invalid: { ticketId: 2, contentBase64: 42 },
  },
  'escalations.recordReference': {
    valid: { escalationId: 1, reference: '84211' },
    invalid: { escalationId: 1, reference: '84 211; DROP' },
  },
  'messages.templates.get': { valid: {}, invalid: { language: 'de' } },
  'messages.templates.update': { valid: { templates: defaultMessageTemplates }, invalid: { templates: { de: {} } } },
  'messages.render': {
    valid: { id: 1, kind: 'received', language: 'en' },
    invalid: { id: 1, kind: 'goodbye', language: 'de' },
  },
  'settings.update': { valid: { patch: { coordinatorName: 'Jonas Weber' } }, invalid: { patch: { language: 'fr' } } },
  'directory.people.list': { valid: { q: 'muller' }, invalid: { limit: 0 } },
  'directory.people.get': { valid: { id: 1 }, invalid: { id: -1 } },
  'directory.people.save': {
    valid: { person: { ...anna, id: 1, vip: false } },
    invalid: { person: { ...anna, email: 'anna@' } },
  },
  'directory.people.remove': { valid: { id: 1 }, invalid: { id: 'anna' } },
  'directory.departments.list': { valid: {}, invalid: { all: true } },
  'directory.departments.save': { valid: { department: { name: 'Einkauf' } }, invalid: { department: { name: '' } } },
  'directory.departments.remove': { valid: { id: 1 }, invalid: {} },
  'directory.systems.list': { valid: {}, invalid: { q: 5 } },
  'directory.systems.get': { valid: { id: 1 }, invalid: { id: 0 } },
  'directory.systems.save': { valid: { system: floorPrinter }, invalid: { system: { ...erp, criticality: 'sehr' } } },
  'directory.systems.remove': { valid: { id: 1 }, invalid: { id: 1.5 } },
  'directory.search': { valid: { q: 'Muller' }, invalid: { q: 'x', limit: 1000 } },
  'directory.forTicket': { valid: { ticketId: 1 }, invalid: { ticketId: 'eins' } },
  'directory.import.preview': {
    valid: { kind: 'people', fileName: 'p.csv', contentBase64: smallPeopleCsv },
    invalid: { kind: 'staff', fileName: 'p.csv', contentBase64: smallPeopleCsv },
  },
  'directory.import.apply': {
    valid: { kind: 'people', fileName: 'p.csv', contentBase64: smallPeopleCsv, token: 'from the preview' },
    invalid: { kind: 'people', fileName: 'p.csv', contentBase64: 'not base64!', token: 'x' },
  },
  'directory.ldap.preview': { valid: ldapUnreachable, invalid: { ...ldapUnreachable, url: 'http://127.0.0.1/' } },
  'directory.ldap.apply': { valid: { ...ldapUnreachable, token: 'x' }, invalid: { ...ldapUnreachable, baseDn: '' } },
  'directory.export': { valid: { kind: 'systems' }, invalid: { kind: 'tickets' } },
  'audit.head': { valid: {}, invalid: { id: 1 } },
  'kb.articles.list': { valid: { reviewDue: true }, invalid: { state: 'deleted' } },
  'kb.articles.get': { valid: { id: 1 }, invalid: { id: 'eins' } },
  'kb.articles.save': {
    valid: { content: vpnArticle },
    invalid: { content: { ...vpnArticle, texts: { de: { title: 'x', body: '<script>'.repeat(20_000) } } } },
  },
  'kb.articles.remove': { valid: { id: 2 }, invalid: { id: 0 } },
  'kb.articles.restore': { valid: { id: 1, version: 1 }, invalid: { id: 1, version: 0 } },
  'kb.articles.history': { valid: { id: 1 }, invalid: {} },
  'kb.search': { valid: { q: 'Drucker' }, invalid: { q: 'x'.repeat(301) } },
  'kb.suggest': { valid: { title: 'Outlook startet nicht' }, invalid: { limit: 11 } },
  'kb.links.add': { valid: { articleId: 1, ticketId: 1 }, invalid: { articleId: 1 } },
  'kb.links.remove': { valid: { articleId: 1, ticketId: 1 }, invalid: { ticketId: 1 } },
  'kb.links.forTicket': { valid: { ticketId: 1 }, invalid: { ticketId: -1 } },
  'kb.draftFromTicket': { valid: { ticketId: 1 }, invalid: { ticketId: 1, language: 'fr' } },
  'kb.import': { valid: { starter: true }, invalid: { files: [] } },
  'kb.export': { valid: {}, invalid: { all: true } },
  'problems.patterns.list': { valid: { days: 30 }, invalid: { days: 0 } },
  'problems.patterns.dismiss': {
    valid: { ticketIds: [1, 2], reason: 'Zufall' },
    invalid: { ticketIds: [1], reason: 'Zufall' },
  },
  'problems.list': { valid: { openOnly: true }, invalid: { state: 'open' } },
  'problems.get': { valid: { id: 1 }, invalid: { id: 0 } },
  'problems.save': {
    valid: {
      id: 1,
      content: { title: 'Outlook startet nicht', state: 'knownError', workaround: 'Im abgesicherten Modus starten' },
      publishWorkaround: true,
    },
    // A known error without its workaround.
    invalid: { id: 1, content: { title: 'Outlook startet nicht', state: 'knownError' } },
  },
  'problems.remove': { valid: { id: 1 }, invalid: { id: 'eins' } },
  'problems.link': { valid: { problemId: 1, ticketIds: [2] }, invalid: { problemId: 1, ticketIds: [] } },
  'problems.unlink': { valid: { problemId: 1, ticketId: 1 }, invalid: { problemId: 1 } },
  // A third ticket is made for it (see below): tickets 2 and 3 are not linked yet.
  'problems.fromPattern': { valid: { ticketIds: [2, 3], title: 'Ablage' }, invalid: { ticketIds: [2, 3], title: '' } },
  'problems.rca.save': {
    valid: { problemId: 1, rca: { whys: ['Warum startet Outlook nicht?'] } },
    invalid: { problemId: 1, rca: { factors: [{ kind: 'person', text: 'Herr X' }] } },
  },
  'problems.actions.save': {
    valid: { problemId: 1, title: 'Add-ins prüfen', due: '2099-02-01' },
    invalid: { problemId: 1, title: 'Add-ins prüfen', due: '01.02.2099' },
  },
  'problems.actions.setState': { valid: { id: 1, state: 'done' }, invalid: { id: 1, state: 'finished' } },
  'problems.actions.list': { valid: {}, invalid: { all: true } },
  'problems.actions.remind': { valid: {}, invalid: { now: '2030-01-01' } },
  'problems.forTicket': { valid: { ticketId: 2 }, invalid: { ticketId: 0 } },
  'problems.suggest': { valid: { title: 'Outlook startet nicht' }, invalid: { limit: 11 } },
  'reports.dashboard': {
    valid: { period: { from: '2026-11-01', to: '2026-11-30' } },
    invalid: { period: { from: '2026-11-30', to: '2026-11-01' } },
  },
  'reports.drilldown': {
    valid: { period: { from: '2026-11-01', to: '2026-11-30' }, drilldown: { figure: 'priority', key: 'P2' } },
    invalid: { period: { from: '2026-11-01', to: '2026-11-30' }, drilldown: { figure: 'priority', key: 'P9' } },
  },
  'reports.export': {
    valid: { period: { from: '2026-11-01', to: '2026-11-30' }, table: 'sla', language: 'de' },
    invalid: { period: { from: '2020-01-01', to: '2026-11-30' }, table: 'sla', language: 'de' },
  },
  'reports.monthly': { valid: { month: '2026-11', language: 'en' }, invalid: { month: '2026-13', language: 'de' } },
  'reports.remind': { valid: {}, invalid: { month: '2026-11' } },
  'reports.tickets.export': {
    valid: { period: null, language: 'de' },
    invalid: { period: { from: '2026-11-30', to: '2026-11-01' }, language: 'de' },
  },
  'reports.tickets.chunk': {
    valid: { exportId: '0123456789abcdef0123456789abcdef', offset: 0 },
    invalid: { exportId: '../../leitstand.sqlite', offset: 0 },
  },
  'monitoring.checks.list': { valid: { systemId: 1 }, invalid: { systemId: 'ERP' } },
  'monitoring.checks.get': { valid: { id: 1 }, invalid: { id: 0 } },
  'monitoring.checks.save': {
    valid: { check: monitoringTcpCheck },
    invalid: { check: { ...monitoringTcpCheck, target: { kind: 'tcp', host: 'bad host!', port: 80 } } },
  },
  'monitoring.checks.remove': { valid: { id: 1 }, invalid: { id: -1 } },
  'monitoring.checks.runNow': { valid: { id: 1 }, invalid: { id: 'eins' } },
  'monitoring.status': { valid: {}, invalid: { all: true } },
  'monitoring.history': {
    valid: { id: 1, from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' },
    invalid: { id: 1, from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' },
  },
  'monitoring.maintenance.list': { valid: {}, invalid: { systemId: 1 } },
  'monitoring.maintenance.save': {
    valid: { maintenance: monitoringWeekly },
    invalid: {
      maintenance: { ...monitoringWeekly, window: { kind: 'weekly', days: [8], start: '22:00', end: '23:00' } },
    },
  },
  'monitoring.maintenance.remove': { valid: { id: 1 }, invalid: { id: 1.5 } },
  'monitoring.plan': { valid: {}, invalid: { due: true } },
  'monitoring.results.record': {
    valid: { checkId: 1, sample: { at: '2026-11-01T10:00:00Z', outcome: 'ok', latencyMs: 3, message: 'port open' } },
    invalid: { checkId: 1, sample: { at: 'gestern', outcome: 'ok', latencyMs: 3, message: '' } },
  },
  'monitoring.heartbeat': { valid: { secret: 'HEARTBEAT' }, invalid: { secret: '../x' } },
  'monitoring.retention.run': { valid: {}, invalid: { days: 1 } },
  'mail.import': { valid: { files: [{ fileName: 'a.eml', contentBase64: emlBase64 }] }, invalid: { files: [] } },
  'mail.ingest': {
    valid: { mail: printerMail, source: { kind: 'file', fileName: 'a.eml' } },
    invalid: { mail: printerMail, source: { kind: 'pop3' } },
  },
  'mail.cursor': { valid: { accountId: 1, folder: 'INBOX' }, invalid: { accountId: 1 } },
  'mail.accounts.list': { valid: {}, invalid: { all: true } },
  'mail.accounts.save': {
    valid: { account: mailAccount, password: 'geheim' },
    invalid: { account: { ...mailAccount, imapHost: 'mail.example.de', imapSecurity: 'none' } },
  },
  'mail.accounts.record': {
    valid: { account: mailAccount, hasPassword: false },
    invalid: { account: { ...mailAccount, imapPort: 0 }, hasPassword: false },
  },
  'mail.accounts.remove': { valid: { id: 1 }, invalid: { id: 0 } },
  'mail.accounts.test': { valid: { id: 1 }, invalid: {} },
  'mail.accounts.polled': { valid: { id: 1, error: null }, invalid: { id: 1, error: 5 } },
  'mail.poll': { valid: {}, invalid: { accountId: 'alle' } },
  'mail.send': { valid: { ticketId: 1, body: 'Ist erledigt.' }, invalid: { ticketId: 1, body: '  ' } },
  'mail.outbox.list': { valid: {}, invalid: { limit: 0 } },
  'mail.outbox.retry': { valid: { id: 1 }, invalid: { id: 'x' } },
  'mail.outbox.claim': { valid: {}, invalid: { limit: 1000 } },
  'mail.outbox.mark': { valid: { id: 1, sent: true }, invalid: { id: 1, sent: 'ja' } },
  'mail.held.list': { valid: {}, invalid: { id: 1 } },
  'mail.held.release': { valid: { id: 1 }, invalid: {} },
  'mail.held.discard': { valid: { id: 2 }, invalid: { id: -3 } },
  'mail.settings.get': { valid: {}, invalid: { x: 1 } },
  'mail.settings.update': {
    valid: { settings: { reopenDays: 14, holdCount: 10, holdMinutes: 10 } },
    invalid: { settings: { reopenDays: -1, holdCount: 10, holdMinutes: 10 } },
  },
  'problems.export': {
    valid: { id: 1, format: 'markdown', language: 'en' },
    invalid: { id: 1, format: 'pdf', language: 'de' },
  },
  'backups.list': { valid: {}, invalid: { all: true } },
  'backups.run': { valid: {}, invalid: { encrypted: 'yes' } },
  // The id of a backup just made (see below).
  'backups.verify': { valid: { id: '' }, invalid: { id: '../2026' } },
  'backups.restore': { valid: { id: '', to: '' }, invalid: { id: '2026-11-23T07-15-00-000Z', to: 'relative/dir' } },
  'backups.settings.get': { valid: {}, invalid: { keys: true } },
  'backups.settings.update': {
    valid: { everyHours: 6 },
    invalid: { encryption: { enabled: true, passphrase: 'kurz' } },
  },
  'backups.config.get': { valid: {}, invalid: { keys: true } },
  'privacy.find': { valid: { subject: { name: 'Anna Becker' } }, invalid: { subject: {} } },
  'privacy.export': {
    valid: { subject: { personId: 1 }, language: 'en' },
    invalid: { subject: { personId: 1 }, language: 'fr' },
  },
  // Thomas Krüger has an open ticket: erased with confirmation.
  'privacy.erase': {
    valid: { subject: { name: 'Thomas Krüger' }, basis: 'Art. 17 Abs. 1 lit. a DSGVO', confirmOpen: true },
    invalid: { subject: { name: 'Thomas Krüger' }, basis: '' },
  },
  'privacy.erasures': { valid: {}, invalid: { all: 1 } },
  'privacy.retention.get': { valid: {}, invalid: { x: 1 } },
  'privacy.retention.update': {
    valid: { retention: { enabled: true, closedMonths: 24, basis: 'DSGVO Art. 5 Abs. 1 lit. e' } },
    invalid: { retention: { enabled: true, closedMonths: 0, basis: 'x' } },
  },
  'privacy.retention.run': { valid: {}, invalid: { now: '2030-01-01' } },
  'privacy.record': { valid: { language: 'de' }, invalid: { language: 'xx' } },
  'privacy.record.update': {
    valid: { language: 'de', sections: { purpose: 'IT-Support' } },
    invalid: { language: 'de', sections: { purpose: 42 } },
  },
  'backups.config.save': {
    valid: {
      config: { enabled: false, target: '', everyHours: 2, keep: { hourly: 1, daily: 1, monthly: 1 }, keys: null },
    },
    invalid: {
      config: {
        enabled: true,
        target: 'relative',
        everyHours: 2,
        keep: { hourly: 1, daily: 1, monthly: 1 },
        keys: null,
      },
    },
  },
};
