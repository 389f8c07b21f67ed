import type { AffectedScope, Category, Channel, Impairment, Level, Priority, Status, Tier } from '../domain/enums';

type Labels = {
  status: Record<Status, string>;
  channel: Record<Channel, string>;
  scope: Record<AffectedScope, string>;
  impairment: Record<Impairment, string>;
  level: Record<Level, string>;
  priority: Record<Priority, string>;
  tier: Record<Tier, string>;
  category: Record<Category, string>;
  reason: {
    scope: Record<AffectedScope, string>;
    impairment: Record<Impairment, string>;
    businessCritical: string;
    overridden: string;
  };
};

/** Names of domain values, shared by the renderer and by main's error messages. */
export const domainLabels: { de: Labels; en: Labels } = {
  de: {
    status: {
      new: 'Neu',
      inProgress: 'In Bearbeitung',
      waitingRequester: 'Wartet auf Melder',
      waitingMsp: 'Wartet auf Dienstleister',
      waitingVendor: 'Wartet auf Hersteller',
      resolved: 'Gelöst',
      closed: 'Geschlossen',
    },
    channel: { walkIn: 'Persönlich', phone: 'Telefon', email: 'E-Mail', portal: 'Portal', monitoring: 'Monitoring' },
    scope: {
      person: 'Eine Person',
      team: 'Mehrere Personen / Team',
      department: 'Eine Abteilung',
      company: 'Mehrere Abteilungen / ganze Firma',
    },
    impairment: {
      stopped: 'Arbeit steht, kein Workaround',
      severe: 'Stark beeinträchtigt',
      workaround: 'Beeinträchtigt, Workaround vorhanden',
      none: 'Nicht beeinträchtigt',
    },
    level: { high: 'Hoch', medium: 'Mittel', low: 'Niedrig' },
    priority: { P1: 'P1 Kritisch', P2: 'P2 Hoch', P3: 'P3 Mittel', P4: 'P4 Niedrig' },
    tier: { first: '1st Level', second: '2nd Level', msp: '3rd Level / Dienstleister' },
    category: {
      hardware: 'Hardware',
      software: 'Software',
      email: 'E-Mail / Outlook',
      network: 'Netzwerk / VPN',
      account: 'Konto / Passwort',
      printing: 'Drucken',
      server: 'Server / Dateiablage',
      security: 'Sicherheit',
      other: 'Sonstiges',
    },
    reason: {
      scope: {
        person: 'eine Person betroffen',
        team: 'mehrere Personen betroffen',
        department: 'eine Abteilung betroffen',
        company: 'mehrere Abteilungen oder ganze Firma betroffen',
      },
      impairment: {
        stopped: 'Arbeit steht ohne Workaround',
        severe: 'Arbeit stark beeinträchtigt',
        workaround: 'Workaround vorhanden',
        none: 'Arbeit nicht beeinträchtigt',
      },
      businessCritical: 'geschäftskritisch',
      overridden: 'manuell gesetzt',
    },
  },
  en: {
    status: {
      new: 'New',
      inProgress: 'In progress',
      waitingRequester: 'Waiting on requester',
      waitingMsp: 'Waiting on MSP',
      waitingVendor: 'Waiting on vendor',
      resolved: 'Resolved',
      closed: 'Closed',
    },
    channel: { walkIn: 'Walk-in', phone: 'Phone', email: 'E-mail', portal: 'Portal', monitoring: 'Monitoring' },
    scope: {
      person: 'One person',
      team: 'Several people / team',
      department: 'One department',
      company: 'Several departments / whole company',
    },
    impairment: {
      stopped: 'Work stopped, no workaround',
      severe: 'Severely impaired',
      workaround: 'Impaired, workaround exists',
      none: 'Not impaired',
    },
    level: { high: 'High', medium: 'Medium', low: 'Low' },
    priority: { P1: 'P1 Critical', P2: 'P2 High', P3: 'P3 Medium', P4: 'P4 Low' },
    tier: { first: '1st level', second: '2nd level', msp: '3rd level / MSP' },
    category: {
      hardware: 'Hardware',
      software: 'Software',
      email: 'E-mail / Outlook',
      network: 'Network / VPN',
      account: 'Account / password',
      printing: 'Printing',
      server: 'Server / file share',
      security: 'Security',
      other: 'Other',
    },
    reason: {
      scope: {
        person: 'one person affected',
        team: 'several people affected',
        department: 'one department affected',
        company: 'several departments or whole company affected',
      },
      impairment: {
        stopped: 'work stopped without workaround',
        severe: 'work severely impaired',
        workaround: 'workaround exists',
        none: 'work not impaired',
      },
      businessCritical: 'business-critical',
      overridden: 'set by hand',
    },
  },
};
