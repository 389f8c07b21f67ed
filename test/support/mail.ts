import type { MethodInput } from '../../src/shared/contract';

/** A parsed mail as the host hands it to the store. */
export const printerMail = {
  messageId: 'CAB1234@mail.gmail.com',
  inReplyTo: '',
  references: [],
  fromAddress: 'anna.becker@example.de',
  fromName: 'Anna Becker',
  subject: 'Drucker im 2. OG druckt nicht',
  date: '2026-11-30T08:15:00.000Z',
  text: 'Hallo, der Drucker im 2. OG druckt seit heute früh nicht. Niemand kann drucken.',
  quoted: '',
  headers: {
    autoSubmitted: '',
    autoResponseSuppress: '',
    precedence: '',
    xAutoreply: '',
    xAutoResponse: '',
    listId: '',
  },
  isDeliveryReport: false,
  bouncedMessageIds: [],
  attachments: [],
  droppedParts: 0,
} satisfies MethodInput<'mail.ingest'>['mail'];

export const mailAccount = {
  name: 'IT-Postfach',
  address: 'it@firma.test',
  imapHost: '127.0.0.1',
  imapPort: 1143,
  imapSecurity: 'none',
  username: 'it@firma.test',
  folder: 'INBOX',
  processedFolder: 'Leitstand/Verarbeitet',
  smtpHost: '127.0.0.1',
  smtpPort: 2525,
  smtpSecurity: 'none',
  pollSeconds: 60,
  enabled: true,
  acknowledge: true,
} satisfies MethodInput<'mail.accounts.record'>['account'];

/** A minimal .eml, as base64. */
export const emlBase64 = Buffer.from(
  'From: Anna Becker <anna.becker@example.de>\r\nTo: it@firma.test\r\nSubject: VPN geht nicht\r\nMessage-ID: <vpn-1@example.de>\r\nDate: Mon, 30 Nov 2026 09:00:00 +0100\r\n\r\nDas VPN verbindet nicht.\r\n',
).toString('base64');
