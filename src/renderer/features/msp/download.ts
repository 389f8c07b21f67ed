import type { Client } from '../../api/client';
import { downloadBase64 } from '../../local/download';

/** Saves a packet or mail draft: a download in the browser host, the save dialog in Electron. */
export async function downloadEscalation(client: Client, escalationId: number, file: 'zip' | 'eml'): Promise<void> {
  const { fileName, mimeType, contentBase64 } = await client.call('escalations.download', { escalationId, file });
  downloadBase64(fileName, mimeType, contentBase64);
}
