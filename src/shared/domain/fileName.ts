/** Characters no file name keeps: C0/C1 controls and bidi overrides (they disguise "gnp.exe" as "exe.png"). */
const hidden = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The part every file-name rule shares: NFC, hidden characters dropped, path and shell separators made "_". */
export const withoutUnsafeCharacters = (name: string): string =>
  name
    .normalize('NFC')
    .replace(hidden, '')
    .replace(/[\\/:*?"<>|]/g, '_');
