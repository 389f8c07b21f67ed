import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';

/** The runbooks Leitstand ships with, in German. Editable; the originals can be restored. */
export const libraryDe: ChecklistTemplateInput[] = [
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
  {
    key: 'server-share-down',
    title: 'Server oder Dateifreigabe ausgefallen',
    kind: 'incident',
    language: 'de',
    categories: ['server', 'network'],
    keywords: [
      'server',
      'freigabe',
      'laufwerk',
      'netzlaufwerk',
      'dateiserver',
      'nicht erreichbar',
      'ausgefallen',
      's:',
    ],
    sections: [
      {
        title: 'Erste 10 Minuten',
        steps: [
          {
            id: 'umfang',
            title: 'Umfang feststellen: wer, welche Laufwerke/Dienste, seit wann',
            needsEvidence: true,
            minutes: 5,
          },
          {
            id: 'info-alle',
            title: 'Betroffene informieren: „Wir sind dran, nächste Info um …“',
            minutes: 3,
            instructions:
              'Statusnachricht aus dem Ticket (Taste `m`) nutzen; eine feste Uhrzeit für das nächste Update nennen.',
          },
          { id: 'erreichbar', title: 'Server erreichbar (Ping, RDP/Konsole, Hypervisor)?', question: true, minutes: 5 },
        ],
      },
      {
        title: 'Server nicht erreichbar',
        steps: [
          {
            id: 'strom-netz',
            title: 'Strom, USV-Meldungen und Netzwerk im Serverraum prüfen',
            condition: { step: 'erreichbar', answer: 'no' },
            minutes: 10,
            needsEvidence: true,
          },
          {
            id: 'hypervisor',
            title: 'Zustand der VM im Hypervisor prüfen (läuft, angehalten, Speicher voll?)',
            condition: { step: 'erreichbar', answer: 'no' },
            minutes: 10,
          },
          {
            id: 'msp-rufen',
            title: 'Nach 30 Minuten ohne Erfolg: an Dienstleister übergeben',
            condition: { step: 'erreichbar', answer: 'no' },
            owner: 'msp',
            minutes: 5,
          },
        ],
      },
      {
        title: 'Server erreichbar, Freigabe nicht',
        steps: [
          {
            id: 'speicher',
            title: 'Freier Plattenplatz und Ereignisanzeige (System, Anwendung) prüfen',
            condition: { step: 'erreichbar', answer: 'yes' },
            minutes: 10,
            needsEvidence: true,
          },
          {
            id: 'dienst',
            title: 'Dienst „Server“ (LanmanServer) und Freigaben prüfen',
            condition: { step: 'erreichbar', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'rechte',
            title: 'Rechte/Gruppenmitgliedschaft der Betroffenen prüfen (kürzliche Änderungen?)',
            condition: { step: 'erreichbar', answer: 'yes' },
            minutes: 10,
          },
        ],
      },
      {
        title: 'Abschluss',
        steps: [
          { id: 'test-zugriff', title: 'Zugriff mit einer betroffenen Person testen', needsEvidence: true, minutes: 3 },
          { id: 'entwarnung', title: 'Entwarnung an alle Betroffenen', minutes: 2 },
          {
            id: 'ursache',
            title: 'Ursache und Vorbeugung notieren (Monitoring, Speicherwarnung, USV-Test)',
            needsEvidence: true,
            minutes: 10,
          },
        ],
      },
    ],
  },
  {
    key: 'wifi-vpn-problems',
    title: 'WLAN- oder VPN-Probleme',
    kind: 'incident',
    language: 'de',
    categories: ['network'],
    keywords: ['wlan', 'wifi', 'vpn', 'homeoffice', 'verbindung', 'internet', 'langsam', 'bricht ab'],
    sections: [
      {
        title: 'Eingrenzen',
        steps: [
          { id: 'vpn', title: 'Geht es um das VPN (Homeoffice/unterwegs)?', question: true, minutes: 1 },
          {
            id: 'internet-ok',
            title: 'Funktioniert das Internet ohne VPN (z. B. Webseite öffnen)?',
            question: true,
            minutes: 2,
          },
          { id: 'andere', title: 'Haben andere am selben Ort dasselbe Problem?', question: true, minutes: 2 },
        ],
      },
      {
        title: 'VPN',
        steps: [
          {
            id: 'vpn-client',
            title: 'VPN-Client-Version und Fehlermeldung festhalten',
            condition: { step: 'vpn', answer: 'yes' },
            needsEvidence: true,
            minutes: 3,
          },
          {
            id: 'vpn-konto',
            title: 'Konto nicht gesperrt, Passwort nicht abgelaufen, Zertifikat gültig',
            condition: { step: 'vpn', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'heimrouter',
            title: 'Heimrouter neu starten; Test über Handy-Hotspot',
            condition: { step: 'vpn', answer: 'yes' },
            owner: 'requester',
            minutes: 10,
          },
        ],
      },
      {
        title: 'WLAN im Büro',
        steps: [
          {
            id: 'ap-status',
            title: 'Access Point und Controller prüfen (Status, verbundene Geräte)',
            condition: { step: 'vpn', answer: 'no' },
            minutes: 10,
          },
          {
            id: 'treiber-wlan',
            title: 'WLAN-Profil am Gerät löschen und neu verbinden, Treiber prüfen',
            condition: { step: 'andere', answer: 'no' },
            minutes: 10,
          },
        ],
      },
      {
        title: 'Abschluss',
        steps: [
          {
            id: 'test-verbindung',
            title: 'Verbindung mit der Person getestet (Dateizugriff, Teams-Anruf)',
            needsEvidence: true,
            minutes: 5,
          },
        ],
      },
    ],
  },
  {
    key: 'phishing-security-incident',
    title: 'Verdacht auf Phishing / Sicherheitsvorfall – die ersten 15 Minuten',
    kind: 'incident',
    language: 'de',
    categories: ['security', 'email'],
    keywords: [
      'phishing',
      'link',
      'angeklickt',
      'virus',
      'trojaner',
      'verschlüsselt',
      'erpressung',
      'verdächtig',
      'sicherheitsvorfall',
    ],
    sections: [
      {
        title: 'Sofort (Minute 0–5)',
        steps: [
          {
            id: 'ruhe',
            title: 'Person beruhigen: Melden war richtig. Nichts löschen, nichts weiter anklicken.',
            minutes: 1,
          },
          {
            id: 'klick',
            title: 'Wurde ein Link geöffnet, ein Anhang ausgeführt oder ein Passwort eingegeben?',
            question: true,
            minutes: 2,
          },
          {
            id: 'netz-trennen',
            title: 'Gerät vom Netz trennen (LAN-Kabel ziehen, WLAN aus) – nicht ausschalten',
            condition: { step: 'klick', answer: 'yes' },
            minutes: 1,
            instructions: 'Ausschalten vernichtet Spuren im Arbeitsspeicher. Nur trennen.',
          },
        ],
      },
      {
        title: 'Eindämmen (Minute 5–15)',
        steps: [
          {
            id: 'passwort',
            title: 'Passwort des Kontos zurücksetzen und alle Sitzungen abmelden',
            condition: { step: 'klick', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'mail-sperren',
            title: 'Absender/Domain sperren, gleiche Mail aus allen Postfächern entfernen',
            minutes: 10,
            owner: 'msp',
            instructions: 'Microsoft Defender: Explorer › Suche nach Absender/Betreff › Soft Delete.',
          },
          {
            id: 'weiterleitungen',
            title: 'Postfachregeln und Weiterleitungen des Kontos prüfen',
            condition: { step: 'klick', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'belege',
            title: 'Belege sichern: Mail als .eml, Uhrzeit, Screenshots',
            needsEvidence: true,
            minutes: 5,
          },
        ],
      },
      {
        title: 'Melden und entscheiden',
        steps: [
          {
            id: 'gf-informieren',
            title: 'Geschäftsführung und Datenschutzbeauftragte informieren',
            minutes: 5,
            condition: { step: 'klick', answer: 'yes' },
          },
          {
            id: 'dsgvo',
            title: 'Prüfen: Meldepflicht nach Art. 33 DSGVO (72 Stunden)?',
            minutes: 10,
            condition: { step: 'klick', answer: 'yes' },
            needsEvidence: true,
          },
          {
            id: 'msp-forensik',
            title: 'Dienstleister für Prüfung/Neuaufsetzen des Geräts beauftragen',
            owner: 'msp',
            condition: { step: 'klick', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'warnung',
            title: 'Alle Mitarbeitenden kurz warnen (Betreff, Absender, „nicht öffnen“)',
            required: false,
            minutes: 5,
          },
        ],
      },
    ],
  },
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
