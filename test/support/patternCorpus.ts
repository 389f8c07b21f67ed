/**
 * A labelled desk of 200 reports for pattern detection: eight true recurring causes, each written by different
 * people in German and English and in their own words, mixed with one-off requests — some of which share a word
 * or a system with a cause (an Outlook signature, a printer's toner) without being that cause.
 */
export type LabelledTicket = {
  label: string | null;
  title: string;
  description: string;
  category: string;
  department: string;
  requester: string;
  system: string | null;
};

type Cause = {
  label: string;
  category: string;
  system: string | null;
  titles: string[];
  descriptions: string[];
  count: number;
};

const causes: Cause[] = [
  {
    label: 'vpn',
    category: 'network',
    system: 'VPN',
    count: 22,
    titles: [
      'VPN bricht ständig ab',
      'VPN-Verbindung trennt sich alle paar Minuten',
      'FortiClient VPN verliert Verbindung',
      'VPN drops every few minutes',
      'Homeoffice: VPN trennt dauernd',
      'VPN connection keeps disconnecting',
      'Kein stabiles VPN von zu Hause',
    ],
    descriptions: [
      'Seit heute Morgen fliegt das VPN im Homeoffice alle 5 bis 10 Minuten raus, danach muss ich mich neu verbinden.',
      'FortiClient zeigt „Verbindung getrennt“ und baut den Tunnel neu auf. Teams-Anrufe brechen dabei ab.',
      'Working from home, the VPN tunnel disconnects repeatedly and FortiClient reconnects after a minute.',
      'Das VPN trennt sich immer wieder, Netzlaufwerke sind dann weg. Internet zu Hause läuft stabil.',
      'Every 10 minutes FortiClient says the VPN connection was lost. My home internet is fine.',
      'VPN-Tunnel bricht ab, sobald ich größere Dateien öffne. Neu verbinden hilft nur kurz.',
    ],
  },
  {
    label: 'printer',
    category: 'hardware',
    system: 'Drucker 2. OG',
    count: 20,
    titles: [
      'Drucker im 2. OG druckt nicht',
      'Druckauftrag hängt in der Warteschlange (2. OG)',
      'Printer on the 2nd floor not printing',
      'Flurdrucker 2. OG: Aufträge bleiben stehen',
      'HP LaserJet 2. OG reagiert nicht',
      'Print jobs stuck in queue, second floor printer',
    ],
    descriptions: [
      'Ich schicke den Druck ab, der Auftrag bleibt in der Warteschlange stehen und der Drucker im zweiten OG tut nichts.',
      'Der HP LaserJet auf dem Flur im 2. OG zeigt bereit, druckt aber keine Aufträge. Neustart des Druckers hilft kurz.',
      'Jobs sent to the 2nd floor HP LaserJet stay in the queue with status error. Other printers work.',
      'Warteschlange des Druckers 2. OG voll mit hängenden Aufträgen, niemand auf dem Stockwerk kann drucken.',
      'The second floor printer shows ready but nothing comes out, the queue is stuck.',
    ],
  },
  {
    label: 'outlook-password',
    category: 'email',
    system: 'Microsoft 365',
    count: 20,
    titles: [
      'Outlook fragt ständig nach dem Passwort',
      'Kennwortabfrage in Outlook kommt immer wieder',
      'Outlook keeps asking for password',
      'Outlook will dauernd mein Kennwort',
      'Password prompt in Outlook every hour',
      'Outlook: Anmeldefenster erscheint wiederholt',
    ],
    descriptions: [
      'Seit gestern kommt in Outlook alle paar Minuten das Fenster zur Kennworteingabe. Ich gebe es ein, dann wieder.',
      'Outlook fragt nach meinem Passwort, obwohl es richtig ist. Mails kommen trotzdem an, aber das Fenster nervt.',
      'Outlook pops up the Microsoft sign-in window asking for my password again and again since this morning.',
      'Die Passwortabfrage von Outlook erscheint bei jedem Start und zwischendurch, Kennwort ist korrekt.',
      'I enter my password in Outlook and after a while it asks again. Webmail works without problems.',
    ],
  },
  {
    label: 'sap-slow',
    category: 'software',
    system: 'SAP',
    count: 18,
    titles: [
      'SAP extrem langsam',
      'SAP GUI hängt beim Buchen',
      'SAP is very slow this morning',
      'SAP Transaktionen dauern ewig',
      'Buchungen in SAP brauchen Minuten',
      'SAP freezes when posting',
    ],
    descriptions: [
      'Jede Transaktion in SAP braucht mehrere Minuten, besonders morgens zwischen 8 und 9 Uhr. Die Buchhaltung steht.',
      'SAP GUI friert beim Buchen ein, die Sanduhr dreht sich minutenlang. Kollegen haben das gleiche.',
      'Opening transactions in SAP takes minutes, posting invoices freezes the SAP GUI.',
      'SAP reagiert seit Tagen sehr träge, vor allem beim Speichern von Belegen.',
      'SAP is so slow that we cannot post invoices; it hangs for minutes after every save.',
    ],
  },
  {
    label: 'share-full',
    category: 'storage',
    system: 'Fileserver',
    count: 18,
    titles: [
      'Netzlaufwerk S: voll',
      'Kann nicht auf S: speichern – kein Speicherplatz',
      'Shared drive S: is full',
      'Speichern auf dem Netzlaufwerk schlägt fehl',
      'Not enough space on network drive S:',
      'S:-Laufwerk meldet zu wenig Speicher',
    ],
    descriptions: [
      'Beim Speichern auf S: kommt die Meldung „Nicht genügend Speicherplatz auf dem Datenträger“.',
      'Excel kann die Datei nicht auf dem Netzlaufwerk S: speichern, es sei kein Speicherplatz mehr frei.',
      'Saving to the S: drive fails with "there is not enough space on the disk".',
      'Das Netzlaufwerk zeigt 0 Byte frei, wir können keine Projektordner mehr anlegen.',
      'Cannot copy files to the shared drive S:, Windows says the disk is full.',
    ],
  },
  {
    label: 'teams-audio',
    category: 'software',
    system: 'Microsoft Teams',
    count: 18,
    titles: [
      'Kein Ton in Teams-Besprechungen',
      'Teams: Mikrofon wird nicht erkannt',
      'No audio in Teams meetings',
      'Headset funktioniert in Teams nicht',
      'Teams microphone not working',
      'Andere hören mich in Teams nicht',
    ],
    descriptions: [
      'In Teams-Besprechungen hören mich die anderen nicht, das Headset-Mikrofon wird in Teams nicht angezeigt.',
      'Seit dem letzten Teams-Update kein Ton über das Headset, in anderen Programmen geht es.',
      'Since the Teams update my headset microphone is not detected in meetings, others cannot hear me.',
      'Teams zeigt beim Mikrofon „kein Gerät“, Ton in Besprechungen fehlt komplett.',
      'No sound in Teams calls with my headset, works fine in the browser.',
    ],
  },
  {
    label: 'wlan-room',
    category: 'network',
    system: 'WLAN',
    count: 18,
    titles: [
      'WLAN im Besprechungsraum Rhein bricht ab',
      'Kein WLAN im Konferenzraum',
      'Wi-Fi drops in meeting room Rhein',
      'WLAN-Empfang im Raum Rhein schlecht',
      'Meeting room Wi-Fi keeps dropping',
    ],
    descriptions: [
      'Im Besprechungsraum Rhein verliert der Laptop ständig das WLAN, auf dem Flur geht es.',
      'Während Präsentationen im Konferenzraum Rhein fällt das WLAN aus, Gäste-WLAN ebenso.',
      'In meeting room Rhein the Wi-Fi signal is weak and laptops lose the connection during presentations.',
      'WLAN im Raum Rhein nur ein Balken, Verbindung bricht alle paar Minuten ab.',
      'Wi-Fi in the Rhein conference room disconnects, the access point seems to reboot.',
    ],
  },
  {
    label: 'mfa-phone',
    category: 'access',
    system: 'Microsoft 365',
    count: 16,
    titles: [
      'Authenticator nach Handywechsel',
      'MFA-Code wird nicht akzeptiert',
      'New phone, Authenticator app no longer works',
      'Zwei-Faktor-Anmeldung geht nicht mehr',
      'Cannot sign in, MFA prompt never arrives',
    ],
    descriptions: [
      'Ich habe ein neues Diensthandy, die Microsoft Authenticator App kennt mein Konto nicht mehr, Anmeldung unmöglich.',
      'Der Code aus der Authenticator-App wird abgelehnt, ich komme nicht mehr in mein Microsoft-365-Konto.',
      'After switching to a new phone the Authenticator app has no account and I cannot approve sign-ins.',
      'Die MFA-Bestätigung kommt nicht aufs Handy, Anmeldung an Microsoft 365 scheitert.',
      'My MFA codes from the Authenticator are rejected since I got my new phone.',
    ],
  },
];

