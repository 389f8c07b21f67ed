import { extname } from 'node:path';
import type { Attachment } from '../../shared/domain/ticket';
import { readVerified } from '../files/verifiedRead';
import { blobPath } from './ticketAttachments';

/** Text files people attach (logs, configs, scripts, exports): their content is scanned like any typed text. */
const textExtensions = new Set([
  '.txt',
  '.log',
  '.env',
  '.csv',
  '.tsv',
  '.json',
  '.xml',
  '.ps1',
  '.psm1',
  '.bat',
  '.cmd',
  '.sh',
  '.ini',
  '.conf',
  '.cfg',
  '.config',
  '.yml',
  '.yaml',
  '.md',
  '.reg',
  '.properties',
  '.toml',
  '.sql',
  '.htm',
  '.html',
  '.eml',
  '.rdp',
]);
const MAX_SCANNED_BYTES = 5 * 1024 * 1024;

const isText = (attachment: Attachment) =>
  textExtensions.has(extname(attachment.fileName).toLowerCase()) ||
  /^text\/|^application\/(json|xml|x-sh|x-powershell)/.test(attachment.mimeType);

/**
 * The content of a text attachment as text (UTF-8, else Windows-1252 as German Windows writes logs), or null when
 * it cannot be scanned (binary formats, images, larger than 5 MB): such a file leaves only when released.
 */
export function attachmentText(dataDir: string, attachment: Attachment): string | null {
  if (attachment.size > MAX_SCANNED_BYTES) return null;
  const bytes = readVerified(blobPath(dataDir, attachment.sha256), attachment, attachment.fileName);
  // Whatever its name says: text is what has no NUL bytes and is no PDF (names get changed; ".env" has none).
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0) || head.subarray(0, 5).toString('latin1') === '%PDF-') return null;
  if (!isText(attachment) && !/^[\t\n\r\x20-\x7e\x80-\xff]*$/.test(head.toString('latin1'))) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
