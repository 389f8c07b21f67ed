import type { Language } from '../../shared/domain/enums';
import { appendEvent } from '../queries/audit';
import { readBackupConfig } from '../queries/backups';
import { readSettingsRows, writeSetting } from '../queries/settings';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

type Section = { key: string; title: string; text: string; generated: boolean };

const titles = {
  de: {
    controller: 'Verantwortliche Stelle und Ansprechpartner',
    purpose: 'Zweck der Verarbeitung',
    subjects: 'Betroffene Personen',
    data: 'Kategorien personenbezogener Daten',
    recipients: 'Empfänger (Auftragsverarbeiter)',
    retention: 'Speicherdauer und Löschung',
    measures: 'Technische und organisatorische Maßnahmen (Art. 32)',
  },
  en: {
    controller: 'Controller and contact',
    purpose: 'Purpose of processing',
    subjects: 'Data subjects',
    data: 'Categories of personal data',
    recipients: 'Recipients (processors)',
    retention: 'Retention and erasure',
    measures: 'Technical and organisational measures (Art. 32)',
  },
} as const;

type Facts = {
  coordinator: string;
  email: string;
  people: number;
  requesters: number;
  providers: { name: string; count: number }[];
  retention: { enabled: boolean; closedMonths: number };
  backups: { encrypted: boolean; keep: { hourly: number; daily: number; monthly: number } };
};

function facts(db: Db): Facts {
  const settings = readSettingsRows(db);
  const n = (query: string) => Number((sql(db, query).get() as { n: number }).n);
  const providers = sql(
    db,
    `SELECT p.data AS data, count(e.id) AS count FROM escalations e JOIN msp_providers p ON p.id = e.provider_id
      GROUP BY e.provider_id ORDER BY count DESC`,
  ).all() as { data: string; count: number }[];
  const retention = (settings['privacy.retention'] ?? { enabled: false, closedMonths: 24 }) as Facts['retention'];
  const backup = readBackupConfig(db);
  return {
    coordinator: typeof settings.coordinatorName === 'string' ? settings.coordinatorName : 'IT-Koordination',
    email: typeof settings.coordinatorEmail === 'string' ? settings.coordinatorEmail : '',
    people: n('SELECT count(*) AS n FROM directory_people WHERE removed = 0'),
    requesters: n('SELECT count(DISTINCT lower(requester_name)) AS n FROM tickets WHERE requester_erased = 0'),
    providers: providers.map((p) => ({
      name: String((JSON.parse(p.data) as { name?: string }).name ?? '?'),
      count: p.count,
    })),
    retention,
    backups: { encrypted: backup.keys !== null, keep: backup.keep },
  };
}

