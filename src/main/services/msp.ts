import { basename, join } from 'node:path';
import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { Escalation } from '../../shared/contract/msp';
import type { SlaWarning } from '../../shared/contract/sla';
import { addBusinessMs, type BusinessCalendar } from '../../shared/domain/businessTime';
import type { MspProvider } from '../../shared/domain/msp';
import { AppError } from '../../shared/errors';
import { appendEvent, eventsForTicket } from '../queries/audit';
import {
  escalationRows,
  findEscalation,
  findProvider,
  initialEscalationsIn,
  insertEscalation,
  providerRows,
  openEscalations,
  setReacted,
  setReference,
  setReminded,
  writeProvider,
  type EscalationRow,
} from '../queries/msp';
import { attachmentsForTicket, findTicketRow, notesForTicket, rowToTicket } from '../queries/tickets';
import type { ChecklistRun } from '../../shared/contract/checklists';
import type { SlaPolicy } from '../../shared/domain/slaPolicy';
import type { Ticket } from '../../shared/domain/ticket';
import type { ServiceContext } from './context';
import { packetContent, type PacketChoice } from './escalationContent';
import { packetBaseName, writePacket } from './escalationFiles';
import { attachmentText } from './attachmentText';
import { readVerified } from '../files/verifiedRead';
import { parseReply } from './escalationReply';
import { businessCalendar } from './slaCalendar';
import { referenceFromSubject } from '../../shared/domain/msp';
import { insertNote } from '../queries/tickets';

const HOUR = 3_600_000;

/** One escalation judged against the provider's contract (reports). */
export type MspOutcome = {
  ticketId: number;
  providerId: string;
  providerName: string;
  reaction: 'met' | 'breached' | 'pending';
  resolution: 'met' | 'breached' | 'pending';
};

type Deps = {
  policy: () => SlaPolicy;
  runsFor: (ticketId: number) => ChecklistRun[];
  transition: (ticket: Ticket, to: 'waitingMsp', tier: 'msp') => void;
  /**
   * Puts a packet's mail in the outbox (inside the escalation's transaction), for providers that take packets
   * over SMTP; `check` refuses before anything is built when no mailbox sends.
   */
  mail: {
    check: () => void;
    queuePacket: (m: { ticketId: number; to: string; subject: string; body: string; zipFile: string }) => number;
  };
};

/** The coordinator as the sender, or none: an unsent draft then takes the mail program's own account. */
const senderOf = (settings: { coordinatorName: string; coordinatorEmail: string }): string | null =>
  settings.coordinatorEmail
    ? `"${settings.coordinatorName.replace(/["\\]/g, '')}" <${settings.coordinatorEmail}>`
    : null;