const noise: [string, string, string, string | null][] = [
  ['Maus defekt', 'Die kabellose Maus reagiert nicht mehr, Batterien schon getauscht.', 'hardware', null],
  [
    'Neuer Monitor benötigt',
    'Für den neuen Arbeitsplatz in der Buchhaltung brauchen wir einen zweiten Monitor.',
    'hardware',
    null,
  ],
  [
    'Excel-Makro meldet Laufzeitfehler 1004',
    'Das Makro in der Kalkulationsvorlage bricht mit Laufzeitfehler 1004 ab.',
    'software',
    null,
  ],
  ['Bildschirm flackert', 'Mein Laptop-Display flackert, wenn ich den Deckel bewege.', 'hardware', null],
  ['Kaffee über die Tastatur', 'Mir ist Kaffee über die Tastatur gelaufen, einige Tasten kleben.', 'hardware', null],
  ['Zugang für neue Praktikantin', 'Ab Montag beginnt Frau Yilmaz, bitte Konto und E-Mail einrichten.', 'access', null],
  ['Handy-Display gebrochen', 'Das Display meines Diensthandys ist gesprungen.', 'hardware', null],
  [
    'Kalenderfreigabe für Assistenz',
    'Bitte meinen Outlook-Kalender für die Assistenz freigeben.',
    'email',
    'Microsoft 365',
  ],
  [
    'Outlook-Signatur ändern',
    'Ich brauche eine neue E-Mail-Signatur mit meiner neuen Durchwahl.',
    'email',
    'Microsoft 365',
  ],
  [
    'Toner bestellen Drucker Empfang',
    'Der Drucker am Empfang meldet Toner fast leer, bitte nachbestellen.',
    'hardware',
    null,
  ],
  ['Adobe Acrobat Lizenz', 'Ich brauche Acrobat Pro zum Bearbeiten von PDFs.', 'software', null],
  ['Webcam zeigt schwarzes Bild', 'Die eingebaute Kamera zeigt nur ein schwarzes Bild.', 'hardware', null],
  [
    'Ordner versehentlich gelöscht',
    'Ich habe den Ordner Angebote 2026 gelöscht, kann man ihn wiederherstellen?',
    'storage',
    'Fileserver',
  ],
  [
    'Install Python for data analysis',
    'I need Python and Jupyter installed for the quarterly analysis.',
    'software',
    null,
  ],
  ['Laptop battery swollen', 'The battery of my laptop seems swollen, the touchpad is lifting.', 'hardware', null],
  ['Request: second keyboard layout', 'Please add the US keyboard layout to my Windows account.', 'software', null],
  [
    'Telefon klingelt nicht',
    'Mein Tischtelefon klingelt bei Anrufen nicht mehr, Display zeigt den Anruf.',
    'telephony',
    null,
  ],
  [
    'Mailverteiler Vertrieb anlegen',
    'Bitte einen Verteiler vertrieb@ mit allen Außendienstlern anlegen.',
    'email',
    'Microsoft 365',
  ],
  [
    'Beamer im Raum Main zeigt kein Bild',
    'Der Beamer im Raum Main erkennt den HDMI-Anschluss nicht.',
    'hardware',
    null,
  ],
  [
    'Phishing-Mail erhalten',
    'Ich habe eine verdächtige Mail mit Rechnung im Anhang bekommen, nicht geöffnet.',
    'security',
    null,
  ],
  ['New employee laptop setup', 'Mr. Novak starts next week in logistics, please prepare a laptop.', 'hardware', null],
  ['Zeiterfassung: Buchung fehlt', 'In der Zeiterfassung fehlt meine Buchung vom Dienstag.', 'software', null],
  [
    'Scanner speichert nicht in Ordner',
    'Der Scanner am Kopierer legt die Scans nicht mehr im Scan-Ordner ab.',
    'hardware',
    null,
  ],
  ['Windows-Update hängt bei 30 %', 'Das Update steht seit einer Stunde bei 30 Prozent.', 'software', null],
  ['Lautsprecher im Büro rauscht', 'Die externen Lautsprecher rauschen laut, auch ohne Ton.', 'hardware', null],
  [
    'Request access to HR folder',
    'I need read access to the HR templates folder on the file server.',
    'access',
    'Fileserver',
  ],
  [
    'Dockingstation erkennt Monitor nicht',
    'Nach dem Anstecken an die Dockingstation bleibt der externe Bildschirm dunkel.',
    'hardware',
    null,
  ],
  [
    'Teams-Gruppe für Projekt Nord',
    'Bitte ein Team „Projekt Nord“ mit den Projektmitgliedern anlegen.',
    'software',
    'Microsoft Teams',
  ],
  [
    'Passwort für Lieferantenportal vergessen',
    'Ich habe mein Passwort für das Portal von Müller Logistik vergessen.',
    'access',
    null,
  ],
  ['Browser startet sehr langsam', 'Chrome braucht zwei Minuten zum Starten.', 'software', null],
  ['USB-Stick wird nicht erkannt', 'Mein USB-Stick wird am Laptop nicht angezeigt.', 'hardware', null],
  ['Software request: Visio', 'Please install Visio for the process documentation.', 'software', null],
  [
    'Kopierer Papierstau Fach 2',
    'Der Kopierer im EG meldet Papierstau in Fach 2, finde aber kein Papier.',
    'hardware',
    null,
  ],
  [
    'Handy synchronisiert keine Kontakte',
    'Die Kontakte auf dem Diensthandy sind nicht mehr aktuell.',
    'email',
    'Microsoft 365',
  ],
  [
    'Abwesenheitsnotiz einrichten',
    'Wie richte ich die Abwesenheitsnotiz für den Urlaub ein?',
    'email',
    'Microsoft 365',
  ],
  ['Tablet für Außendienst', 'Der Außendienst braucht zwei Tablets für Kundentermine.', 'hardware', null],
  ['Monitor cable missing', 'My desk has no DisplayPort cable for the second screen.', 'hardware', null],
  [
    'Datei lässt sich nicht öffnen',
    'Eine Word-Datei vom Kunden öffnet mit der Meldung „beschädigt“.',
    'software',
    null,
  ],
  ['Headset bestellen', 'Für die neue Kollegin im Support bitte ein Headset bestellen.', 'hardware', null],
  [
    'Kennwort läuft ab – Hinweis unklar',
    'Ich bekomme den Hinweis, mein Kennwort läuft in 5 Tagen ab. Was tun?',
    'access',
    null,
  ],
  ['Fax kommt nicht an', 'Ein Kunde sagt, unser Fax sei nicht erreichbar.', 'telephony', null],
  ['Uhrzeit am PC falsch', 'Die Uhr auf meinem Rechner geht zehn Minuten nach.', 'software', null],
  ['Budget question: new laptops', 'How many laptops are planned for next year?', 'other', null],
  ['Bildschirmschoner zu früh', 'Der Bildschirm sperrt sich schon nach zwei Minuten.', 'software', null],
  ['Drucker im EG druckt streifig', 'Ausdrucke vom Drucker im Erdgeschoss haben graue Streifen.', 'hardware', null],
  ['CRM-Export als CSV', 'Wie exportiere ich die Kundenliste aus dem CRM als CSV?', 'software', null],
  ['Mauspad und Handballenauflage', 'Bitte eine ergonomische Handballenauflage bestellen.', 'hardware', null],
  [
    'Leaving employee: disable account',
    'Ms. Berger leaves on Friday, please disable her account afterwards.',
    'access',
    null,
  ],
  ['Stromausfall im Serverraum?', 'Die Klimaanlage im Serverraum piept, ist alles in Ordnung?', 'other', null],
  ['PDF-Drucker fehlt', 'In der Druckerauswahl fehlt „Microsoft Print to PDF“.', 'software', null],
];

