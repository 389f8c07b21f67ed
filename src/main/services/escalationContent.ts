import { raiseOf } from '../../shared/domain/directory';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ChecklistRun } from '../../shared/contract/checklists';
import type { packetChoiceSchema } from '../../shared/contract/msp';
import { allSteps } from '../../shared/domain/checklist';
import type { Attachment, LoggedEvent, Note, Ticket } from '../../shared/domain/ticket';
import type { MspProvider } from '../../shared/domain/msp';
import { packetFileName } from '../../shared/domain/msp';
import type { Packet } from '../../shared/domain/packet';
import { findSecrets, redact, type Finding } from '../../shared/domain/redaction';
import { domainLabels } from '../../shared/i18n/domain';
import { packetTexts } from '../../shared/i18n/packet';
import { triageReason } from '../../shared/i18n/triageReason';
import { cleanText } from '../../shared/domain/textPolicy';

export type PacketChoice = z.output<typeof packetChoiceSchema>;

export type CaseFile = {
  ticket: Ticket;
  notes: Note[];
  events: LoggedEvent[];
  runs: ChecklistRun[];
  attachments: Attachment[];
  /** The text of each chosen attachment, or null where it cannot be scanned. */
  attachmentTexts: ReadonlyMap<number, string | null>;
  provider: MspProvider;
  coordinator: string;
  reference: string | null;
  kind: 'initial' | 'update';
  now: Date;
};

export type PacketContent = {
  to: string;
  subject: string;
  packet: Packet;
  /** The summary as plain text (mail body and preview). */
  text: string;
  checklistFiles: { file: string; markdown: string }[];
  /** `content`: a redacted copy of a text attachment, sent instead of the stored file. */
  attachmentFiles: { file: string; attachment: Attachment; content?: Buffer }[];
  findings: Finding[];
};

/**
 * Everything that would leave the house for one ticket, redacted: every text is scanned, every finding hidden
 * unless the coordinator released it. Pure: the same case and choice give the same packet.
 */
