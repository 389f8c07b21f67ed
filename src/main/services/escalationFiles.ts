import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { streamFileDurably } from '../files/durableFile';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { packetSchema } from '../../shared/domain/packet';
import { blobPath } from './ticketAttachments';
import type { PacketContent } from './escalationContent';
import { summaryHtml } from './escalationHtml';

/**
 * Text (logs, exports) shrinks; photos, PDFs, Office files and archives are compressed already, and deflating
 * them again only costs time (a 50 MB packet took 3.1 s instead of well under 2 s).
 */
const compressible = (mimeType: string, name: string) =>
  /^text\/|json|xml|csv|rfc822/.test(mimeType) ||
  /\.(txt|log|csv|json|xml|eml|md|ini|cfg|conf|reg|ps1|sh)$/i.test(name);

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Hashes a file while streaming it, never holding it whole. */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export type BuiltPacket = {
  /** Paths relative to the data directory (a restored or moved directory still serves them). */
  zipFile: string;
  emlFile: string;
  zipSha256: string;
  emlSha256: string;
  files: string[];
};

export const ESCALATIONS_DIR = 'escalations';

/**
 * A packet's file name: ticket, time to the millisecond and a random part, so two builds of one ticket (even in
 * parallel, in the same second) never share a name; the files are also written without ever replacing one.
 */
export const packetBaseName = (ticketNumber: string, at: Date): string =>
  `LS-${ticketNumber}-${at.toISOString().replace(/[-:.]/g, '').slice(0, 18)}-${randomBytes(3).toString('hex')}`;

/**
 * Writes the packet ZIP (packet.json, schema.json, summary.html, checklists/, attachments/, manifest.sha256) and
 * the .eml draft beside it. Attachments stream from the store into the ZIP and the ZIP streams into the mail;
 * both are written durably (temporary name, fsync, rename without replacing, directory fsync) before the
 * escalation row may commit.
 */
export async function writePacket(
  dataDir: string,
  content: PacketContent,
  from: string | null,
  baseName: string,
): Promise<BuiltPacket> {
  const zipRelative = `${ESCALATIONS_DIR}/${baseName}.zip`;
  const emlRelative = `${ESCALATIONS_DIR}/${baseName}.eml`;
  const zipFile = join(dataDir, zipRelative);
  const emlFile = join(dataDir, emlRelative);
  const language = content.packet.language;
  const texts: [string, string][] = [
    ['packet.json', `${JSON.stringify(content.packet, null, 2)}\n`],
    ['schema.json', `${JSON.stringify(z.toJSONSchema(packetSchema), null, 2)}\n`],
    ['summary.html', summaryHtml(content.packet, language, content.subject)],
    ...content.checklistFiles.map((c): [string, string] => [c.file, c.markdown]),
  ];
  const manifest = [
    ...texts.map(([name, body]) => `${sha256(body)}  ${name}`),
    // Attachments are content-addressed in the store: their names are their SHA-256, checked again here.
    ...(await Promise.all(
      content.attachmentFiles.map(async ({ file, attachment, content: redacted }) => {
        if (redacted) return `${sha256(redacted)}  ${file}`;
        const actual = await hashFile(blobPath(dataDir, attachment.sha256));
        if (actual !== attachment.sha256) throw new Error(`attachment ${attachment.id} changed on disk`);
        return `${actual}  ${file}`;
      }),
    )),
  ].join('\n');

  const zip = new ZipFile();
  const at = new Date(content.packet.generatedAt);
  for (const [name, body] of texts) zip.addBuffer(Buffer.from(body, 'utf8'), name, { mtime: at });
  for (const { file, attachment, content: redacted } of content.attachmentFiles)
    if (redacted) zip.addBuffer(redacted, file, { mtime: at });
    else
      zip.addReadStreamLazy(
        file,
        { mtime: at, size: attachment.size, compress: compressible(attachment.mimeType, file) },
        (done) => done(null, createReadStream(blobPath(dataDir, attachment.sha256))),
      );
  zip.addBuffer(Buffer.from(`${manifest}\n`, 'utf8'), 'manifest.sha256', { mtime: at });
  zip.end();
  await streamFileDurably(zipFile, (out) => pipeline(zip.outputStream, out), { noClobber: true });

  const mail = new MailComposer({
    ...(from ? { from } : {}),
    to: content.to,
    subject: content.subject,
    text: content.text,
    html: summaryHtml(content.packet, language, content.subject),
    date: at,
    headers: { 'X-Unsent': '1' },
    attachments: [{ filename: `${baseName}.zip`, path: zipFile, contentType: 'application/zip' }],
  });
  await streamFileDurably(emlFile, (out) => pipeline(mail.compile().createReadStream(), out), { noClobber: true });
  return {
    zipFile: zipRelative,
    emlFile: emlRelative,
    zipSha256: await hashFile(zipFile),
    emlSha256: await hashFile(emlFile),
    files: [...texts.map(([name]) => name), ...content.attachmentFiles.map((a) => a.file), 'manifest.sha256'],
  };
}
