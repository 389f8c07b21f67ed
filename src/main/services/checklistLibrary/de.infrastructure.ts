import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';

/** Runbooks for shared infrastructure and security incidents, in German. */
export const infrastructureDe: ChecklistTemplateInput[] = [
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
];
