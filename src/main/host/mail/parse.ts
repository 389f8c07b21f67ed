import MsgReader from '@kenjiuno/msgreader';
import { convert } from 'html-to-text';
import PostalMime, { type Email } from 'postal-mime';
import type { IncomingMail } from '../../../shared/domain/mail';
import { foldQuoted } from '../../../shared/domain/mailText';
import { cleanText } from '../../../shared/domain/textPolicy';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../services/ticketAttachments';

/** Bounds of one mail: what a desk can read in bounded time and memory; the rest is counted and told. */
export const mailLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxAttachments: 200,
  maxAttachmentBytes: 25 * 1024 * 1024,
  maxTextChars: 100_000,
  maxNesting: 60,
};

const TEXT_MAX = 20_000;

/** HTML as readable text (links kept as text, images dropped): a mail's HTML is never rendered. */
export const htmlToText = (html: string): string =>
  convert(html.slice(0, 2_000_000), {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
    ],
  });

const header = (mail: Email, key: string): string => mail.headers.find((h) => h.key === key)?.value.slice(0, 500) ?? '';

const idsOf = (value: string): string[] => (value.match(/<[^<>\s]{1,900}>/g) ?? []).map((id) => id.slice(1, -1));

const isoOrNull = (value: string | undefined): string | null => {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
};

const clean = (value: string, max: number, single = false) =>
  cleanText(value.replace(/\r\n/g, '\n'), single).slice(0, max);

const toBuffer = (content: ArrayBuffer | Uint8Array | string): Buffer =>
  typeof content === 'string'
    ? Buffer.from(content)
    : Buffer.from(content instanceof ArrayBuffer ? new Uint8Array(content) : content);

/** The Message-IDs a delivery report names (its returned headers or message part). */
function bouncedIds(mail: Email): string[] {
  const ids: string[] = [];
  for (const part of mail.attachments) {
    if (!/^(message\/rfc822|text\/rfc822-headers|message\/rfc822-headers)$/i.test(part.mimeType)) continue;
    const text = toBuffer(part.content)
      .subarray(0, 64 * 1024)
      .toString('utf8');
    const match = /^Message-ID:\s*(<[^>]+>)/im.exec(text);
    if (match?.[1]) ids.push(match[1].slice(1, -1));
  }
  return ids;
}

