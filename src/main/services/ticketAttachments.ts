import { withoutUnsafeCharacters } from '../../shared/domain/fileName';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../files/durableFile';
import { readVerified } from '../files/verifiedRead';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Ticket } from '../../shared/domain/ticket';
import { appendEvent } from '../queries/audit';
import { findAttachment, insertAttachment, ticketToColumns, updateTicketRow } from '../queries/tickets';
import type { ServiceContext } from './context';

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** A file name that is safe to show and to write anywhere: no paths, no control or bidi characters. */
export function safeFileName(name: string): string {
  const cleaned = withoutUnsafeCharacters(name).replace(/^\.+/, '_').trim();
  return cleaned.slice(0, 200) || 'attachment';
}

/** Content-addressed: the file's name is its SHA-256, so a stored file is never overwritten by other content. */
export const blobPath = (dataDir: string, sha256: string): string =>
  join(dataDir, 'attachments', sha256.slice(0, 2), sha256);

/** A blob already stored with the same hash is kept (same content); a truncated one is written again. */
function writeBlob(dataDir: string, sha256: string, content: Buffer): void {
  const target = blobPath(dataDir, sha256);
  try {
    if (statSync(target).size === content.length) return;
  } catch {
    // Not stored yet.
  }
  writeFileDurably(target, content);
}

export function attachmentService(ctx: ServiceContext, load: (id: number) => Ticket, actor: () => string) {
  return {
    'tickets.attach': (input: ParsedInput<'tickets.attach'>): MethodOutput<'tickets.attach'> => {
      const ticket = load(input.id);
      const fileName = safeFileName(input.fileName);
      const content = Buffer.from(input.contentBase64, 'base64');
      const limit = ctx.settings().attachmentMaxBytes;
      if (content.length > limit) {
        throw new AppError('payload_too_large', 'attachment_too_large', {
          name: fileName,
          size: formatBytes(content.length),
          limit: formatBytes(limit),
        });
      }
      if (content.length === 0) throw new AppError('invalid_input', 'attachment_empty', { name: fileName });
      const sha256 = createHash('sha256').update(content).digest('hex');
      // The file lands before the row: a crash in between leaves an unreferenced blob, never a row without its file.
      writeBlob(ctx.dataDir, sha256, content);
      const now = ctx.now().toISOString();
      return ctx.write(
        () => {
          const attachment = insertAttachment(ctx.db, {
            ticketId: ticket.id,
            fileName,
            mimeType: input.mimeType || 'application/octet-stream',
            size: content.length,
            sha256,
            author: actor(),
            createdAt: now,
          });
          updateTicketRow(ctx.db, ticket.id, ticketToColumns(ticket), ticketToColumns({ ...ticket, updatedAt: now }));
          appendEvent(ctx.db, {
            ticketId: ticket.id,
            at: now,
            actor: actor(),
            kind: 'ticket.attached',
            data: { attachmentId: attachment.id, fileName, size: content.length, sha256 },
          });
          return attachment;
        },
        (attachment) => [{ entity: 'ticket', ids: [attachment.ticketId] }],
      );
    },

    'tickets.attachment': ({ attachmentId }: ParsedInput<'tickets.attachment'>): MethodOutput<'tickets.attachment'> => {
      const attachment = findAttachment(ctx.db, attachmentId);
      if (!attachment) throw new AppError('not_found', 'not_found_attachment', { id: attachmentId });
      const content = readVerified(blobPath(ctx.dataDir, attachment.sha256), attachment, attachment.fileName);
      return { attachment, contentBase64: content.toString('base64') };
    },
  };
}
