import { createReadStream, existsSync } from 'node:fs';
import { ZipFile } from 'yazl';
import type { Language } from '../../shared/domain/enums';
import type { Footprint } from '../../shared/contract/privacy';
import { eventsOf } from '../queries/privacy';
import { directoryPerson } from '../queries/privacy';
import { sql } from '../store/statements';
import type { ServiceContext } from './context';
import { blobPath } from './ticketAttachments';

const labels = {
  de: {
    title: 'Auskunft nach Art. 15 DSGVO',
    intro: 'Alle Daten, die der IT-Leitstand zu dieser Person speichert, Stand',
    person: 'Eintrag im Verzeichnis',
    tickets: 'Tickets',
    role: { requester: 'Meldende Person', mentioned: 'Erwähnt' },
    notes: 'Notizen',
    files: 'Anhänge',
    events: 'Protokolleinträge',
    identifiers: 'Gefunden über',
    recipients: 'Weitergegeben an',
  },
  en: {
    title: 'Access request (GDPR Art. 15)',
    intro: 'All data the IT desk stores about this person, as of',
    person: 'Directory record',
    tickets: 'Tickets',
    role: { requester: 'Requester', mentioned: 'Mentioned' },
    notes: 'Notes',
    files: 'Attachments',
    events: 'Log entries',
    identifiers: 'Found by',
    recipients: 'Passed on to',
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'file';

/**
 * Everything about the person in one read transaction (what the ZIP holds is one state): person.json,
 * tickets.json (tickets with notes, attachments, escalations and log entries), the attachment files, index.html.
 */
export async function buildPrivacyExport(
  ctx: ServiceContext,
  footprint: Footprint,
  personId: number | null,
  language: Language,
): Promise<{ fileName: string; contentBase64: string }> {
  const L = labels[language];
  const db = ctx.db;
  const at = ctx.now();
  const ids = new Set(footprint.tickets.map((t) => t.id));
  const person = personId === null ? null : directoryPerson(db, personId);
  const tickets = footprint.tickets.map((found) => ({
    role: found.role,
    ticket: sql(db, 'SELECT * FROM tickets WHERE id = ?').get(found.id) as Record<string, unknown>,
    notes: sql(db, 'SELECT id, kind, body, author, created_at FROM notes WHERE ticket_id = ? ORDER BY id').all(
      found.id,
    ),
    attachments: sql(
      db,
      'SELECT id, file_name, mime_type, size, sha256, created_at FROM attachments WHERE ticket_id = ? AND erased_at IS NULL ORDER BY id',
    ).all(found.id) as { id: number; file_name: string; sha256: string }[],
    escalations: sql(
      db,
      'SELECT id, provider_id, at, kind, included, reference FROM escalations WHERE ticket_id = ? ORDER BY id',
    ).all(found.id) as { provider_id: string }[],
  }));
  const eventIds = eventsOf(db, ids, footprint.identifiers);
  const events = eventIds.map((id) => {
    const row = sql(db, 'SELECT id, ticket_id, at, actor, kind, data FROM events WHERE id = ?').get(id) as Record<
      string,
      unknown
    >;
    return { ...row, data: JSON.parse(String(row.data)) as unknown };
  });
  const recipients = [...new Set(tickets.flatMap((t) => t.escalations.map((e) => e.provider_id)))];
  const zip = new ZipFile();
  const add = (name: string, text: string) => zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: at });
  add(
    'person.json',
    `${JSON.stringify({ identifiers: footprint.identifiers, directory: person?.data ?? null }, null, 2)}\n`,
  );
  add('tickets.json', `${JSON.stringify(tickets, null, 2)}\n`);
  add('events.json', `${JSON.stringify(events, null, 2)}\n`);
  for (const t of tickets)
    for (const a of t.attachments) {
      const path = blobPath(ctx.dataDir, a.sha256);
      if (existsSync(path))
        zip.addReadStreamLazy(
          `attachments/${String(t.ticket.number)}/${a.id}-${safeName(a.file_name)}`,
          { mtime: at },
          (done) => done(null, createReadStream(path)),
        );
    }
  const rows = tickets
    .map(
      (t) =>
        `<tr><td>${escapeHtml(String(t.ticket.number))}</td><td>${escapeHtml(String(t.ticket.title))}</td><td>${escapeHtml(L.role[t.role])}</td><td>${t.notes.length}</td><td>${t.attachments.length}</td></tr>`,
    )
    .join('\n');
  add(
    'index.html',
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(L.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:4px 8px;text-align:left}</style></head>
<body><h1>${escapeHtml(L.title)}</h1><p>${escapeHtml(L.intro)} ${escapeHtml(at.toISOString())}.</p>
<p>${escapeHtml(L.identifiers)}: ${footprint.identifiers.map(escapeHtml).join(', ')}</p>
${person ? `<h2>${escapeHtml(L.person)}</h2><pre>${escapeHtml(JSON.stringify(person.data, null, 2))}</pre>` : ''}
<h2>${escapeHtml(L.tickets)} (${tickets.length})</h2>
<table><tr><th>#</th><th></th><th></th><th>${escapeHtml(L.notes)}</th><th>${escapeHtml(L.files)}</th></tr>${rows}</table>
<h2>${escapeHtml(L.events)}</h2><p>${events.length} (events.json)</p>
${recipients.length ? `<h2>${escapeHtml(L.recipients)}</h2><p>${recipients.map(escapeHtml).join(', ')}</p>` : ''}
</body></html>\n`,
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const stamp = at.toISOString().slice(0, 10);
  return { fileName: `auskunft-${stamp}.zip`, contentBase64: Buffer.concat(chunks).toString('base64') };
}
