import { describe, expect, it } from 'vitest';
import { findSecrets, redact, type FindingKind } from '../../../src/shared/domain/redaction';

const involved = { emails: ['anna.becker@example.de', 'support@msp.example'], phones: ['0711 123-45'] };
const mask = (kind: FindingKind) => `[redacted: ${kind}]`;
const cleaned = (text: string) => redact(text, findSecrets(text, 'description', involved), new Set(), mask);

/** The seeded set: secrets and personal data as users really type them into tickets. */
export const seededSecrets: [string, string, string][] = [
  ['German password label', 'Ihr Passwort: Sommer2024!', 'Sommer2024!'],
  ['password with "ist"', 'Das Kennwort ist Winter#77x', 'Winter#77x'],
  ['pw=', 'VPN-Login geht nicht, pw=Geheim123', 'Geheim123'],
  ['English password', 'password: hunter2hunter2', 'hunter2hunter2'],
  ['quoted password', 'Passwort = "Mein Hund heißt Bello"', 'Mein Hund heißt Bello'],
  ['PIN', 'Drucker-PIN: 4711', '4711'],
  ['pwd=', 'mstsc /v:srv01 /u:admin pwd=Adm!n2025', 'Adm!n2025'],
  [
    'RSA private key',
    'Key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7x\nq9Z\n-----END RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEA7x',
  ],
  [
    'OpenSSH private key',
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----',
    'b3BlbnNzaC1rZXktdjEAAAAA',
  ],
  [
    'GitHub token',
    'Token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A im Skript',
    'ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A',
  ],
  [
    'GitHub fine-grained token',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH',
  ],
  ['Slack token', 'Webhook mit xoxb-123456789012-abcdefghijklmnop', 'xoxb-123456789012-abcdefghijklmnop'],
  ['OpenAI-style key', 'sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34', 'sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34'],
  ['AWS access key', 'AWS key AKIAIOSFODNN7EXAMPLE gefunden', 'AKIAIOSFODNN7EXAMPLE'],
  ['Google API key', 'Maps: AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'],
  [
    'JWT',
    'Cookie eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0',
  ],
  ['Bearer header', 'Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
  ['api_key=', 'config: api_key=Zx81Qp02Lm93Wn47', 'Zx81Qp02Lm93Wn47'],
  ['client secret', 'client_secret: "q~8Q8Q~abcDEFghiJKLmnoPQRstuVWXyz0123"', 'q~8Q8Q~abcDEFghiJKLmnoPQRstuVWXyz0123'],
  ['SQL connection string', 'Server=sql01;Database=erp;User Id=sa;Password=Sql$ecret1;', 'Sql$ecret1'],
  ['URL with credentials', 'Backup nach ftp://backup:Ftp2024pw@nas01/share', 'Ftp2024pw'],
  ['Postgres URL', 'DATABASE_URL=postgres://erp:Pg_pass_99@db.local:5432/erp', 'Pg_pass_99'],
  ['Windows product key', 'Lizenz: VK7JG-NPHTM-C97JM-9MPGT-3V66T', 'VK7JG-NPHTM-C97JM-9MPGT-3V66T'],
  ['Office product key', 'Office-Key XQNVK-8JYDB-WJ9W3-YJ8YR-WFG99 aktivieren', 'XQNVK-8JYDB-WJ9W3-YJ8YR-WFG99'],
  ['German IBAN with spaces', 'Gehalt auf DE89 3704 0044 0532 0130 00 überweisen', 'DE89 3704 0044 0532 0130 00'],
  ['German IBAN compact', 'IBAN DE89370400440532013000', 'DE89370400440532013000'],
  ['Austrian IBAN', 'AT611904300234573201 vom Lieferanten', 'AT611904300234573201'],
  ['mobile number', 'Rückruf an Frau Jansen 0151 23456789', '0151 23456789'],
  ['international number', 'Privat: +49 (0)30 1234567', '+49 (0)30 1234567'],
  ['landline with slash', 'Nachbar hat 089/12345678 angerufen', '089/12345678'],
  ['uninvolved e-mail', 'Kopie an petra.hahn@firma-kunde.de geschickt', 'petra.hahn@firma-kunde.de'],
  ['private e-mail', 'Weiterleitung an max.mustermann1985@gmail.com eingerichtet', 'max.mustermann1985@gmail.com'],
];

describe('redaction of the seeded set', () => {
  it.each(seededSecrets)('%s: removed', (_name, text, secret) => {
    const result = cleaned(text);
    expect(result).not.toContain(secret);
    expect(result).toContain('[redacted:');
  });

  it('finds every seeded secret (recall 100 % on the set of 32)', () => {
    const found = seededSecrets.filter(([, text, secret]) => !cleaned(text).includes(secret)).length;
    expect(seededSecrets.length).toBeGreaterThanOrEqual(30);
    expect(found / seededSecrets.length).toBe(1);
  });
});

describe('what stays', () => {
  it.each([
    ['ticket and drive', 'Ticket 2026-0042: Laufwerk S: auf FS01 weg'],
    ['IP address and port', 'Server 192.168.10.12:3389 antwortet nicht'],
    ['dates and times', 'Seit 23.11.2026 08:15 Uhr, Update KB5034441'],
    ['version numbers', 'Outlook 16.0.17928.20114 (Build)'],
    ['the word password without a value', 'Passwort vergessen, bitte zurücksetzen'],
    ['involved people', 'Anna (anna.becker@example.de, 0711 123-45) bittet um Rückruf; MSP: support@msp.example'],
  ])('%s', (_name, text) => {
    expect(findSecrets(text, 'description', involved)).toEqual([]);
  });

  it('keeps a finding the coordinator released (un-redacted with a reason)', () => {
    const text = 'Kopie an petra.hahn@firma-kunde.de, Passwort: Geheim1';
    const findings = findSecrets(text, 'note:1', involved);
    expect(findings.map((f) => f.kind)).toEqual(['email', 'password']);
    expect(findings[1]!.hint).toBe('Ge•••m1');
    const released = new Set([findings[0]!.id]);
    expect(redact(text, findings, released, mask)).toBe(
      'Kopie an petra.hahn@firma-kunde.de, Passwort: [redacted: password]',
    );
  });
});
