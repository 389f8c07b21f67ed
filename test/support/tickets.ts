import type { TicketCreateInput } from '../../src/shared/contract/tickets';

/** The two requests of the Monday-morning story, shared by unit, E2E and bench. */
export const outlookTicket: TicketCreateInput = {
  title: 'Outlook startet nicht',
  description: 'Outlook bleibt beim Start im Ladebildschirm hängen.',
  channel: 'walkIn',
  requester: { name: 'Anna Becker', department: 'Vertrieb', phone: '', email: 'anna.becker@example.de' },
  firstContact: {
    affectedScope: 'person',
    affectedSystems: 'Outlook, Laptop NB-0142',
    businessProcess: 'E-Mail',
    businessCritical: false,
    since: '2026-11-23T07:00:00.000Z',
    recentChanges: 'Windows-Update am Freitag',
    impairment: 'workaround',
  },
  category: 'email',
};

export const fileServerTicket: TicketCreateInput = {
  title: 'Dateiserver nicht erreichbar',
  description: 'Laufwerk S: ist für Buchhaltung und Vertrieb weg.',
  channel: 'phone',
  requester: { name: 'Thomas Krüger', department: 'Buchhaltung', phone: '0711 123-45', email: '' },
  firstContact: {
    affectedScope: 'company',
    affectedSystems: 'Dateiserver FS01, Laufwerk S:',
    businessProcess: 'Buchhaltung, Vertrieb',
    businessCritical: true,
    since: '2026-11-23T07:05:00.000Z',
    recentChanges: '',
    impairment: 'stopped',
  },
  category: 'server',
};
