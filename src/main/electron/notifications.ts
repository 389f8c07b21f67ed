import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { MonitoringAlert } from '../../shared/contract';
import type { SlaWarning } from '../../shared/contract/sla';
import type { Language } from '../../shared/domain/enums';

const texts = {
  de: {
    atRisk: {
      firstResponse: 'Erstreaktion bald fällig',
      resolution: 'Lösung bald fällig',
      mspReaction: 'Dienstleister-Reaktion bald fällig',
      mspResolution: 'Dienstleister-Lösung bald fällig',
    },
    breached: {
      firstResponse: 'Erstreaktion überfällig',
      resolution: 'Lösungsfrist überschritten',
      mspReaction: 'Dienstleister hat nicht reagiert – nachfassen',
      mspResolution: 'Dienstleister über der Lösungszeit – nachfassen',
    },
    due: (time: string) => `fällig ${time}`,
    raiseTier: 'Stufe erhöhen',
    forwardMsp: 'an Dienstleister übergeben',
    suggest: (steps: string) => `Vorschlag: ${steps}`,
  },
  en: {
    atRisk: {
      firstResponse: 'First response due soon',
      resolution: 'Resolution due soon',
      mspReaction: 'MSP reaction due soon',
      mspResolution: 'MSP resolution due soon',
    },
    breached: {
      firstResponse: 'First response overdue',
      resolution: 'Resolution target breached',
      mspReaction: 'MSP has not reacted – follow up',
      mspResolution: 'MSP past its resolution time – follow up',
    },
    due: (time: string) => `due ${time}`,
    raiseTier: 'raise the tier',
    forwardMsp: 'forward to the service provider',
    suggest: (steps: string) => `Suggested: ${steps}`,
  },
} as const;

/** Title and body of the desktop notification for one SLA warning, in the user's language. */
export function warningNotice(
  warning: SlaWarning,
  language: Language,
  timeZone: string,
): Pick<NotificationConstructorOptions, 'title' | 'body'> {
  const text = texts[language];
  const time = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const lines = [`${warning.number} · ${warning.title}`, text.due(time.format(new Date(warning.dueAt)))];
  if (warning.suggestions.length) lines.push(text.suggest(warning.suggestions.map((s) => text[s]).join(' / ')));
  return { title: `${warning.priority} · ${text[warning.level][warning.clock]}`, body: lines.join('\n') };
}

type NotificationApi = {
  isSupported: () => boolean;
  new (options: NotificationConstructorOptions): Pick<ElectronNotification, 'show' | 'on'>;
};

/** Shows one desktop notification per warning; a click brings the window forward and opens the ticket. */
export function showWarnings(
  Notification: NotificationApi,
  warnings: readonly SlaWarning[],
  language: Language,
  timeZone: string,
  open: (ticketId: number) => void,
): void {
  if (!Notification.isSupported()) return;
  for (const warning of warnings) {
    const notice = new Notification({
      ...warningNotice(warning, language, timeZone),
      silent: warning.level === 'atRisk',
    });
    notice.on('click', () => open(warning.ticketId));
    notice.show();
  }
}

const monitoringTexts = {
  de: { down: 'ausgefallen', recovered: 'wieder erreichbar' },
  en: { down: 'down', recovered: 'back up' },
} as const;

/** Title and body of the desktop notification for a check that went down or came back. */
export function monitoringNotice(
  alert: MonitoringAlert,
  language: Language,
): Pick<NotificationConstructorOptions, 'title' | 'body'> {
  const lines = [alert.message, ...(alert.ticketNumber ? [alert.ticketNumber] : [])];
  return {
    title: `${alert.systemName}: ${alert.checkName} ${monitoringTexts[language][alert.kind]}`,
    body: lines.join('\n'),
  };
}

/** One notification per alert; a click opens the incident's ticket. Recovery is silent. */
export function showMonitoringAlerts(
  Notification: NotificationApi,
  alerts: readonly MonitoringAlert[],
  language: Language,
  open: (ticketId: number) => void,
): void {
  if (!Notification.isSupported()) return;
  for (const alert of alerts) {
    const notice = new Notification({ ...monitoringNotice(alert, language), silent: alert.kind === 'recovered' });
    const ticketId = alert.ticketId;
    if (ticketId !== null) notice.on('click', () => open(ticketId));
    notice.show();
  }
}
