import { afterAll, beforeAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ldapPeople } from '../../../src/main/services/directoryLdap';
import { AppError } from '../../../src/shared/errors';
import { ldapSuffix, reader, startSlapd, type Slapd } from '../../support/slapd';
import { testStore } from '../../support/store';

const person = (uid: string, cn: string, extra: string[]) =>
  [
    `dn: uid=${uid},ou=people,${ldapSuffix}`,
    'objectClass: inetOrgPerson',
    `uid: ${uid}`,
    `cn: ${cn}`,
    `sn: ${cn.split(' ').at(-1)}`,
    ...extra,
    '',
  ].join('\n');

const ldif = [
  [
    `dn: ${ldapSuffix}`,
    'objectClass: dcObject',
    'objectClass: organization',
    'o: Example GmbH',
    'dc: example',
    '',
  ].join('\n'),
  [`dn: ou=people,${ldapSuffix}`, 'objectClass: organizationalUnit', 'ou: people', ''].join('\n'),
  [
    `dn: ${reader.dn}`,
    'objectClass: simpleSecurityObject',
    'objectClass: organizationalRole',
    'cn: reader',
    `userPassword: ${reader.password}`,
    '',
  ].join('\n'),
  person('amueller', 'Anna Müller', [
    'displayName:: ' + Buffer.from('Anna Müller').toString('base64'),
    'mail: anna.mueller@example.de',
    'telephoneNumber: +49 30 1234-101',
    'departmentNumber: Vertrieb',
    'title: Vertriebsleitung',
  ]),
  person('tkrueger', 'Thomas Krueger', ['mail: thomas.krueger@example.de', 'departmentNumber: Buchhaltung']),
  person('lvogt', 'Lea Vogt', ['mail: lea.vogt@example.de', 'mobile: +49 170 555']),
].join('\n');

let slapd: Slapd;
beforeAll(async () => {
  slapd = await startSlapd(ldif);
}, 30_000);
afterAll(() => slapd.stop());

let t: ReturnType<typeof testStore>;
beforeEach(() => {
  t = testStore();
});
afterEach(() => t.close());

const source = () => ({
  url: slapd.url,
  bindDn: reader.dn,
  password: reader.password,
  baseDn: `ou=people,${ldapSuffix}`,
  filter: '(objectClass=inetOrgPerson)',
});

describe('LDAP import against a real OpenLDAP slapd', () => {
  it('previews the people (nothing written), then applies them; the password is in no event', async () => {
    const before = (await t.call('audit.verify', {})).checked;
    const preview = await t.call('directory.ldap.preview', source());
    expect(preview.detected.format).toBe('ldap');
    expect(preview.counts).toEqual({ new: 3, changed: 0, unchanged: 0, invalid: 0 });
    expect((await t.call('audit.verify', {})).checked).toBe(before);
    expect(await t.call('directory.ldap.apply', { ...source(), token: preview.token })).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const { people } = await t.call('directory.people.list', {});
    expect(people.find((p) => p.email === 'anna.mueller@example.de')).toMatchObject({
      name: 'Anna Müller',
      department: 'Vertrieb',
      phone: '+49 30 1234-101',
      role: 'Vertriebsleitung',
      source: 'ldap',
    });
    expect(people.find((p) => p.email === 'lea.vogt@example.de')).toMatchObject({
      name: 'Lea Vogt',
      phone: '+49 170 555',
    });
    const timeline = JSON.stringify(await t.store.call('audit.verify', {}));
    expect(timeline).not.toContain(reader.password);
    const again = await t.call('directory.ldap.preview', source());
    expect(again.counts.unchanged).toBe(3);
  });

  it('a wrong password is refused plainly, and nothing is imported', async () => {
    const outcome = await t.dispatch('directory.ldap.preview', { ...source(), password: 'falsch' }, 'de');
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Anmeldung am Verzeichnisserver abgelehnt: Benutzer-DN oder Passwort stimmen nicht.',
      },
    });
    expect((await t.call('directory.people.list', {})).total).toBe(0);
  });

  it('an unreachable server is named', async () => {
    const outcome = await t.dispatch('directory.ldap.preview', { ...source(), url: 'ldap://127.0.0.1:1' }, 'en');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!outcome.ok)
      expect(outcome.error.message).toBe(
        'The directory server ldap://127.0.0.1:1 does not answer. Check address and port.',
      );
  });

  it('a result larger than the bound is refused whole, not cut', async () => {
    await expect(ldapPeople(source(), 2)).rejects.toSatisfy(
      (error) => error instanceof AppError && error.messageKey === 'ldap_too_many',
    );
    expect((await ldapPeople(source(), 3)).records).toHaveLength(3);
  });
});
