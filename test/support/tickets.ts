import type { TicketCreateInput } from '../../src/shared/contract/tickets';
import type { MspProviderInput } from '../../src/shared/domain/msp';

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

const workday = [{ start: '08:00', end: '18:00' }];

/** The network and server provider of the story: replies tagged [Ticket#…], reacts within 1 h on P1. */
export const networkProvider: MspProviderInput = {
  id: 'netzwerk-partner',
  name: 'NetzWerk Partner GmbH',
  intakeEmail: 'support@netzwerk-partner.example',
  subjectTag: '[Ticket#{ref}]',
  portalUrl: 'https://portal.netzwerk-partner.example',
  phone: '0711 987654-0',
  contract: {
    P1: { reactionHours: 1, resolutionHours: 8 },
    P2: { reactionHours: 4, resolutionHours: 16 },
    P3: { reactionHours: 8, resolutionHours: 40 },
    P4: { reactionHours: 16, resolutionHours: 80 },
  },
  supportHours: { '1': workday, '2': workday, '3': workday, '4': workday, '5': workday, '6': [], '7': [] },
  timeZone: 'Europe/Berlin',
  notes: 'Notfall-Hotline nur bei P1.',
};
