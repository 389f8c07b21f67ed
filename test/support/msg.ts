import { burn } from '@kenjiuno/msgreader/lib/Burner';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader';

const utf16 = (text: string) => Buffer.from(`${text}\0`.slice(0, -1), 'utf16le');
const stream = (name: string, data: Buffer) => ({
  name,
  type: TypeEnum.DOCUMENT,
  length: data.length,
  binaryProvider: () => Uint8Array.from(data),
});

export type MsgFields = {
  subject: string;
  senderName: string;
  senderEmail: string;
  body: string;
  headers: string;
  attachment?: { fileName: string; mimeType: string; content: Buffer };
};

/**
 * An Outlook .msg (a compound file with MAPI properties as streams), written with msgreader's own CFB writer:
 * the streams Outlook writes for a received mail (subject, sender, body, transport headers, an attachment).
 */
export function outlookMsg(fields: MsgFields): Buffer {
  const top = [
    stream('__substg1.0_0037001F', utf16(fields.subject)),
    stream('__substg1.0_0C1A001F', utf16(fields.senderName)),
    stream('__substg1.0_5D01001F', utf16(fields.senderEmail)),
    stream('__substg1.0_0C1F001F', utf16(fields.senderEmail)),
    stream('__substg1.0_1000001F', utf16(fields.body)),
    stream('__substg1.0_007D001F', utf16(fields.headers)),
    stream('__properties_version1.0', Buffer.alloc(32)),
  ];
  const entries: Parameters<typeof burn>[0] = [{ name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: [] }];
  for (const entry of top) {
    entries[0]!.children!.push(entries.length);
    entries.push(entry);
  }
  if (fields.attachment) {
    const folder = {
      name: '__attach_version1.0_#00000000',
      type: TypeEnum.DIRECTORY,
      length: 0,
      children: [] as number[],
    };
    entries[0]!.children!.push(entries.length);
    entries.push(folder);
    for (const entry of [
      stream('__substg1.0_3707001F', utf16(fields.attachment.fileName)),
      stream('__substg1.0_3704001F', utf16(fields.attachment.fileName)),
      stream('__substg1.0_370E001F', utf16(fields.attachment.mimeType)),
      stream('__substg1.0_37010102', fields.attachment.content),
      stream('__properties_version1.0', Buffer.alloc(8)),
    ]) {
      folder.children.push(entries.length);
      entries.push(entry);
    }
  }
  return Buffer.from(burn(entries));
}
