import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';

/** Runbooks for one person's workplace (mail, printing, account), in English. */
export const workplaceEn: ChecklistTemplateInput[] = [
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
];