const people = [
  ['Anna Schmidt', 'Buchhaltung'],
  ['Jonas Weber', 'Vertrieb'],
  ['Leonie Fischer', 'Einkauf'],
  ['Mehmet Kaya', 'Logistik'],
  ['Sarah Becker', 'Personal'],
  ['Tom Richter', 'Vertrieb'],
  ['Julia Wagner', 'Marketing'],
  ['Lukas Hoffmann', 'Produktion'],
  ['Emma Schulz', 'Buchhaltung'],
  ['Paul Koch', 'Geschäftsführung'],
  ['Mia Bauer', 'Einkauf'],
  ['Felix Klein', 'Logistik'],
] as const;

/** A small deterministic generator: the corpus is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export function patternCorpus(): LabelledTicket[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const tickets: LabelledTicket[] = [];
  for (const cause of causes) {
    for (let i = 0; i < cause.count; i += 1) {
      const [requester, department] = pick(people);
      tickets.push({
        label: cause.label,
        title: cause.titles[i % cause.titles.length] as string,
        description: pick(cause.descriptions),
        category: cause.category,
        department,
        requester,
        // Not every requester names the system: a third of the reports leave it open.
        system: next() < 0.66 ? cause.system : null,
      });
    }
  }
  for (const [title, description, category, system] of noise) {
    const [requester, department] = pick(people);
    tickets.push({ label: null, title, description, category, department, requester, system });
  }
  // Mixed in time, as a desk receives them.
  for (let i = tickets.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [tickets[i], tickets[j]] = [tickets[j] as LabelledTicket, tickets[i] as LabelledTicket];
  }
  return tickets;
}
