import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';

/** Runbooks for shared infrastructure and security incidents, in English. */
export const infrastructureEn: ChecklistTemplateInput[] = [
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
];
