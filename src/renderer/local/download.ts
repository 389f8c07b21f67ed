/** Saves content as a file: a download in the browser host, the save dialog in Electron. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Long enough for the download (or the save dialog) to have taken the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Text as a UTF-8 file. */
export const downloadText = (fileName: string, mimeType: string, content: string): void =>
  downloadBlob(fileName, new Blob([content], { type: `${mimeType};charset=utf-8` }));

/** A file the host built and sent as base64. */
export const downloadBase64 = (fileName: string, mimeType: string, contentBase64: string): void =>
  downloadBlob(fileName, new Blob([Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0))], { type: mimeType }));
