import type { Packet } from '../../shared/domain/packet';
import { packetTexts } from '../../shared/i18n/packet';

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const rows = (entries: [string, string][]) =>
  entries
    .filter(([, value]) => value)
    .map(([label, value]) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`)
    .join('');

/** summary.html: self-contained and printable — inline styles only, no scripts, no external resources. */
export function summaryHtml(packet: Packet, language: 'de' | 'en', subject: string): string {
  const L = packetTexts[language];
  const t = packet.ticket;
  const local = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const sections: string[] = [];
  if (packet.question) sections.push(`<h2>${escape(L.question)}</h2><p class="q">${escape(packet.question)}</p>`);
  sections.push(
    `<h2>${escape(L.facts)}</h2><table>${rows([
      [L.ticket, `${t.number} – ${t.title}`],
      [L.priority, packet.triage ? packet.triage.reason : t.priority],
      [L.status, t.status],
      [L.category, t.category ?? ''],
      [L.reported, local.format(new Date(t.createdAt))],
      [L.requester, `${t.requester.name}${t.requester.department ? `, ${t.requester.department}` : ''}`],
    ])}</table>`,
  );
  if (t.description) sections.push(`<h2>${escape(L.description)}</h2><p>${escape(t.description)}</p>`);
  if (packet.firstContact)
    sections.push(`<h2>${escape(L.firstContact)}</h2><table>${rows(Object.entries(packet.firstContact))}</table>`);
  if (packet.checklists?.length)
    sections.push(
      `<h2>${escape(L.checklists)}</h2>${packet.checklists
        .map(
          (run) =>
            `<h3>${escape(run.title)}</h3><ul>${run.steps
              .map(
                (s) =>
                  `<li><b>${escape(s.state)}</b> ${escape(s.title)}${s.answer ? ` (${escape(s.answer)})` : ''}${s.note ? `<br><span class="n">${escape(s.note)}</span>` : ''}</li>`,
              )
              .join('')}</ul>`,
        )
        .join('')}`,
    );
  if (packet.timeline?.length)
    sections.push(
      `<h2>${escape(L.timeline)}</h2><ul>${packet.timeline
        .map(
          (e) =>
            `<li>${escape(local.format(new Date(e.at)))} · ${escape(e.actor)} · ${escape(e.what)}${e.text ? `<br>${escape(e.text)}` : ''}</li>`,
        )
        .join('')}</ul>`,
    );
  if (packet.attachments.length)
    sections.push(
      `<h2>${escape(L.attachments)}</h2><ul>${packet.attachments.map((a) => `<li>${escape(a.file)} (${a.size} B)</li>`).join('')}</ul>`,
    );
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escape(subject)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:820px;margin:24px auto;color:#1d1d1b}h1{font-size:20px}h2{font-size:15px;margin-top:22px;border-bottom:1px solid #ddd}th{text-align:left;padding-right:16px;vertical-align:top;color:#555;font-weight:500}p,li{white-space:pre-wrap}.q{background:#f3f5f8;padding:8px 12px}.n{color:#444}</style>
</head><body><h1>${escape(subject)}</h1>${sections.join('\n')}</body></html>
`;
}