function generated(f: Facts, language: Language): Record<keyof (typeof titles)['de'], string> {
  const de = language === 'de';
  const providers = f.providers.length
    ? f.providers.map((p) => `${p.name} (${de ? 'Übergaben' : 'escalations'}: ${p.count})`).join(', ')
    : de
      ? 'bisher keine'
      : 'none so far';
  const keep = `${f.backups.keep.hourly}/${f.backups.keep.daily}/${f.backups.keep.monthly}`;
  return de
    ? {
        controller: `IT-Koordination: ${f.coordinator}${f.email ? ` <${f.email}>` : ''}. Bitte Unternehmen und Datenschutzbeauftragte(n) ergänzen.`,
        purpose:
          'Annahme, Bearbeitung und Dokumentation von IT-Störungen und -Anfragen der Beschäftigten; Übergabe an IT-Dienstleister; Nachweis der Bearbeitung (Ereignisprotokoll). Rechtsgrundlage: Art. 6 Abs. 1 lit. b und f DSGVO, § 26 BDSG.',
        subjects: `Beschäftigte des Unternehmens (Personen im Verzeichnis: ${f.people}; meldende Personen in Tickets: ${f.requesters}).`,
        data: 'Name, Abteilung, dienstliche Telefonnummer und E-Mail-Adresse; Beschreibung der Störung und Notizen; Anhänge (z. B. Bildschirmfotos); betroffene Systeme; Zeitpunkte und Bearbeitende (Ereignisprotokoll).',
        recipients: `Externe IT-Dienstleister als Auftragsverarbeiter (Art. 28), nur mit geschwärzten Übergabepaketen: ${providers}.`,
        retention: `${f.retention.enabled ? `Meldende Personen geschlossener Tickets werden nach ${f.retention.closedMonths} Monaten automatisch pseudonymisiert.` : 'Automatische Pseudonymisierung ist noch nicht eingeschaltet.'} Löschung auf Antrag (Art. 17) durch Pseudonymisierung überall, das Protokoll bleibt prüfbar. Sicherungen werden rotiert (stündlich/täglich/monatlich: ${keep}) und enthalten gelöschte Daten höchstens bis zu ihrer Rotation.`,
        measures: `Daten nur auf dem Arbeitsplatzrechner (Dateirechte nur für den Benutzer), manipulationssicheres Ereignisprotokoll, geprüfte Sicherungen${f.backups.encrypted ? ' (verschlüsselt, libsodium)' : ' (noch unverschlüsselt)'}, geschwärzte Übergaben, Integritätsprüfung der Datenbank bei jedem Start.`,
      }
    : {
        controller: `IT coordination: ${f.coordinator}${f.email ? ` <${f.email}>` : ''}. Please add the company and the data protection officer.`,
        purpose:
          "Taking in, working on and documenting the staff's IT incidents and requests; handing over to IT service providers; proof of the work done (event log). Legal basis: Art. 6(1)(b) and (f) GDPR, § 26 BDSG.",
        subjects: `The company's staff (people in the directory: ${f.people}; requesters in tickets: ${f.requesters}).`,
        data: 'Name, department, business phone and e-mail; description of the incident and notes; attachments (e.g. screenshots); affected systems; times and who worked on it (event log).',
        recipients: `External IT service providers as processors (Art. 28), only with redacted escalation packets: ${providers}.`,
        retention: `${f.retention.enabled ? `Requesters of closed tickets are pseudonymised automatically after ${f.retention.closedMonths} months.` : 'Automatic pseudonymisation is not switched on yet.'} Erasure on request (Art. 17) by pseudonymisation everywhere; the log stays verifiable. Backups rotate (hourly/daily/monthly: ${keep}) and hold erased data at most until they are rotated out.`,
        measures: `Data only on the desk computer (file permissions for its user only), tamper-evident event log, verified backups${f.backups.encrypted ? ' (encrypted, libsodium)' : ' (not encrypted yet)'}, redacted escalations, database integrity check at every start.`,
      };
}

const editsKey = (language: Language) => `privacy.record.${language}`;

function edits(db: Db, language: Language): Map<string, string> {
  const stored = readSettingsRows(db)[editsKey(language)];
  return new Map(stored && typeof stored === 'object' ? Object.entries(stored as Record<string, string>) : []);
}

/** The record of processing (Art. 30): each section generated from this desk, unless the coordinator edited it. */
export function recordSections(db: Db, language: Language): Section[] {
  const base = generated(facts(db), language);
  const edited = edits(db, language);
  return (Object.keys(titles[language]) as (keyof typeof base)[]).map((key) => {
    const own = edited.get(key);
    return { key, title: titles[language][key], text: own ?? base[key], generated: own === undefined };
  });
}

/** Saves edits of known sections; an empty text goes back to the generated one. Call inside a write. */
export function saveRecordEdits(
  db: Db,
  language: Language,
  sections: Record<string, string>,
  who: { at: string; actor: string },
): void {
  const known = new Set(Object.keys(titles[language]));
  const edited = edits(db, language);
  for (const [key, value] of Object.entries(sections)) {
    if (!known.has(key)) continue;
    if (value.trim()) edited.set(key, value);
    else edited.delete(key);
  }
  writeSetting(db, editsKey(language), Object.fromEntries(edited));
  appendEvent(db, {
    ticketId: null,
    at: who.at,
    actor: who.actor,
    kind: 'privacy.recordEdited',
    data: { language, sections: Object.keys(sections).filter((key) => known.has(key)) },
  });
}
