import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';

/** Runbooks for one person's workplace (mail, printing, account), in German. */
export const workplaceDe: ChecklistTemplateInput[] = [
  {
    key: 'outlook-does-not-start',
    title: 'Outlook startet nicht',
    kind: 'incident',
    language: 'de',
    categories: ['email', 'software'],
    keywords: ['outlook', 'mail', 'postfach', 'profil', 'lädt', 'hängt'],
    sections: [
      {
        title: 'Eingrenzen',
        steps: [
          {
            id: 'nur-einer',
            title: 'Betrifft es nur diese Person?',
            question: true,
            minutes: 2,
            instructions:
              'Kurz bei Kolleg:innen nachfragen oder im Admin-Center den Dienststatus von Exchange Online prüfen. Betrifft es viele: als Störung behandeln und Priorität prüfen.',
          },
          {
            id: 'webmail',
            title: 'Geht Outlook im Web (outlook.office.com)?',
            question: true,
            minutes: 3,
            instructions: 'Wenn ja: Konto und Postfach sind in Ordnung, das Problem liegt am Rechner.',
          },
          {
            id: 'letzte-aenderung',
            title: 'Letzte Änderung festhalten (Update, neues Add-in, Passwortwechsel)',
            needsEvidence: true,
            minutes: 3,
          },
        ],
      },
      {
        title: 'Beheben',
        steps: [
          {
            id: 'abgesicherter-modus',
            title: 'Outlook im abgesicherten Modus starten (`outlook.exe /safe`)',
            minutes: 5,
            instructions:
              'Startet es so, ein Add-in deaktivieren (Datei › Optionen › Add-ins) und einzeln wieder zuschalten.',
          },
          { id: 'prozesse', title: 'Hängende Outlook-Prozesse beenden, neu anmelden', minutes: 3 },
          {
            id: 'profil-neu',
            title: 'Neues Outlook-Profil anlegen (Systemsteuerung › Mail › Profile)',
            minutes: 15,
            required: false,
            instructions:
              'Altes Profil erst nach erfolgreichem Test löschen. OST-Datei wird neu synchronisiert – bei großen Postfächern dauert das.',
          },
          {
            id: 'office-reparatur',
            title: 'Office-Schnellreparatur, danach Onlinereparatur',
            minutes: 20,
            required: false,
          },
        ],
      },
      {
        title: 'Abschluss',
        steps: [
          {
            id: 'test',
            title: 'Mit der Person testen: Mail senden und empfangen, Kalender öffnet',
            needsEvidence: true,
            minutes: 3,
            owner: 'requester',
          },
          { id: 'doku', title: 'Ursache und Lösung im Ticket notieren', needsEvidence: true, minutes: 2 },
        ],
      },
    ],
  },
  {
    key: 'printer-does-not-print',
    title: 'Drucker druckt nicht',
    kind: 'incident',
    language: 'de',
    categories: ['printing', 'hardware'],
    keywords: ['drucker', 'druckt', 'druckauftrag', 'warteschlange', 'scanner', 'papierstau', 'toner'],
    sections: [
      {
        title: 'Eingrenzen',
        steps: [
          { id: 'alle-betroffen', title: 'Druckt niemand oder nur diese Person?', question: true, minutes: 2 },
          {
            id: 'geraet-anzeige',
            title: 'Anzeige am Gerät prüfen: Papierstau, Toner, Fehlermeldung',
            minutes: 3,
            needsEvidence: true,
            instructions: 'Fehlercode oder Foto der Anzeige ins Ticket.',
          },
          { id: 'netz', title: 'Drucker im Netz erreichbar (Ping, Weboberfläche)?', question: true, minutes: 3 },
        ],
      },
      {
        title: 'Beheben',
        steps: [
          {
            id: 'warteschlange',
            title: 'Druckwarteschlange leeren, Dienst „Druckwarteschlange“ neu starten',
            minutes: 5,
            instructions: 'Auf dem Druckserver, falls es einen gibt; sonst am Rechner der Person.',
          },
          {
            id: 'neustart-geraet',
            title: 'Drucker aus- und wieder einschalten',
            minutes: 5,
            condition: { step: 'netz', answer: 'no' },
          },
          {
            id: 'ip-pruefen',
            title: 'IP-Adresse am Gerät mit dem Druckerport vergleichen (DHCP-Reservierung?)',
            minutes: 10,
            condition: { step: 'netz', answer: 'no' },
          },
          {
            id: 'treiber',
            title: 'Drucker am Rechner entfernen und neu verbinden, ggf. Treiber aktualisieren',
            minutes: 15,
            condition: { step: 'alle-betroffen', answer: 'no' },
          },
          {
            id: 'service',
            title: 'Bei Hardwarefehler: Servicefall beim Händler/Leasinggeber eröffnen (Seriennummer bereithalten)',
            required: false,
            owner: 'msp',
            minutes: 10,
          },
        ],
      },
      {
        title: 'Abschluss',
        steps: [
          {
            id: 'testseite',
            title: 'Testseite von einem betroffenen Rechner drucken',
            needsEvidence: true,
            minutes: 2,
          },
          { id: 'ausweichen', title: 'Bis zur Lösung: Ausweichdrucker genannt', required: false, minutes: 1 },
        ],
      },
    ],
  },
  {
    key: 'm365-password-locked',
    title: 'Microsoft 365: Passwort zurücksetzen / Konto gesperrt',
    kind: 'incident',
    language: 'de',
    categories: ['account'],
    keywords: ['passwort', 'kennwort', 'gesperrt', 'anmeldung', 'login', 'mfa', 'authenticator', 'konto'],
    sections: [
      {
        title: 'Identität prüfen – vor jeder Änderung',
        steps: [
          {
            id: 'identitaet',
            title: 'Identität der Person sicher prüfen (persönlich, Rückruf an bekannte Nummer)',
            needsEvidence: true,
            minutes: 3,
            instructions:
              'Nie auf Zuruf per Mail oder über eine unbekannte Nummer zurücksetzen. Wie geprüft wurde, ins Ticket.',
          },
          {
            id: 'verdacht',
            title:
              'Gibt es Anzeichen für einen Angriff (unbekannte Anmeldeorte, MFA-Anfragen, die die Person nicht ausgelöst hat)?',
            question: true,
            minutes: 5,
            instructions: 'Entra-Admin-Center › Benutzer › Anmeldeprotokolle.',
          },
          {
            id: 'sicherheitsvorfall',
            title: 'Verdacht: Runbook „Verdacht auf Phishing / Sicherheitsvorfall“ starten',
            condition: { step: 'verdacht', answer: 'yes' },
            minutes: 1,
          },
        ],
      },
      {
        title: 'Zurücksetzen',
        steps: [
          { id: 'entsperren', title: 'Konto entsperren bzw. Anmeldung wieder zulassen', minutes: 2 },
          {
            id: 'temp-passwort',
            title: 'Temporäres Passwort setzen, Änderung bei nächster Anmeldung erzwingen',
            minutes: 3,
            instructions:
              'Temporäres Passwort nur mündlich oder persönlich weitergeben – **nie** ins Ticket schreiben.',
          },
          {
            id: 'sitzungen',
            title: 'Alle Sitzungen abmelden (Sign out everywhere)',
            condition: { step: 'verdacht', answer: 'yes' },
            minutes: 2,
          },
          { id: 'mfa', title: 'MFA-Methoden prüfen, bei Gerätewechsel neu registrieren', required: false, minutes: 10 },
        ],
      },
      {
        title: 'Abschluss',
        steps: [
          {
            id: 'anmeldung-test',
            title: 'Person meldet sich erfolgreich an (Outlook, Teams, Handy)',
            owner: 'requester',
            minutes: 5,
          },
          {
            id: 'hinweis',
            title: 'Hinweis gegeben: Passwortmanager nutzen, nicht wiederverwenden',
            required: false,
            minutes: 1,
          },
        ],
      },
    ],
  },
];
