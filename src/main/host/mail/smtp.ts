import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type { MailAccount, OutboxMessage } from '../../../shared/domain/mail';
import { trustedCertificates } from './trust';

export function smtpTransport(account: MailAccount, password: string | null) {
  return nodemailer.createTransport({
    host: account.smtpHost ?? undefined,
    port: account.smtpPort,
    secure: account.smtpSecurity === 'tls',
    // STARTTLS chosen means STARTTLS required: nodemailer refuses to go on in plain text.
    requireTLS: account.smtpSecurity === 'starttls',
    ignoreTLS: account.smtpSecurity === 'none',
    ...(password ? { auth: { user: account.username, pass: password } } : {}),
    tls: {
      rejectUnauthorized: true,
      servername: account.smtpHost && !isIP(account.smtpHost) ? account.smtpHost : undefined,
      ca: trustedCertificates(),
    },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

/** Sends one queued mail with our Message-ID, the thread's headers and, for acknowledgements, the loop guards. */
export async function sendOutboxMessage(account: MailAccount, password: string | null, message: OutboxMessage) {
  const transport = smtpTransport(account, password);
  try {
    await transport.sendMail({
      from: { name: account.name, address: message.from || account.address },
      to: message.to,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.messageId}>`,
      ...(message.inReplyTo ? { inReplyTo: `<${message.inReplyTo}>` } : {}),
      ...(message.references.length ? { references: message.references.map((id) => `<${id}>`) } : {}),
      headers: message.automatic
        ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', Precedence: 'auto_reply' }
        : { 'X-Auto-Response-Suppress': 'All' },
      attachments: message.attachments.map((file) => ({
        filename: file.fileName,
        path: file.path,
        contentType: file.mimeType,
      })),
    });
  } finally {
    transport.close();
  }
}
