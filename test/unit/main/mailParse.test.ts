import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailLimits, parseMailFile } from '../../../src/main/host/mail/parse';
import { incomingMailSchema } from '../../../src/shared/domain/mail';
import { outlookMsg } from '../../support/msg';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/mail', name));
const parse = async (bytes: Buffer | string, name = 'm.eml') => {
  const mail = await parseMailFile(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), name);
  // What the parser gives is what the store's boundary accepts.
  expect(incomingMailSchema.safeParse(mail).success).toBe(true);
  return mail;
};

describe('mails as the clients write them', () => {
  it('Outlook: ISO-8859-1 umlauts in headers and body, winmail.dat kept as a file', async () => {
    const mail = await parse(fixture('outlook-umlauts.eml'));
    expect(mail).toMatchObject({
      fromName: 'Jürgen Müller',
      fromAddress: 'juergen.mueller@example.de',
      subject: 'Großer Drucker im Erdgeschoß zeigt "Störung"',
      date: '2026-11-30T07:12:03.000Z',
      messageId: 'AM0PR01MB1234567890ABCDEF@AM0PR01MB1234.eurprd01.prod.exchangelabs.com',
    });
    expect(mail.text).toContain('Niemand kann drucken');
    expect(mail.attachments.map((a) => a.fileName)).toEqual(['winmail.dat']);
  });

  it('Gmail: the inline image is stored as an inline attachment', async () => {
    const mail = await parse(fixture('gmail-inline-image.eml'));
    expect(mail.subject).toBe('VPN verbindet nicht');
    expect(mail.text).toContain('seit dem Update');
    expect(mail.attachments).toEqual([
      expect.objectContaining({ fileName: 'fehler.png', mimeType: 'image/png', inline: true }),
    ]);
  });

  it('Apple Mail, HTML only: read as text, scripts dropped', async () => {
    const mail = await parse(fixture('apple-html-only.eml'));
    expect(mail.text).toContain('Outlook startet bei mir nicht mehr.');
    expect(mail.text).not.toContain('alert');
    expect(mail.text).not.toContain('<');
  });

  it('Thunderbird forward: the forwarded mail stays folded below the words of the forwarder', async () => {
    const mail = await parse(fixture('thunderbird-forward.eml'));
    expect(mail.text).toBe('Bitte schaut euch das an, bei uns allen in der Buchhaltung.');
    expect(mail.quoted).toContain('Jahresabschluss');
  });

  it('Exchange auto-reply keeps its loop headers', async () => {
    const mail = await parse(fixture('exchange-autoreply.eml'));
    expect(mail.headers).toMatchObject({ autoSubmitted: 'auto-replied', autoResponseSuppress: 'All' });
  });

  it('Outlook .msg: subject, sender, body, Date and Message-ID from its headers, the attachment', async () => {
    const bytes = outlookMsg({
      subject: 'Monitor flackert',
      senderName: 'Jürgen Müller',
      senderEmail: 'juergen.mueller@example.de',
      body: 'Mein Monitor flackert.\r\n',
      headers:
        'Message-ID: <msg-1@example.de>\r\nDate: Mon, 30 Nov 2026 08:00:00 +0100\r\nIn-Reply-To: <ls.1@firma.test>\r\n',
      attachment: { fileName: 'foto.jpg', mimeType: 'image/jpeg', content: Buffer.from('JPEGDATA') },
    });
    const mail = await parse(bytes, 'Monitor.msg');
    expect(mail).toMatchObject({
      subject: 'Monitor flackert',
      fromName: 'Jürgen Müller',
      fromAddress: 'juergen.mueller@example.de',
      text: 'Mein Monitor flackert.',
      messageId: 'msg-1@example.de',
      inReplyTo: 'ls.1@firma.test',
      date: '2026-11-30T07:00:00.000Z',
    });
    expect(mail.attachments).toEqual([
      expect.objectContaining({ fileName: 'foto.jpg', contentBase64: Buffer.from('JPEGDATA').toString('base64') }),
    ]);
  });

  it('a delivery report names the Message-ID of the mail that bounced', async () => {
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.firma.test>',
      'To: it@firma.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.firma.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      '550 5.1.1 <anna@example.de>: Recipient address rejected: User unknown',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; anna@example.de',
      'Action: failed',
      'Status: 5.1.1',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      'Message-ID: <ls.abc.123@firma.test>',
      'Subject: [LS-2026-0001] AW: Drucker',
      '--B--',
      '',
    ].join('\r\n');
    const mail = await parse(dsn);
    expect(mail).toMatchObject({
      isDeliveryReport: true,
      bouncedMessageIds: ['ls.abc.123@firma.test'],
      attachments: [],
    });
    expect(mail.text).toContain('550 5.1.1');
  });
});

describe('hostile mails', () => {
  const headers = 'From: a@example.de\r\nSubject: x\r\nMessage-ID: <h@example.de>\r\nMIME-Version: 1.0\r\n';

  it('5,000 parts: at most 200 attachments, the rest counted', async () => {
    const parts = Array.from(
      { length: 5000 },
      (_, i) =>
        `--B\r\nContent-Type: text/plain; name="f${i}.txt"\r\nContent-Disposition: attachment; filename="f${i}.txt"\r\n\r\nTeil ${i}\r\n`,
    ).join('');
    const raw = `${headers}Content-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nHallo\r\n${parts}--B--\r\n`;
    const mail = await parse(raw);
    expect(mail.attachments).toHaveLength(mailLimits.maxAttachments);
    expect(mail.droppedParts).toBe(5000 - mailLimits.maxAttachments);
  });

  it('60-deep nesting is read; deeper is refused with a clear reason', async () => {
    const nest = (depth: number) => {
      let body = 'Content-Type: text/plain\r\n\r\ninnen\r\n';
      for (let i = 0; i < depth; i += 1)
        body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
      return `${headers}${body}`;
    };
    expect((await parse(nest(55))).text).toBe('innen');
    await expect(parseMailFile(Buffer.from(nest(200)), 'deep.eml')).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'mail_unreadable',
    });
  });

  it('broken encodings and control characters come out as clean text', async () => {
    const raw = `From: =?utf-8?B?broken?= <a@example.de>\r\nSubject: =?unknown-charset?Q?Gr=FC=DFe?= \u0007\r\nMessage-ID: <b@example.de>\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64\u0000\u202e\r\n`;
    const mail = await parse(raw);
    expect(mail.subject).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(mail.text).not.toMatch(/[\u0000\u202e]/);
  });

  it('refuses more than 100 MB and what is no mail at all', async () => {
    await expect(parseMailFile(Buffer.alloc(mailLimits.maxBytes + 1), 'big.eml')).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    await expect(parseMailFile(Buffer.from('\r\n\r\n'), 'leer.eml')).rejects.toMatchObject({
      messageKey: 'mail_unreadable',
    });
    await expect(
      parseMailFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), 'kaputt.msg'),
    ).rejects.toMatchObject({
      messageKey: 'mail_unreadable',
    });
  });
});
