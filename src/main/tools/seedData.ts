import type { AffectedScope, Category, Impairment } from '../../shared/domain/enums';

/** Typical desk problems, German and English, with the answers they usually come with. */
export type ProblemTemplate = {
  title: string;
  description: string;
  category: Category;
  scope: AffectedScope[];
  impairment: Impairment[];
  systems: string;
  notes: string[];
};

export const problems: ProblemTemplate[] = [
  {
    title: 'Outlook startet nicht',
    description: 'Outlook bleibt beim Laden des Profils hängen.',
    category: 'email',
    scope: ['person'],
    impairment: ['workaround', 'severe'],
    systems: 'Outlook, Microsoft 365',
    notes: ['OST-Datei neu aufgebaut', 'Add-ins deaktiviert, startet wieder'],
  },
  {
    title: 'Drucker im 2. OG druckt nicht',
    description: 'Aufträge bleiben in der Warteschlange.',
    category: 'printing',
    scope: ['team', 'department'],
    impairment: ['workaround'],
    systems: 'Drucker HP-2OG',
    notes: ['Spooler neu gestartet', 'Toner getauscht'],
  },
  {
    title: 'Dateiserver nicht erreichbar',
    description: 'Laufwerk S: ist weg, Buchhaltung kann nicht arbeiten.',
    category: 'server',
    scope: ['department', 'company'],
    impairment: ['stopped'],
    systems: 'FS01, Laufwerk S:',
    notes: ['FS01 antwortet nicht auf Ping', 'Dienst neu gestartet'],
  },
  {
    title: 'Passwort abgelaufen, Konto gesperrt',
    description: 'Nach drei Fehlversuchen gesperrt.',
    category: 'account',
    scope: ['person'],
    impairment: ['stopped'],
    systems: 'Microsoft 365, Active Directory',
    notes: ['Konto entsperrt, MFA geprüft'],
  },
  {
    title: 'VPN bricht ständig ab',
    description: 'Verbindung im Homeoffice reißt alle paar Minuten ab.',
    category: 'network',
    scope: ['person', 'team'],
    impairment: ['severe'],
    systems: 'VPN-Client, Firewall',
    notes: ['Client aktualisiert', 'MTU angepasst'],
  },
  {
    title: 'WLAN im Besprechungsraum langsam',
    description: 'Videokonferenzen brechen ab.',
    category: 'network',
    scope: ['team'],
    impairment: ['workaround'],
    systems: 'WLAN AP-Besprechung',
    notes: ['Access Point neu gestartet'],
  },
  {
    title: 'Verdächtige E-Mail mit Rechnung',
    description: 'Anhang geöffnet? Noch unklar.',
    category: 'security',
    scope: ['person'],
    impairment: ['none', 'severe'],
    systems: 'E-Mail, Client',
    notes: ['Rechner vom Netz genommen', 'Virenscan ohne Befund'],
  },
  {
    title: 'Laptop startet nicht mehr',
    description: 'Bildschirm bleibt schwarz, Lüfter läuft.',
    category: 'hardware',
    scope: ['person'],
    impairment: ['stopped'],
    systems: 'Laptop',
    notes: ['Ersatzgerät ausgegeben'],
  },
  {
    title: 'ERP sehr langsam',
    description: 'Buchungen dauern Minuten.',
    category: 'software',
    scope: ['department', 'company'],
    impairment: ['severe'],
    systems: 'ERP, Datenbankserver',
    notes: ['Dienstleister informiert'],
  },
  {
    title: 'Teams-Kamera wird nicht erkannt',
    description: 'Kamera fehlt in den Geräteeinstellungen.',
    category: 'software',
    scope: ['person'],
    impairment: ['workaround'],
    systems: 'Teams, Webcam',
    notes: ['Treiber neu installiert'],
  },
  {
    title: 'Outlook does not start',
    description: 'Outlook hangs while loading the profile.',
    category: 'email',
    scope: ['person'],
    impairment: ['workaround'],
    systems: 'Outlook',
    notes: ['Profile recreated'],
  },
  {
    title: 'Printer offline on ground floor',
    description: 'Jobs stay in the queue.',
    category: 'printing',
    scope: ['team'],
    impairment: ['workaround'],
    systems: 'Printer EG',
    notes: ['Power cycled'],
  },
  {
    title: 'Cannot access shared drive',
    description: 'Access denied on the project share.',
    category: 'server',
    scope: ['person', 'team'],
    impairment: ['severe'],
    systems: 'File share Projekte',
    notes: ['Group membership fixed'],
  },
  {
    title: 'Neuer Monitor gewünscht',
    description: 'Zweiter Bildschirm für Arbeitsplatz.',
    category: 'hardware',
    scope: ['person'],
    impairment: ['none'],
    systems: 'Arbeitsplatz',
    notes: ['Bestellt'],
  },
  {
    title: 'Kassensystem Filiale offline',
    description: 'Kartenzahlung nicht möglich.',
    category: 'network',
    scope: ['department'],
    impairment: ['stopped'],
    systems: 'Kasse, Router Filiale',
    notes: ['Router neu gestartet', 'Provider-Störung gemeldet'],
  },
];

export const firstNames = [
  'Anna',
  'Thomas',
  'Jonas',
  'Eva',
  'Lukas',
  'Mia',
  'Felix',
  'Sophie',
  'Paul',
  'Lea',
  'Max',
  'Laura',
  'Ben',
  'Julia',
  'Tim',
  'Sarah',
  'Murat',
  'Elif',
  'Piotr',
  'Olga',
];
export const lastNames = [
  'Becker',
  'Krüger',
  'Weber',
  'Lang',
  'Schmidt',
  'Müller',
  'Schneider',
  'Fischer',
  'Wagner',
  'Hoffmann',
  'Koch',
  'Richter',
  'Yılmaz',
  'Nowak',
  'Schulz',
  'Braun',
];
export const departments = [
  'Vertrieb',
  'Buchhaltung',
  'Einkauf',
  'Lager',
  'Produktion',
  'Geschäftsführung',
  'Personal',
  'Marketing',
  'Service',
  'IT',
];

/** Small, fast, deterministic PRNG (mulberry32): the same seed gives the same data set. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
