import PostalMime from 'postal-mime';
import { packetFileName } from '../../shared/domain/msp';
import { cleanText } from '../../shared/domain/textPolicy';
import { AppError } from '../../shared/errors';

export type ParsedReply = { subject: string; text: string; attachments: string[] };

const MAX_TEXT = 16_000;

/** HTML-only replies are read as text: tags dropped, entities kept as written; nothing is ever rendered. */
const htmlToText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * Reads a reply mail with bounded effort: the input is at most 10 MB, nesting and header size are capped by
 * the parser, attachment names are sanitised and only listed, and the text is cut to a readable length.
 */
export async function parseReply(bytes: Buffer): Promise<ParsedReply> {
  let mail: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    mail = await PostalMime.parse(bytes, {
      maxNestingDepth: 20,
      maxHeadersSize: 256 * 1024,
      attachmentEncoding: 'arraybuffer',
    });
  } catch (error) {
    throw new AppError('invalid_input', 'reply_unreadable', {
      reason: String((error as Error).message ?? error).slice(0, 200),
    });
  }
  // Anything parses leniently; a reply has at least a sender or a subject.
  if (!mail.from && !mail.subject) throw new AppError('invalid_input', 'reply_unreadable', { reason: 'From/Subject' });
  const taken = new Set<string>();
  const text = (mail.text ?? (mail.html ? htmlToText(mail.html) : '')).replace(/\r\n/g, '\n');
  return {
    // From outside: cleaned to the text policy a typed note must meet (no NUL, no direction overrides).
    subject: cleanText(mail.subject ?? '', true).slice(0, 500),
    text: cleanText(text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)} …` : text),
    attachments: mail.attachments.slice(0, 100).map((a) => packetFileName(a.filename ?? 'attachment', taken)),
  };
}
