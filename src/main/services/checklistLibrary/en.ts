import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';

/** The runbooks Leitstand ships with, in English (same keys and step ids as the German ones). */
export const libraryEn: ChecklistTemplateInput[] = [
  {
    key: 'outlook-does-not-start',
    title: 'Outlook does not start',
    kind: 'incident',
    language: 'en',
    categories: ['email', 'software'],
    keywords: ['outlook', 'mail', 'mailbox', 'profile', 'loading', 'hangs'],
    sections: [
      {
        title: 'Narrow it down',
        steps: [
          {
            id: 'nur-einer',
            title: 'Is only this person affected?',
            question: true,
            minutes: 2,
            instructions:
              'Ask colleagues nearby or check the Exchange Online service health in the admin centre. If many are affected, treat it as an outage and check the priority.',
          },
          {
            id: 'webmail',
            title: 'Does Outlook on the web (outlook.office.com) work?',
            question: true,
            minutes: 3,
            instructions: 'If yes, account and mailbox are fine; the problem is on the computer.',
          },
          {
            id: 'letzte-aenderung',
            title: 'Record the last change (update, new add-in, password change)',
            needsEvidence: true,
            minutes: 3,
          },
        ],
      },
      {
        title: 'Fix',
        steps: [
          {
            id: 'abgesicherter-modus',
            title: 'Start Outlook in safe mode (`outlook.exe /safe`)',
            minutes: 5,
            instructions:
              'If it starts that way, disable add-ins (File › Options › Add-ins) and re-enable them one by one.',
          },
          { id: 'prozesse', title: 'End hanging Outlook processes, sign in again', minutes: 3 },
          {
            id: 'profil-neu',
            title: 'Create a new Outlook profile (Control Panel › Mail › Profiles)',
            minutes: 15,
            required: false,
            instructions:
              'Delete the old profile only after a successful test. The OST file resyncs – large mailboxes take a while.',
          },
          { id: 'office-reparatur', title: 'Office quick repair, then online repair', minutes: 20, required: false },
        ],
      },
      {
        title: 'Close',
        steps: [
          {
            id: 'test',
            title: 'Test with the person: send and receive mail, calendar opens',
            needsEvidence: true,
            minutes: 3,
            owner: 'requester',
          },
          { id: 'doku', title: 'Note cause and fix in the ticket', needsEvidence: true, minutes: 2 },
        ],
      },
    ],
  },
  {
    key: 'printer-does-not-print',
    title: 'Printer does not print',
    kind: 'incident',
    language: 'en',
    categories: ['printing', 'hardware'],
    keywords: ['printer', 'print', 'print job', 'queue', 'scanner', 'paper jam', 'toner'],
    sections: [
      {
        title: 'Narrow it down',
        steps: [
          { id: 'alle-betroffen', title: 'Can nobody print, or only this person?', question: true, minutes: 2 },
          {
            id: 'geraet-anzeige',
            title: 'Check the device display: paper jam, toner, error message',
            minutes: 3,
            needsEvidence: true,
            instructions: 'Put the error code or a photo of the display in the ticket.',
          },
          {
            id: 'netz',
            title: 'Is the printer reachable on the network (ping, web interface)?',
            question: true,
            minutes: 3,
          },
        ],
      },
      {
        title: 'Fix',
        steps: [
          {
            id: 'warteschlange',
            title: 'Clear the print queue, restart the "Print Spooler" service',
            minutes: 5,
            instructions: "On the print server if there is one, otherwise on the person's computer.",
          },
          {
            id: 'neustart-geraet',
            title: 'Switch the printer off and on again',
            minutes: 5,
            condition: { step: 'netz', answer: 'no' },
          },
          {
            id: 'ip-pruefen',
            title: 'Compare the IP address on the device with the printer port (DHCP reservation?)',
            minutes: 10,
            condition: { step: 'netz', answer: 'no' },
          },
          {
            id: 'treiber',
            title: 'Remove and re-add the printer on the computer, update the driver if needed',
            minutes: 15,
            condition: { step: 'alle-betroffen', answer: 'no' },
          },
          {
            id: 'service',
            title: 'Hardware fault: open a service case with the dealer/lessor (have the serial number ready)',
            required: false,
            owner: 'msp',
            minutes: 10,
          },
        ],
      },
      {
        title: 'Close',
        steps: [
          { id: 'testseite', title: 'Print a test page from an affected computer', needsEvidence: true, minutes: 2 },
          { id: 'ausweichen', title: 'Until fixed: alternative printer named', required: false, minutes: 1 },
        ],
      },
    ],
  },
  {
    key: 'm365-password-locked',
    title: 'Microsoft 365: password reset / account locked',
    kind: 'incident',
    language: 'en',
    categories: ['account'],
    keywords: ['password', 'locked', 'sign-in', 'login', 'mfa', 'authenticator', 'account'],
    sections: [
      {
        title: 'Verify identity – before any change',
        steps: [
          {
            id: 'identitaet',
            title: "Verify the person's identity (in person, call back on a known number)",
            needsEvidence: true,
            minutes: 3,
            instructions:
              'Never reset on request by e-mail or from an unknown number. Record how you verified in the ticket.',
          },
          {
            id: 'verdacht',
            title: 'Any signs of an attack (unknown sign-in locations, MFA prompts the person did not trigger)?',
            question: true,
            minutes: 5,
            instructions: 'Entra admin centre › Users › Sign-in logs.',
          },
          {
            id: 'sicherheitsvorfall',
            title: 'Suspicion: start the runbook "Suspected phishing / security incident"',
            condition: { step: 'verdacht', answer: 'yes' },
            minutes: 1,
          },
        ],
      },
      {
        title: 'Reset',
        steps: [
          { id: 'entsperren', title: 'Unlock the account / allow sign-in again', minutes: 2 },
          {
            id: 'temp-passwort',
            title: 'Set a temporary password, force a change at next sign-in',
            minutes: 3,
            instructions:
              'Give the temporary password only verbally or in person – **never** write it into the ticket.',
          },
          {
            id: 'sitzungen',
            title: 'Sign out all sessions (sign out everywhere)',
            condition: { step: 'verdacht', answer: 'yes' },
            minutes: 2,
          },
          { id: 'mfa', title: 'Check MFA methods, re-register after a phone change', required: false, minutes: 10 },
        ],
      },
      {
        title: 'Close',
        steps: [
          {
            id: 'anmeldung-test',
            title: 'The person signs in successfully (Outlook, Teams, phone)',
            owner: 'requester',
            minutes: 5,
          },
          {
            id: 'hinweis',
            title: 'Advice given: use a password manager, never reuse passwords',
            required: false,
            minutes: 1,
          },
        ],
      },
    ],
  },
  {
    key: 'server-share-down',
    title: 'Server or file share down',
    kind: 'incident',
    language: 'en',
    categories: ['server', 'network'],
    keywords: ['server', 'share', 'drive', 'network drive', 'file server', 'unreachable', 'down', 's:'],
    sections: [
      {
        title: 'First 10 minutes',
        steps: [
          {
            id: 'umfang',
            title: 'Establish the scope: who, which drives/services, since when',
            needsEvidence: true,
            minutes: 5,
          },
          {
            id: 'info-alle',
            title: 'Tell those affected: "We are on it, next update at …"',
            minutes: 3,
            instructions: 'Use the status message on the ticket (key `m`); name a fixed time for the next update.',
          },
          {
            id: 'erreichbar',
            title: 'Is the server reachable (ping, RDP/console, hypervisor)?',
            question: true,
            minutes: 5,
          },
        ],
      },
      {
        title: 'Server unreachable',
        steps: [
          {
            id: 'strom-netz',
            title: 'Check power, UPS messages and network in the server room',
            condition: { step: 'erreichbar', answer: 'no' },
            minutes: 10,
            needsEvidence: true,
          },
          {
            id: 'hypervisor',
            title: 'Check the VM in the hypervisor (running, paused, storage full?)',
            condition: { step: 'erreichbar', answer: 'no' },
            minutes: 10,
          },
          {
            id: 'msp-rufen',
            title: 'After 30 minutes without success: hand over to the MSP',
            condition: { step: 'erreichbar', answer: 'no' },
            owner: 'msp',
            minutes: 5,
          },
        ],
      },
      {
        title: 'Server reachable, share not',
        steps: [
          {
            id: 'speicher',
            title: 'Check free disk space and the event log (System, Application)',
            condition: { step: 'erreichbar', answer: 'yes' },
            minutes: 10,
            needsEvidence: true,
          },
          {
            id: 'dienst',
            title: 'Check the "Server" service (LanmanServer) and the shares',
            condition: { step: 'erreichbar', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'rechte',
            title: 'Check permissions/group membership of those affected (recent changes?)',
            condition: { step: 'erreichbar', answer: 'yes' },
            minutes: 10,
          },
        ],
      },
      {
        title: 'Close',
        steps: [
          { id: 'test-zugriff', title: 'Test access with an affected person', needsEvidence: true, minutes: 3 },
          { id: 'entwarnung', title: 'All-clear to everyone affected', minutes: 2 },
          {
            id: 'ursache',
            title: 'Note cause and prevention (monitoring, disk space alert, UPS test)',
            needsEvidence: true,
            minutes: 10,
          },
        ],
      },
    ],
  },
  {
    key: 'wifi-vpn-problems',
    title: 'Wi-Fi or VPN problems',
    kind: 'incident',
    language: 'en',
    categories: ['network'],
    keywords: ['wifi', 'wi-fi', 'wlan', 'vpn', 'home office', 'connection', 'internet', 'slow', 'drops'],
    sections: [
      {
        title: 'Narrow it down',
        steps: [
          { id: 'vpn', title: 'Is it about the VPN (home office/travelling)?', question: true, minutes: 1 },
          {
            id: 'internet-ok',
            title: 'Does the internet work without VPN (open a website)?',
            question: true,
            minutes: 2,
          },
          { id: 'andere', title: 'Do others at the same place have the same problem?', question: true, minutes: 2 },
        ],
      },
      {
        title: 'VPN',
        steps: [
          {
            id: 'vpn-client',
            title: 'Record the VPN client version and error message',
            condition: { step: 'vpn', answer: 'yes' },
            needsEvidence: true,
            minutes: 3,
          },
          {
            id: 'vpn-konto',
            title: 'Account not locked, password not expired, certificate valid',
            condition: { step: 'vpn', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'heimrouter',
            title: 'Restart the home router; test via phone hotspot',
            condition: { step: 'vpn', answer: 'yes' },
            owner: 'requester',
            minutes: 10,
          },
        ],
      },
      {
        title: 'Office Wi-Fi',
        steps: [
          {
            id: 'ap-status',
            title: 'Check access point and controller (status, connected devices)',
            condition: { step: 'vpn', answer: 'no' },
            minutes: 10,
          },
          {
            id: 'treiber-wlan',
            title: 'Forget the Wi-Fi profile on the device and reconnect, check the driver',
            condition: { step: 'andere', answer: 'no' },
            minutes: 10,
          },
        ],
      },
      {
        title: 'Close',
        steps: [
          {
            id: 'test-verbindung',
            title: 'Connection tested with the person (file access, Teams call)',
            needsEvidence: true,
            minutes: 5,
          },
        ],
      },
    ],
  },
  {
    key: 'phishing-security-incident',
    title: 'Suspected phishing / security incident – the first 15 minutes',
    kind: 'incident',
    language: 'en',
    categories: ['security', 'email'],
    keywords: [
      'phishing',
      'link',
      'clicked',
      'virus',
      'trojan',
      'encrypted',
      'ransom',
      'suspicious',
      'security incident',
    ],
    sections: [
      {
        title: 'At once (minute 0–5)',
        steps: [
          {
            id: 'ruhe',
            title: 'Reassure the person: reporting was right. Delete nothing, click nothing more.',
            minutes: 1,
          },
          {
            id: 'klick',
            title: 'Was a link opened, an attachment run or a password entered?',
            question: true,
            minutes: 2,
          },
          {
            id: 'netz-trennen',
            title: 'Disconnect the device (pull the LAN cable, Wi-Fi off) – do not switch it off',
            condition: { step: 'klick', answer: 'yes' },
            minutes: 1,
            instructions: 'Switching off destroys traces in memory. Disconnect only.',
          },
        ],
      },
      {
        title: 'Contain (minute 5–15)',
        steps: [
          {
            id: 'passwort',
            title: 'Reset the account password and sign out all sessions',
            condition: { step: 'klick', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'mail-sperren',
            title: 'Block sender/domain, remove the same mail from all mailboxes',
            minutes: 10,
            owner: 'msp',
            instructions: 'Microsoft Defender: Explorer › search by sender/subject › soft delete.',
          },
          {
            id: 'weiterleitungen',
            title: "Check the account's inbox rules and forwarding",
            condition: { step: 'klick', answer: 'yes' },
            minutes: 5,
          },
          { id: 'belege', title: 'Secure evidence: mail as .eml, time, screenshots', needsEvidence: true, minutes: 5 },
        ],
      },
      {
        title: 'Report and decide',
        steps: [
          {
            id: 'gf-informieren',
            title: 'Inform management and the data protection officer',
            minutes: 5,
            condition: { step: 'klick', answer: 'yes' },
          },
          {
            id: 'dsgvo',
            title: 'Check: notification duty under Art. 33 GDPR (72 hours)?',
            minutes: 10,
            condition: { step: 'klick', answer: 'yes' },
            needsEvidence: true,
          },
          {
            id: 'msp-forensik',
            title: 'Have the MSP examine/reinstall the device',
            owner: 'msp',
            condition: { step: 'klick', answer: 'yes' },
            minutes: 5,
          },
          {
            id: 'warnung',
            title: 'Warn all staff briefly (subject, sender, "do not open")',
            required: false,
            minutes: 5,
          },
        ],
      },
    ],
  },
  {
    key: 'onboarding',
    title: 'New employee – onboarding',
    kind: 'serviceRequest',
    language: 'en',
    categories: ['account', 'hardware'],
    keywords: ['onboarding', 'new employee', 'new starter', 'joiner', 'new hire'],
    variables: [
      { key: 'name', label: 'Name', type: 'text' },
      { key: 'start', label: 'First working day', type: 'date' },
      { key: 'abteilung', label: 'Department', type: 'text' },
      { key: 'geraet', label: 'Device (e.g. 14" notebook)', type: 'text', required: false },
    ],
    sections: [
      {
        title: 'Prepare',
        steps: [
          {
            id: 'angaben',
            title: 'Details from HR/manager complete (role, access, phone, software)',
            needsEvidence: true,
            due: { from: 'start', workingDays: -10 },
            minutes: 10,
          },
          {
            id: 'geraet-bestellen',
            title: 'Order device and accessories',
            due: { from: 'start', workingDays: -7 },
            minutes: 15,
            instructions: 'Mind the delivery time; put the order number in the ticket.',
          },
          {
            id: 'konto',
            title: 'Create the Microsoft 365 account, assign licence, department groups',
            due: { from: 'start', workingDays: -3 },
            minutes: 15,
          },
          {
            id: 'rechte',
            title: 'Grant shares, business applications and shared mailboxes',
            due: { from: 'start', workingDays: -3 },
            minutes: 20,
          },
          {
            id: 'geraet-einrichten',
            title: 'Set up the device (Intune/image, updates, BitLocker, printers)',
            due: { from: 'start', workingDays: -2 },
            minutes: 60,
          },
          {
            id: 'telefon',
            title: 'Set up phone extension and Teams calling',
            required: false,
            due: { from: 'start', workingDays: -2 },
            minutes: 15,
          },
        ],
      },
      {
        title: 'First day',
        steps: [
          {
            id: 'uebergabe',
            title: 'Hand over the device, have the handover form signed',
            needsEvidence: true,
            due: { from: 'start', workingDays: 0 },
            minutes: 15,
          },
          {
            id: 'erste-anmeldung',
            title: 'Accompany the first sign-in: change password, set up MFA',
            due: { from: 'start', workingDays: 0 },
            minutes: 20,
            owner: 'requester',
          },
          {
            id: 'einweisung',
            title: 'Short briefing: how to report an IT problem, how to spot phishing',
            due: { from: 'start', workingDays: 0 },
            minutes: 15,
          },
        ],
      },
      {
        title: 'Follow up',
        steps: [
          {
            id: 'nachfrage',
            title: 'Ask after a week: is anything missing?',
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
    title: 'Employee leaves the company – offboarding',
    kind: 'serviceRequest',
    language: 'en',
    categories: ['account', 'security'],
    keywords: ['offboarding', 'leaver', 'resignation', 'last working day', 'leaving'],
    variables: [
      { key: 'name', label: 'Name', type: 'text' },
      { key: 'ende', label: 'Last working day', type: 'date' },
      { key: 'nachfolge', label: 'Mailbox/files taken over by', type: 'text', required: false },
    ],
    sections: [
      {
        title: 'Before',
        steps: [
          {
            id: 'bestaetigung',
            title: 'Leaving confirmed by HR in writing',
            needsEvidence: true,
            due: { from: 'ende', workingDays: -10 },
            minutes: 5,
          },
          {
            id: 'geraeteliste',
            title: 'List issued devices, keys, cards and tokens',
            needsEvidence: true,
            due: { from: 'ende', workingDays: -5 },
            minutes: 10,
          },
          {
            id: 'daten-uebergabe',
            title: 'Agree handover of files and mailbox with the manager',
            due: { from: 'ende', workingDays: -5 },
            minutes: 15,
          },
        ],
      },
      {
        title: 'Last day – remove access',
        steps: [
          {
            id: 'm365-sperren',
            title: 'Block Microsoft 365 sign-in and sign out all sessions',
            due: { from: 'ende', workingDays: 0 },
            minutes: 5,
          },
          {
            id: 'vpn-entziehen',
            title: 'Remove VPN, remote access and MFA devices',
            due: { from: 'ende', workingDays: 0 },
            minutes: 5,
          },
          {
            id: 'fachanwendungen',
            title: 'Disable accounts in business applications (ERP, CRM, payroll, banking)',
            needsEvidence: true,
            due: { from: 'ende', workingDays: 0 },
            minutes: 20,
            instructions: 'Record each application with its date in the ticket – this is the access checklist.',
          },
          {
            id: 'gemeinsame-passwoerter',
            title: 'Change shared passwords the person knew',
            due: { from: 'ende', workingDays: 0 },
            minutes: 20,
          },
          {
            id: 'geraete-zurueck',
            title: 'Devices, keys and cards returned',
            needsEvidence: true,
            due: { from: 'ende', workingDays: 0 },
            minutes: 10,
          },
        ],
      },
      {
        title: 'After',
        steps: [
          {
            id: 'postfach',
            title: 'Convert the mailbox to a shared mailbox, set an out-of-office reply',
            due: { from: 'ende', workingDays: 1 },
            minutes: 10,
          },
          {
            id: 'lizenz',
            title: 'Remove the licence (after converting the mailbox)',
            due: { from: 'ende', workingDays: 5 },
            minutes: 5,
          },
          {
            id: 'geraet-loeschen',
            title: 'Wipe the device securely and reinstall or retire it',
            due: { from: 'ende', workingDays: 10 },
            minutes: 30,
          },
        ],
      },
    ],
  },
  {
    key: 'monthly-updates',
    title: 'Monthly update round',
    kind: 'maintenance',
    language: 'en',
    categories: ['software', 'server'],
    keywords: ['update', 'patch', 'patch tuesday', 'windows update', 'maintenance'],
    sections: [
      {
        title: 'Prepare',
        steps: [
          {
            id: 'bekannte-probleme',
            title: 'Check known issues of the updates (Microsoft Release Health)',
            minutes: 15,
            instructions: 'https://learn.microsoft.com/windows/release-health/',
          },
          { id: 'sicherung', title: 'Was the last server backup successful?', needsEvidence: true, minutes: 10 },
          { id: 'ankuendigen', title: 'Announce the maintenance window (server restarts)', minutes: 5 },
        ],
      },
      {
        title: 'Carry out',
        steps: [
          { id: 'testgruppe', title: 'Install the updates on the test group (2–3 devices) first', minutes: 30 },
          { id: 'clients', title: 'After 2 days without problems: release to all clients', minutes: 15 },
          { id: 'server', title: 'Update and restart servers in the maintenance window', minutes: 60, owner: 'msp' },
          { id: 'firmware', title: 'Firewall, NAS, printers: check firmware notices', required: false, minutes: 20 },
        ],
      },
      {
        title: 'Check',
        steps: [
          {
            id: 'compliance',
            title: 'Check the update level of all devices, chase stragglers',
            needsEvidence: true,
            minutes: 20,
          },
          { id: 'dienste', title: 'Key services checked after restart (file server, ERP, printing)', minutes: 15 },
        ],
      },
    ],
  },
];
