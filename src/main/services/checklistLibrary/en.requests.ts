import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';

/** Service-request and maintenance checklists shipped in English. */
export const requestsEn: ChecklistTemplateInput[] = [
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
