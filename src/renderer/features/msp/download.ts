import type { Client } from '../../api/client';

/** Saves a packet or mail draft: a download in the browser host, the save dialog in Electron. */
export async function downloadEscalation(client: Client, escalationId: number, file: 'zip' | 'eml'): Promise<void> {
  const { fileName, mimeType, contentBase64 } = await client.call('escalations.download', { escalationId, file });
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