function fromEmail(mail: Email): IncomingMail {
  const from = mail.from && 'address' in mail.from && mail.from.address ? mail.from : undefined;
  const contentType = header(mail, 'content-type').toLowerCase();
  const isReport = contentType.startsWith('multipart/report') && contentType.includes('delivery-status');
  const raw = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : '';
  const folded = foldQuoted(clean(raw, mailLimits.maxTextChars));
  const attachments: IncomingMail['attachments'] = [];
  const taken = new Set<string>();
  let dropped = 0;
  for (const part of mail.attachments) {
    if (isReport && /rfc822|delivery-status/i.test(part.mimeType)) continue;
    const content = toBuffer(part.content);
    if (attachments.length >= mailLimits.maxAttachments || content.length > mailLimits.maxAttachmentBytes) {
      dropped += 1;
      continue;
    }
    let name = safeFileName(part.filename ?? (part.mimeType.startsWith('image/') ? 'bild' : 'anhang'));
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${n}-${name}`;
    taken.add(name.toLowerCase());
    attachments.push({
      fileName: name,
      mimeType: part.mimeType.slice(0, 200) || 'application/octet-stream',
      contentBase64: content.toString('base64'),
      inline: part.disposition === 'inline' || Boolean(part.related),
    });
  }
  return {
    messageId: (mail.messageId ?? '').replace(/^<|>$/g, '').slice(0, 900),
    inReplyTo: idsOf(mail.inReplyTo ?? '')[0] ?? '',
    references: idsOf(mail.references ?? '').slice(-100),
    fromAddress: (from?.address ?? '').slice(0, 320),
    fromName: clean(from?.name ?? '', 200, true),
    subject: clean(mail.subject ?? '', 1000, true),
    date: isoOrNull(mail.date),
    text: folded.body.slice(0, TEXT_MAX * 5),
    quoted: folded.quoted.slice(0, TEXT_MAX * 5),
    headers: {
      autoSubmitted: header(mail, 'auto-submitted'),
      autoResponseSuppress: header(mail, 'x-auto-response-suppress'),
      precedence: header(mail, 'precedence'),
      xAutoreply: header(mail, 'x-autoreply'),
      xAutoResponse: header(mail, 'x-autorespond'),
      listId: header(mail, 'list-id'),
    },
    isDeliveryReport: isReport,
    bouncedMessageIds: isReport ? bouncedIds(mail) : [],
    attachments,
    droppedParts: dropped,
  };
}

async function parseEml(bytes: Buffer): Promise<IncomingMail> {
  const mail = await PostalMime.parse(bytes, {
    maxNestingDepth: mailLimits.maxNesting,
    maxHeadersSize: 1024 * 1024,
    attachmentEncoding: 'arraybuffer',
  });
  return fromEmail(mail);
}

/** Outlook's .msg (a compound file): its transport headers when it kept them, else its properties. */
function parseMsg(bytes: Buffer): IncomingMail {
  const reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  const data = reader.getFileData();
  if (data.error) throw new Error(data.error);
  const headers = data.headers ?? '';
  const headerValue = (key: string) =>
    new RegExp(`^${key}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
      .exec(headers)?.[1]
      ?.replace(/\r?\n[ \t]/g, ' ')
      .trim() ?? '';
  const raw = data.body?.trim() ? data.body : data.bodyHtml ? htmlToText(data.bodyHtml) : '';
  const folded = foldQuoted(clean(raw, mailLimits.maxTextChars));
  const attachments: IncomingMail['attachments'] = [];
  let dropped = 0;
  for (const attachment of data.attachments ?? []) {
    if (attachments.length >= mailLimits.maxAttachments) {
      dropped += 1;
      continue;
    }
    const file = reader.getAttachment(attachment);
    const content = Buffer.from(file.content);
    if (content.length > mailLimits.maxAttachmentBytes) {
      dropped += 1;
      continue;
    }
    attachments.push({
      fileName: safeFileName(file.fileName || 'anhang'),
      mimeType: (attachment.attachMimeTag ?? 'application/octet-stream').slice(0, 200),
      contentBase64: content.toString('base64'),
      inline: Boolean(attachment.pidContentId),
    });
  }
  const date =
    isoOrNull(headerValue('Date')) ?? isoOrNull(data.clientSubmitTime) ?? isoOrNull(data.messageDeliveryTime);
  return {
    messageId: (headerValue('Message-ID') || (data as { internetMessageId?: string }).internetMessageId || '')
      .replace(/^<|>$/g, '')
      .slice(0, 900),
    inReplyTo: idsOf(headerValue('In-Reply-To'))[0] ?? '',
    references: idsOf(headerValue('References')).slice(-100),
    fromAddress: (data.senderSmtpAddress || data.senderEmail || '').slice(0, 320),
    fromName: clean(data.senderName ?? '', 200, true),
    subject: clean(data.subject ?? '', 1000, true),
    date,
    text: folded.body,
    quoted: folded.quoted,
    headers: {
      autoSubmitted: headerValue('Auto-Submitted'),
      autoResponseSuppress: headerValue('X-Auto-Response-Suppress'),
      precedence: headerValue('Precedence'),
      xAutoreply: headerValue('X-Autoreply'),
      xAutoResponse: headerValue('X-Autorespond'),
      listId: headerValue('List-Id'),
    },
    isDeliveryReport: false,
    bouncedMessageIds: [],
    attachments,
    droppedParts: dropped,
  };
}

const isCompoundFile = (bytes: Buffer) =>
  bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/** Reads an .eml or .msg; refuses what is no mail, with the reason. */
export async function parseMailFile(bytes: Buffer, fileName: string): Promise<IncomingMail> {
  if (bytes.length > mailLimits.maxBytes)
    throw new AppError('payload_too_large', 'mail_unreadable', {
      name: fileName,
      reason: `> ${mailLimits.maxBytes / 1024 / 1024} MB`,
    });
  try {
    const mail = isCompoundFile(bytes) ? parseMsg(bytes) : await parseEml(bytes);
    if (!mail.fromAddress && !mail.subject && !mail.text) throw new Error('no sender, subject or text');
    return mail;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_input', 'mail_unreadable', {
      name: fileName,
      reason: String((error as Error).message ?? error).slice(0, 200),
    });
  }
}
