import type { Migration } from './types';

// The part after the last separator: rtrim with every character that is not a separator strips the name off the
// end, and what is left is the directory part (the usual SQLite idiom; it has no reverse search).
const fileName = (column: string) => {
  const path = `replace(${column}, '\\', '/')`;
  return `substr(${path}, length(rtrim(${path}, replace(${path}, '/', ''))) + 1)`;
};

/**
 * Packet and mail paths relative to the data directory, so a directory restored or moved to another path serves
 * its packets. Every packet was written to <data>/escalations/<name>.
 */
export const migration006: Migration = {
  version: 6,
  name: 'File paths relative to the data directory',
  up: `
    UPDATE escalations SET packet_file = 'escalations/' || ${fileName('packet_file')}
      WHERE packet_file NOT LIKE 'escalations/%';
    UPDATE escalations SET eml_file = 'escalations/' || ${fileName('eml_file')}
      WHERE eml_file NOT LIKE 'escalations/%';
  `,
};
