import type { PersonInput, SystemInput } from '../../src/shared/domain/directory';

export const anna: PersonInput = {
  name: 'Anna Müller',
  department: 'Vertrieb',
  email: 'anna.mueller@example.de',
  phone: '+49 30 1234-101',
  location: 'Raum 2.14',
  role: 'Vertriebsleitung',
  vip: true,
};

export const erp: SystemInput = {
  name: 'ERP',
  kind: 'application',
  location: 'https://erp.example.de',
  criticality: 'critical',
  departments: ['Buchhaltung', 'Vertrieb'],
  processes: ['Rechnungen', 'Bestellungen'],
};

export const floorPrinter: SystemInput = { name: 'Drucker 2. OG', kind: 'printer', criticality: 'normal' };

export const peopleCsv = (rows: string[]) =>
  Buffer.from(['Name;Abteilung;E-Mail;Telefon', ...rows].join('\r\n')).toString('base64');

/** A small valid CSV of people, as base64 (for inputs that need one). */
export const smallPeopleCsv = peopleCsv(['Jonas Weber;Einkauf;jonas.weber@example.de;+49 30 1234-120']);

export const ldapUnreachable = {
  url: 'ldap://127.0.0.1:1',
  bindDn: 'cn=reader,dc=example,dc=de',
  password: 'geheim',
  baseDn: 'ou=people,dc=example,dc=de',
  filter: '(objectClass=inetOrgPerson)',
};