/** The MSP directory, escalation packets sent to a provider, its reference, and its own contract clock. */
export function mspService(ctx: ServiceContext, deps: Deps) {
  const actor = () => ctx.settings().coordinatorName;
  const calendars = new Map<string, BusinessCalendar>();
  const calendarOf = (provider: MspProvider) => {
    const key = `${JSON.stringify(provider.supportHours)}|${provider.timeZone}|${deps.policy().state}`;
    let calendar = calendars.get(key);
    if (!calendar) {
      calendar = businessCalendar({
        timeZone: provider.timeZone,
        week: provider.supportHours,
        state: deps.policy().state,
        closureDays: [],
      });
      calendars.set(key, calendar);
    }
    return calendar;
  };

  function requireProvider(id: string): MspProvider {
    const provider = findProvider(ctx.db, id);
    if (!provider) throw new AppError('not_found', 'not_found_provider', { id });
    return provider;
  }

  function loadTicket(id: number): Ticket {
    const row = findTicketRow(ctx.db, id);
    if (!row) throw new AppError('not_found', 'not_found_ticket', { id });
    return rowToTicket(row);
  }

  function toEscalation(row: EscalationRow): Escalation {
    const provider = findProvider(ctx.db, row.provider_id) ?? null;
    const ticket = loadTicket(row.ticket_id);
    const at = Date.parse(row.at);
    const now = ctx.now().getTime();
    const times = provider?.contract[ticket.triage.priority] ?? { reactionHours: 0, resolutionHours: 0 };
    const calendar = provider ? calendarOf(provider) : null;
    const due = (hours: number) => (calendar ? addBusinessMs(at, hours * HOUR, calendar) : at);
    const reactionDue = due(times.reactionHours);
    const resolutionDue = due(times.resolutionHours);
    const reacted = row.reacted_at ? Date.parse(row.reacted_at) : null;
    const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
    return {
      id: row.id,
      ticketId: row.ticket_id,
      providerId: row.provider_id,
      providerName: provider?.name ?? row.provider_id,
      at: row.at,
      kind: row.kind,
      packetSha256: row.packet_sha256,
      emlSha256: row.eml_sha256,
      reference: row.reference,
      reactedAt: row.reacted_at,
      clock: {
        reaction: {
          dueAt: new Date(reactionDue).toISOString(),
          met: reacted === null ? (now > reactionDue ? false : null) : reacted <= reactionDue,
          overdue: reacted === null && now > reactionDue,
        },
        resolution: { dueAt: new Date(resolutionDue).toISOString(), overdue: open && now > resolutionDue },
      },
    };
  }

  function caseFile(choice: PacketChoice) {
    const ticket = loadTicket(choice.ticketId);
    const provider = requireProvider(choice.providerId);
    const earlier = escalationRows(ctx.db, ticket.id).filter((e) => e.provider_id === provider.id);
    const reference = [...earlier].reverse().find((e) => e.reference)?.reference ?? null;
    const attachments = attachmentsForTicket(ctx.db, ticket.id);
    for (const id of choice.attachmentIds)
      if (!attachments.some((a) => a.id === id)) throw new AppError('not_found', 'not_found_attachment', { id });
    return packetContent(
      {
        ticket,
        notes: notesForTicket(ctx.db, ticket.id),
        events: eventsForTicket(ctx.db, ticket.id),
        runs: deps.runsFor(ticket.id),
        attachments,
        attachmentTexts: new Map(
          attachments
            .filter((a) => choice.attachmentIds.includes(a.id))
            .map((a) => [a.id, attachmentText(ctx.dataDir, a)]),
        ),
        provider,
        coordinator: actor(),
        reference,
        kind: earlier.length ? 'update' : 'initial',
        now: ctx.now(),
      },
      choice,
    );
  }

  /** Per ticket, the latest escalation's reference and whether the provider is late (for board cards). */
  function clocksFor(ticketIds: readonly number[]): Map<number, { reference: string | null; late: boolean }> {
    const result = new Map<number, { reference: string | null; late: boolean }>();
    for (const ticketId of ticketIds) {
      const latest = escalationRows(ctx.db, ticketId).at(-1);
      if (!latest) continue;
      const escalation = toEscalation(latest);
      result.set(ticketId, {
        reference: escalation.reference,
        late: escalation.clock.reaction.overdue || escalation.clock.resolution.overdue,
      });
    }
    return result;
  }

  /** Raises a follow-up reminder once when the provider is late with its reaction, and once with its resolution. */
  function remindLate(): SlaWarning[] {
    const raised: SlaWarning[] = [];
    for (const row of openEscalations(ctx.db)) {
      const escalation = toEscalation(row);
      const step = escalation.clock.resolution.overdue ? 2 : escalation.clock.reaction.overdue ? 1 : 0;
      if (step <= row.reminded) continue;
      const ticket = loadTicket(row.ticket_id);
      const clock = step === 2 ? 'mspResolution' : 'mspReaction';
      const dueAt = step === 2 ? escalation.clock.resolution.dueAt : escalation.clock.reaction.dueAt;
      setReminded(ctx.db, row.id, step);
      appendEvent(ctx.db, {
        ticketId: ticket.id,
        at: ctx.now().toISOString(),
        actor: 'Leitstand',
        kind: 'sla.warned',
        data: { clock, level: 'breached', dueAt, suggestions: [], provider: escalation.providerName },
      });
      raised.push({
        ticketId: ticket.id,
        number: ticket.number,
        title: ticket.title,
        priority: ticket.triage.priority,
        clock,
        level: 'breached',
        dueAt,
        suggestions: [],
      });
    }
    return raised;
  }

  /**
   * How each provider kept its contract with the tickets first escalated within [from, to), as of `until`: reacted
   * (reference recorded) and resolved by the contract's deadlines, late, or not yet due.
   */
  function performanceIn(range: { from: string; to: string; until: number }): MspOutcome[] {
    return initialEscalationsIn(ctx.db, range.from, range.to).map((row) => {
      const escalation = toEscalation(row);
      const resolvedAt = findTicketRow(ctx.db, row.ticket_id)?.resolved_at ?? null;
      const judge = (doneAt: string | null, dueAt: string): MspOutcome['reaction'] => {
        const done = doneAt === null ? null : Date.parse(doneAt);
        const due = Date.parse(dueAt);
        if (done !== null && done <= range.until) return done <= due ? 'met' : 'breached';
        return range.until > due ? 'breached' : 'pending';
      };
      return {
        ticketId: row.ticket_id,
        providerId: row.provider_id,
        providerName: escalation.providerName,
        reaction: judge(row.reacted_at, escalation.clock.reaction.dueAt),
        resolution: judge(resolvedAt, escalation.clock.resolution.dueAt),
      };
    });
  }

  /**
   * A mail that came in on a forwarded ticket from its provider (their address's domain, or their tag in the
   * subject): their reference and their reaction are recorded, as for a reply file. Runs inside the mail's
   * transaction; answers whether the mail was the provider's.
   */
  function providerMail(ticketId: number, from: string, subject: string): boolean {
    const latest = escalationRows(ctx.db, ticketId).at(-1);
    const provider = latest ? findProvider(ctx.db, latest.provider_id) : undefined;
    if (!latest || !provider) return false;
    const domainOf = (address: string) => address.split('@')[1]?.toLowerCase() ?? '';
    const reference = referenceFromSubject(subject, provider.subjectTag);
    if (!reference && domainOf(from) !== domainOf(provider.intakeEmail)) return false;
    const at = ctx.now().toISOString();
    if (reference && reference !== latest.reference) {
      setReference(ctx.db, latest.id, reference, at);
      appendEvent(ctx.db, {
        ticketId,
        at,
        actor: actor(),
        kind: 'escalation.reference',
        data: { escalationId: latest.id, reference, subject: subject.slice(0, 300) },
      });
    } else if (!latest.reacted_at) setReacted(ctx.db, latest.id, at);
    return true;
  }

  return {
    clocksFor,
    remindLate,
    performanceIn,
    providerMail,
    'msp.providers.list': (): MethodOutput<'msp.providers.list'> => ({ providers: providerRows(ctx.db) }),
    'msp.providers.save': ({ provider }: ParsedInput<'msp.providers.save'>) =>
      ctx.write(
        () => {
          const at = ctx.now().toISOString();
          writeProvider(ctx.db, provider, false, at);
          appendEvent(ctx.db, { ticketId: null, at, actor: actor(), kind: 'msp.providerSaved', data: { provider } });
          return provider;
        },
        () => [{ entity: 'settings', ids: [] }],
      ),
    'msp.providers.remove': ({ id }: ParsedInput<'msp.providers.remove'>) => {
      const provider = requireProvider(id);
      ctx.write(
        () => {
          const at = ctx.now().toISOString();
          writeProvider(ctx.db, provider, true, at);
          appendEvent(ctx.db, { ticketId: null, at, actor: actor(), kind: 'msp.providerRemoved', data: { id } });
        },
        () => [{ entity: 'settings', ids: [] }],
      );
      return { removed: true as const };
    },
    'escalations.preview': (choice: ParsedInput<'escalations.preview'>): MethodOutput<'escalations.preview'> => {
      const content = caseFile(choice);
      return {
        to: content.to,
        subject: content.subject,
        text: content.text,
        files: [
          'packet.json',
          'schema.json',
          'summary.html',
          ...content.checklistFiles.map((c) => c.file),
          ...content.attachmentFiles.map((a) => a.file),
          'manifest.sha256',
        ],
        findings: content.findings.map(({ id, field, kind, hint }) => ({ id, field, kind, hint })),
      };
    },
    /** Builds packet and mail off the transaction (file I/O), then records the escalation in one transaction. */
    'escalations.build': async (
      choice: ParsedInput<'escalations.build'>,
    ): Promise<MethodOutput<'escalations.build'>> => {
      const content = caseFile(choice);
      const ticket = loadTicket(choice.ticketId);
      const bySmtp = (requireProvider(choice.providerId).delivery ?? 'eml') === 'smtp';
      if (bySmtp) deps.mail.check();
      const built = await writePacket(
        ctx.dataDir,
        content,
        senderOf(ctx.settings()),
        packetBaseName(ticket.number, ctx.now()),
      );
      const id = ctx.write(
        () => {
          const at = ctx.now().toISOString();
          const escalationId = insertEscalation(ctx.db, {
            ticket_id: ticket.id,
            provider_id: choice.providerId,
            at,
            kind: content.packet.kind,
            packet_sha256: built.zipSha256,
            eml_sha256: built.emlSha256,
            packet_file: built.zipFile,
            eml_file: built.emlFile,
            included: JSON.stringify({ files: built.files, question: content.packet.question }),
            redactions: JSON.stringify({ hidden: content.packet.redacted, released: choice.released }),
            reference: content.packet.reference,
          });
          appendEvent(ctx.db, {
            ticketId: ticket.id,
            at,
            actor: actor(),
            kind: 'escalation.sent',
            data: {
              escalationId,
              provider: choice.providerId,
              packetSha256: built.zipSha256,
              files: built.files,
              redacted: content.packet.redacted,
              released: choice.released,
            },
          });
          deps.transition(loadTicket(ticket.id), 'waitingMsp', 'msp');
          // The mail that leaves is the one the packet was built with: same subject, text and ZIP.
          const outboxId = bySmtp
            ? deps.mail.queuePacket({
                ticketId: ticket.id,
                to: content.to,
                subject: content.subject,
                body: content.text,
                zipFile: built.zipFile,
              })
            : null;
          return { escalationId, outboxId };
        },
        (result) => [
          { entity: 'ticket', ids: [ticket.id] },
          ...(result.outboxId ? [{ entity: 'mail' as const, ids: [result.outboxId] }] : []),
        ],
      );
      return {
        outboxId: id.outboxId,
        escalation: toEscalation(findEscalation(ctx.db, id.escalationId)!),
        zipFile: join(ctx.dataDir, built.zipFile),
        emlFile: join(ctx.dataDir, built.emlFile),
        files: built.files,
      };
    },
    'escalations.importReply': async ({
      ticketId,
      contentBase64,
    }: ParsedInput<'escalations.importReply'>): Promise<MethodOutput<'escalations.importReply'>> => {
      const ticket = loadTicket(ticketId);
      const reply = await parseReply(Buffer.from(contentBase64, 'base64'));
      const escalations = escalationRows(ctx.db, ticket.id);
      const latest = escalations.at(-1);
      if (!latest) throw new AppError('conflict', 'reply_without_escalation', { number: ticket.number });
      const provider = findProvider(ctx.db, latest.provider_id);
      const reference = provider ? referenceFromSubject(reply.subject, provider.subjectTag) : null;
      return ctx.write(
        () => {
          const at = ctx.now().toISOString();
          const body = [
            `${provider?.name ?? latest.provider_id}: ${reply.subject}`,
            '',
            reply.text,
            ...(reply.attachments.length ? ['', `📎 ${reply.attachments.join(', ')}`] : []),
          ].join('\n');
          const note = insertNote(ctx.db, {
            ticketId: ticket.id,
            kind: 'note',
            body: body.slice(0, 20_000),
            author: actor(),
            createdAt: at,
          });
          if (reference) setReference(ctx.db, latest.id, reference, at);
          appendEvent(ctx.db, {
            ticketId: ticket.id,
            at,
            actor: actor(),
            kind: 'escalation.reply',
            data: { escalationId: latest.id, noteId: note.id, body, reference, subject: reply.subject },
          });
          return { reference, subject: reply.subject, attachments: reply.attachments, noteId: note.id };
        },
        () => [{ entity: 'ticket', ids: [ticket.id] }],
      );
    },
    'escalations.download': ({ escalationId, file }: ParsedInput<'escalations.download'>) => {
      const row = findEscalation(ctx.db, escalationId);
      if (!row) throw new AppError('not_found', 'not_found_escalation', { id: escalationId });
      const path = file === 'zip' ? row.packet_file : row.eml_file;
      const sha256 = file === 'zip' ? row.packet_sha256 : row.eml_sha256;
      return {
        fileName: basename(path),
        mimeType: file === 'zip' ? 'application/zip' : 'message/rfc822',
        contentBase64: readVerified(join(ctx.dataDir, path), { sha256 }, basename(path)).toString('base64'),
      };
    },
    'escalations.forTicket': ({ ticketId }: ParsedInput<'escalations.forTicket'>) => ({
      escalations: escalationRows(ctx.db, ticketId).map(toEscalation),
    }),
    'escalations.recordReference': ({ escalationId, reference }: ParsedInput<'escalations.recordReference'>) => {
      const row = findEscalation(ctx.db, escalationId);
      if (!row) throw new AppError('not_found', 'not_found_escalation', { id: escalationId });
      ctx.write(
        () => {
          const at = ctx.now().toISOString();
          setReference(ctx.db, escalationId, reference, at);
          appendEvent(ctx.db, {
            ticketId: row.ticket_id,
            at,
            actor: actor(),
            kind: 'escalation.reference',
            data: { escalationId, reference },
          });
        },
        () => [{ entity: 'ticket', ids: [row.ticket_id] }],
      );
      return toEscalation(findEscalation(ctx.db, escalationId)!);
    },
  };
}
