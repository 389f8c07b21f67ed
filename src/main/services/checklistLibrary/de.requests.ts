import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';

/** Service-request and maintenance checklists shipped in German. */
export const requestsDe: ChecklistTemplateInput[] = [
  {
    key: 'onboarding',
    title: 'Neue:r Mitarbeiter:in – Onboarding',
    kind: 'serviceRequest',
    language: 'de',
    categories: ['account', 'hardware'],
    keywords: ['onboarding', 'neuer mitarbeiter', 'neue mitarbeiterin', 'eintritt', 'neueinstellung'],
    variables: [
      { key: 'name', label: 'Name', type: 'text' },
      { key: 'start', label: 'Erster Arbeitstag', type: 'date' },
      { key: 'abteilung', label: 'Abteilung', type: 'text' },
      { key: 'geraet', label: 'Gerät (z. B. Notebook 14")', type: 'text', required: false },
    ],
    sections: [
      {
        title: 'Vorbereiten',
        steps: [
          {
            id: 'angaben',
            title: 'Angaben von HR/Führungskraft vollständig (Rolle, Rechte, Telefon, Software)',
            needsEvidence: true,
            due: { from: 'start', workingDays: -10 },
            minutes: 10,
          },
          {
            id: 'geraet-bestellen',
            title: 'Gerät und Zubehör bestellen',
            due: { from: 'start', workingDays: -7 },
            minutes: 15,
            instructions: 'Lieferzeit beachten; Bestellnummer ins Ticket.',
          },
          {
            id: 'konto',
            title: 'Microsoft-365-Konto anlegen, Lizenz zuweisen, Gruppen der Abteilung',
            due: { from: 'start', workingDays: -3 },
            minutes: 15,
          },
          {
            id: 'rechte',
            title: 'Freigaben, Fachanwendungen und Postfächer freischalten',
            due: { from: 'start', workingDays: -3 },
            minutes: 20,
          },
          {
            id: 'geraet-einrichten',
            title: 'Gerät einrichten (Intune/Image, Updates, BitLocker, Drucker)',
            due: { from: 'start', workingDays: -2 },
            minutes: 60,
          },
          {
            id: 'telefon',
            title: 'Telefon/Durchwahl und Teams-Telefonie einrichten',
            required: false,
            due: { from: 'start', workingDays: -2 },
            minutes: 15,
          },
        ],
      },
      {
        title: 'Erster Tag',
        steps: [
          {
            id: 'uebergabe',
            title: 'Gerät übergeben, Übergabeprotokoll unterschreiben lassen',
            needsEvidence: true,
            due: { from: 'start', workingDays: 0 },
            minutes: 15,
          },
          {
            id: 'erste-anmeldung',
            title: 'Erste Anmeldung begleiten: Passwort ändern, MFA einrichten',
            due: { from: 'start', workingDays: 0 },
            minutes: 20,
            owner: 'requester',
          },
          {
            id: 'einweisung',
            title: 'Kurze Einweisung: Wie melde ich ein IT-Problem? Phishing erkennen.',
            due: { from: 'start', workingDays: 0 },
            minutes: 15,
          },
        ],
      },
      {
        title: 'Nachfassen',
        steps: [
          {
            id: 'nachfrage',
            title: 'Nach einer Woche nachfragen: Fehlt etwas?',
            required: false,
            due: { from: 'start', workingDays: 5 },
            minutes: 5,
          },
        ],
      },
    ],
  },
  {
    key: 'offboarding',
    title: 'Mitarbeiter:in verlässt das Unternehmen – Offboarding',
    kind: 'serviceRequest',
    language: 'de',
    categories: ['account', 'security'],
    keywords: ['offboarding', 'austritt', 'kündigung', 'letzter arbeitstag', 'ausscheiden'],
    variables: [
      { key: 'name', label: 'Name', type: 'text' },
      { key: 'ende', label: 'Letzter Arbeitstag', type: 'date' },
      { key: 'nachfolge', label: 'Postfach/Dateien übernimmt', type: 'text', required: false },
    ],
    sections: [
      {
        title: 'Vorher',
        steps: [
          {
            id: 'bestaetigung',
            title: 'Austritt von HR schriftlich bestätigt',
            needsEvidence: true,
            due: { from: 'ende', workingDays: -10 },
            minutes: 5,
          },
          {
            id: 'geraeteliste',
            title: 'Liste der ausgegebenen Geräte, Schlüssel, Karten, Token erstellen',
            needsEvidence: true,
            due: { from: 'ende', workingDays: -5 },
            minutes: 10,
          },
          {
            id: 'daten-uebergabe',
            title: 'Übergabe von Dateien und Postfach mit Führungskraft klären',
            due: { from: 'ende', workingDays: -5 },
            minutes: 15,
          },
        ],
      },
      {
        title: 'Letzter Tag – Zugänge entziehen',
        steps: [
          {
            id: 'm365-sperren',
            title: 'Microsoft-365-Anmeldung sperren und alle Sitzungen abmelden',
            due: { from: 'ende', workingDays: 0 },
            minutes: 5,
          },
          {
            id: 'vpn-entziehen',
            title: 'VPN, Fernzugriff und MFA-Geräte entfernen',
            due: { from: 'ende', workingDays: 0 },
            minutes: 5,
          },
          {
            id: 'fachanwendungen',
            title: 'Konten in Fachanwendungen (ERP, CRM, Lohn, Banking) deaktivieren',
            needsEvidence: true,
            due: { from: 'ende', workingDays: 0 },
            minutes: 20,
            instructions: 'Jede Anwendung einzeln mit Datum im Ticket festhalten – das ist die Zugangs-Checkliste.',
          },
          {
            id: 'gemeinsame-passwoerter',
            title: 'Gemeinsam genutzte Passwörter ändern, die die Person kannte',
            due: { from: 'ende', workingDays: 0 },
            minutes: 20,
          },
          {
            id: 'geraete-zurueck',
            title: 'Geräte, Schlüssel und Karten zurückerhalten',
            needsEvidence: true,
            due: { from: 'ende', workingDays: 0 },
            minutes: 10,
          },
        ],
      },
      {
        title: 'Danach',
        steps: [
          {
            id: 'postfach',
            title: 'Postfach in freigegebenes Postfach umwandeln, Abwesenheitsnotiz setzen',
            due: { from: 'ende', workingDays: 1 },
            minutes: 10,
          },
          {
            id: 'lizenz',
            title: 'Lizenz entziehen (nach Umwandlung des Postfachs)',
            due: { from: 'ende', workingDays: 5 },
            minutes: 5,
          },
          {
            id: 'geraet-loeschen',
            title: 'Gerät sicher löschen und neu aufsetzen oder aussondern',
            due: { from: 'ende', workingDays: 10 },
            minutes: 30,
          },
        ],
      },
    ],
  },
  {
    key: 'monthly-updates',
    title: 'Monatliche Update-Runde',
    kind: 'maintenance',
    language: 'de',
    categories: ['software', 'server'],
    keywords: ['update', 'patch', 'patchday', 'windows update', 'wartung'],
    sections: [
      {
        title: 'Vorbereiten',
        steps: [
          {
            id: 'bekannte-probleme',
            title: 'Bekannte Probleme der Updates prüfen (Microsoft Release Health)',
            minutes: 15,
            instructions: 'https://learn.microsoft.com/windows/release-health/',
          },
          { id: 'sicherung', title: 'Letzte Sicherung der Server erfolgreich?', needsEvidence: true, minutes: 10 },
          { id: 'ankuendigen', title: 'Wartungsfenster ankündigen (Server-Neustarts)', minutes: 5 },
        ],
      },
      {
        title: 'Durchführen',
        steps: [
          { id: 'testgruppe', title: 'Updates zuerst auf der Testgruppe (2–3 Geräte) installieren', minutes: 30 },
          { id: 'clients', title: 'Nach 2 Tagen ohne Probleme: alle Clients freigeben', minutes: 15 },
          { id: 'server', title: 'Server im Wartungsfenster aktualisieren und neu starten', minutes: 60, owner: 'msp' },
          { id: 'firmware', title: 'Firewall, NAS, Drucker: Firmware-Hinweise prüfen', required: false, minutes: 20 },
        ],
      },
      {
        title: 'Prüfen',
        steps: [
          {
            id: 'compliance',
            title: 'Update-Stand aller Geräte prüfen, Nachzügler ansprechen',
            needsEvidence: true,
            minutes: 20,
          },
          { id: 'dienste', title: 'Wichtige Dienste nach Neustart geprüft (Dateiserver, ERP, Drucken)', minutes: 15 },
        ],
      },
    ],
  },
];
