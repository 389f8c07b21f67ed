import { hiddenInFileName } from './textPolicy';

/** The part every file-name rule shares: NFC, hidden characters dropped, path and shell separators made "_". */
export const withoutUnsafeCharacters = (name: string): string =>
  name
    .normalize('NFC')
    .replace(hiddenInFileName, '')
    .replace(/[\\/:*?"<>|]/g, '_');
