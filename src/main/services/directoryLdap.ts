import { Client, InvalidCredentialsError, SizeLimitExceededError } from 'ldapts';
import { MAX_IMPORT_ROWS, type LdapSource } from '../../shared/contract/directory';
import { AppError } from '../../shared/errors';
import type { SourceTable } from './directoryImport';

/** The attributes read (AD and OpenLDAP names); the import's header recognises them like CSV columns. */
const ATTRIBUTES = [
  'displayName',
  'cn',
  'givenName',
  'sn',
  'mail',
  'userPrincipalName',
  'department',
  'departmentNumber',
  'telephoneNumber',
  'mobile',
  'physicalDeliveryOfficeName',
  'title',
  'userAccountControl',
];
/** Active Directory marks a disabled account with bit 2 of userAccountControl. */
const ACCOUNT_DISABLED = 2;
const TIMEOUT_MS = 8_000;

const first = (value: unknown): string => {
  const item = Array.isArray(value) ? value[0] : value;
  if (typeof item === 'string') return item;
  if (Buffer.isBuffer(item)) return item.toString('utf8');
  return item === undefined || item === null ? '' : String(item);
};

/**
 * Reads people from an LDAP or Active Directory server: one read-only bind (the password is used for it only,
 * never stored or logged), one paged subtree search, at most MAX_IMPORT_ROWS entries. Errors say what to fix.
 */
export async function ldapPeople(source: LdapSource, maxEntries = MAX_IMPORT_ROWS): Promise<SourceTable> {
  const client = new Client({ url: source.url, timeout: TIMEOUT_MS, connectTimeout: TIMEOUT_MS });
  try {
    try {
      if (source.bindDn) await client.bind(source.bindDn, source.password ?? '');
    } catch (error) {
      if (error instanceof InvalidCredentialsError) throw new AppError('invalid_input', 'ldap_credentials', {});
      throw unreachable(source.url);
    }
    let entries;
    try {
      ({ searchEntries: entries } = await client.search(source.baseDn ?? '', {
        scope: 'sub',
        filter: source.filter || '(objectClass=person)',
        attributes: ATTRIBUTES,
        sizeLimit: maxEntries + 1,
        paged: { pageSize: 500 },
      }));
    } catch (error) {
      if (error instanceof SizeLimitExceededError)
        throw new AppError('invalid_input', 'ldap_too_many', { max: maxEntries });
      if (error instanceof AppError) throw error;
      throw new AppError('invalid_input', 'ldap_search', { reason: (error as Error).message.slice(0, 200) });
    }
    if (entries.length > maxEntries) throw new AppError('invalid_input', 'ldap_too_many', { max: maxEntries });
    // The name is displayName (AD), else cn; the department is department (AD), else departmentNumber (OpenLDAP).
    const header = [
      ...ATTRIBUTES.filter((a) => a !== 'userAccountControl' && a !== 'cn' && a !== 'departmentNumber'),
      'enabled',
    ];
    const records = entries.map((entry, index) => {
      const control = Number(first(entry.userAccountControl) || 0);
      const cells = header.map((attribute) =>
        attribute === 'enabled'
          ? (control & ACCOUNT_DISABLED) === 0
            ? 'true'
            : 'false'
          : attribute === 'displayName'
            ? first(entry.displayName) || first(entry.cn)
            : attribute === 'department'
              ? first(entry.department) || first(entry.departmentNumber)
              : first(entry[attribute]),
      );
      return { line: index + 1, cells };
    });
    return { header, records };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreachable(source.url);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

const unreachable = (url: string) => new AppError('invalid_input', 'ldap_unreachable', { url });