export function packetContent(file: CaseFile, choice: PacketChoice): PacketContent {
  const L = packetTexts[choice.language];
  const labels = domainLabels[choice.language];
  const { ticket } = file;
  const involved = {
    emails: [ticket.requester.email, file.provider.intakeEmail].filter(Boolean),
    phones: [ticket.requester.phone, file.provider.phone].filter(Boolean),
  };
  const released = new Set(choice.released.map((r) => r.findingId));
  const findings: Finding[] = [];
  const clean = (field: string, text: string) => {
    const found = findSecrets(text, field, involved);
    findings.push(...found);
    return redact(text, found, released, (kind) => L.redacted(L.kinds[kind]));
  };
  const when = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(choice.language === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin' })
      : '–';

  const fc = ticket.firstContact;
  const firstContact = choice.firstContact
    ? {
        [L.affectedScope]: labels.scope[fc.affectedScope],
        [L.affectedSystems]: clean('firstContact.affectedSystems', fc.affectedSystems),
        [L.businessProcess]: clean('firstContact.businessProcess', fc.businessProcess),
        [L.businessCritical]: fc.businessCritical ? L.yes : L.no,
        [L.since]: when(fc.since),
        [L.recentChanges]: clean('firstContact.recentChanges', fc.recentChanges),
        [L.impairment]: labels.impairment[fc.impairment],
      }
    : null;
  const triage = choice.triage
    ? {
        impact: labels.level[ticket.triage.impact],
        urgency: labels.level[ticket.triage.urgency],
        priority: labels.priority[ticket.triage.priority],
        reason: triageReason(
          choice.language,
          ticket.triage.priority,
          fc,
          ticket.triage.override !== null,
          raiseOf(ticket.triage.suggested),
        ),
      }
    : null;
  const noteById = new Map(file.notes.map((n) => [n.id, n]));
  const timeline = choice.timeline
    ? file.events
        .filter((e) =>
          [
            'ticket.created',
            'ticket.transitioned',
            'ticket.reopened',
            'ticket.noted',
            'ticket.replied',
            'ticket.mailIn',
          ].includes(e.kind),
        )
        .map((e) => {
          const note = typeof e.data.noteId === 'number' ? noteById.get(e.data.noteId) : undefined;
          const status = (e.data.changes as { status?: { after?: string } } | undefined)?.status?.after;
          const text = note
            ? clean(`note:${note.id}`, note.body)
            : status
              ? (labels.status[status as keyof typeof labels.status] ?? status)
              : '';
          const kind = e.kind.replace('ticket.', '') as keyof typeof L.events;
          return { at: e.at, actor: e.actor, what: L.events[kind] ?? kind, text };
        })
    : null;
  const checklists = choice.checklists
    ? file.runs.map((run) => ({
        title: run.template.title,
        version: run.templateVersion,
        steps: allSteps(run.template)
          .map((step) => ({ step, record: run.steps.find((s) => s.id === step.id)! }))
          .filter(({ record }) => record.applicable)
          .map(({ step, record }) => ({
            title: step.title,
            state: L.states[record.state],
            answer: record.answer ? L.answers[record.answer] : null,
            note: clean(`checklist:${run.id}:${step.id}`, record.note),
            by: record.actor,
            at: record.at,
          })),
      }))
    : null;
  const taken = new Set<string>();
  const attachmentFiles = file.attachments
    .filter((a) => choice.attachmentIds.includes(a.id))
    .flatMap((attachment): PacketContent['attachmentFiles'] => {
      const name = `attachments/${packetFileName(clean(`attachment:${attachment.id}`, attachment.fileName), taken)}`;
      const field = `attachment:${attachment.id}:content`;
      const text = file.attachmentTexts.get(attachment.id) ?? null;
      if (text === null) {
        // Not scannable (an image, a PDF, an Office file): it leaves only when released deliberately.
        const unchecked: Finding = {
          id: `${field}@unchecked`,
          field,
          kind: 'unchecked',
          start: 0,
          end: 0,
          hint: attachment.fileName,
        };
        findings.push(unchecked);
        return released.has(unchecked.id) ? [{ file: name, attachment }] : [];
      }
      const found = findSecrets(text, field, involved);
      findings.push(...found);
      if (!found.some((f) => !released.has(f.id))) return [{ file: name, attachment }];
      const redacted = redact(text, found, released, (kind) => L.redacted(L.kinds[kind]));
      return [{ file: name, attachment, content: Buffer.from(redacted, 'utf8') }];
    });
  const packet: Packet = {
    schemaVersion: 1,
    generatedAt: file.now.toISOString(),
    language: choice.language,
    kind: file.kind,
    reference: file.reference,
    ticket: {
      number: ticket.number,
      title: clean('title', ticket.title),
      status: labels.status[ticket.status],
      priority: ticket.triage.priority,
      category: ticket.category ? labels.category[ticket.category] : null,
      createdAt: ticket.createdAt,
      requester: { name: ticket.requester.name, department: ticket.requester.department },
      description: clean('description', ticket.description),
    },
    firstContact,
    triage,
    question: clean('question', choice.question),
    timeline,
    checklists,
    attachments: attachmentFiles.map(({ file: name, attachment, content }) => ({
      file: name,
      size: content ? content.length : attachment.size,
      sha256: content ? createHash('sha256').update(content).digest('hex') : attachment.sha256,
    })),
    redacted: 0,
  };
  const hidden = findings.filter((f) => !released.has(f.id));
  packet.redacted = hidden.length;
  const checklistFiles = (checklists ?? []).map((run, i) => ({
    file: `checklists/${String(i + 1).padStart(2, '0')}-${packetFileName(run.title, new Set()).replace(/\s+/g, '-')}.md`,
    markdown: [
      `# ${run.title} (v${run.version})`,
      '',
      ...run.steps.map(
        (s) =>
          `- [${s.state === L.states.done ? 'x' : ' '}] ${s.title} — ${s.state}${s.answer ? ` (${s.answer})` : ''}${s.by ? `, ${s.by} ${when(s.at)}` : ''}${s.note ? `\n  ${s.note.replace(/\n/g, '\n  ')}` : ''}`,
      ),
      '',
    ].join('\n'),
  }));
  const tag = file.reference ? ` ${file.provider.subjectTag.replace('{ref}', file.reference)}` : '';
  // What leaves the house meets the text policy even for data stored before it applied.
  const subject = cleanText(
    `[LS-${ticket.number}]${tag} ${file.kind === 'update' ? `${L.update}: ` : ''}${packet.ticket.title} (${ticket.triage.priority})`,
    true,
  );
  return {
    to: file.provider.intakeEmail,
    subject,
    packet,
    text: summaryText(packet, choice.language, file.coordinator),
    checklistFiles,
    attachmentFiles,
    findings,
  };
}

/** The summary a technician reads first: question, facts, first contact, history, what was tried. */
export function summaryText(packet: Packet, language: 'de' | 'en', coordinator: string): string {
  const L = packetTexts[language];
  const lines = [L.greeting, '', L.intro, ''];
  if (packet.question) lines.push(`${L.question}:`, packet.question, '');
  lines.push(
    `${L.facts}:`,
    `${L.ticket}: ${packet.ticket.number} – ${packet.ticket.title}`,
    `${L.priority}: ${packet.triage ? packet.triage.reason : packet.ticket.priority}`,
    `${L.status}: ${packet.ticket.status}`,
    `${L.requester}: ${packet.ticket.requester.name}${packet.ticket.requester.department ? `, ${packet.ticket.requester.department}` : ''}`,
    '',
  );
  if (packet.ticket.description) lines.push(`${L.description}:`, packet.ticket.description, '');
  if (packet.firstContact) {
    lines.push(`${L.firstContact}:`);
    for (const [label, value] of Object.entries(packet.firstContact)) if (value) lines.push(`- ${label}: ${value}`);
    lines.push('');
  }
  if (packet.checklists?.length) {
    lines.push(`${L.checklists}:`);
    for (const run of packet.checklists) {
      lines.push(`${run.title}:`);
      for (const step of run.steps.filter((s) => s.state !== L.states.pending))
        lines.push(
          `- ${step.title}: ${step.state}${step.answer ? ` (${step.answer})` : ''}${step.note ? ` – ${step.note}` : ''}`,
        );
    }
    lines.push('');
  }
  if (packet.timeline?.length) {
    lines.push(`${L.timeline}:`);
    const local = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: 'Europe/Berlin',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    for (const entry of packet.timeline)
      lines.push(
        `- ${local.format(new Date(entry.at))} ${entry.actor}: ${entry.what}${entry.text ? ` – ${entry.text}` : ''}`,
      );
    lines.push('');
  }
  if (packet.attachments.length)
    lines.push(`${L.attachments}: ${packet.attachments.map((a) => a.file.replace('attachments/', '')).join(', ')}`, '');
  lines.push(L.regards, coordinator);
  return lines.join('\n');
}
