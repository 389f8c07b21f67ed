import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { SlaStatus } from '../../shared/contract/sla';
import { AppError } from '../../shared/errors';
import {
  defaultMessageTemplates,
  fillTemplate,
  messageTemplatesSchema,
  type MessageTemplates,
} from '../../shared/domain/messages';
import { domainLabels } from '../../shared/i18n/domain';
import { appendEvent } from '../queries/audit';
import { readTemplatesRow, writeTemplatesRow } from '../queries/messages';
import { findTicketRow, rowToTicket } from '../queries/tickets';
import type { ServiceContext } from './context';

type SlaLookup = { status: (id: number) => SlaStatus; timeZone: () => string };

export function messagesService(ctx: ServiceContext, sla: SlaLookup) {
  let templates: MessageTemplates = (() => {
    const parsed = messageTemplatesSchema.safeParse(readTemplatesRow(ctx.db));
    return parsed.success ? parsed.data : defaultMessageTemplates;
  })();

  return {
    'messages.templates.get': (): MethodOutput<'messages.templates.get'> => templates,

    'messages.templates.update': ({
      templates: next,
    }: ParsedInput<'messages.templates.update'>): MethodOutput<'messages.templates.update'> => {
      if (JSON.stringify(next) === JSON.stringify(templates)) return templates;
      ctx.write(
        () => {
          writeTemplatesRow(ctx.db, next);
          appendEvent(ctx.db, {
            ticketId: null,
            at: ctx.now().toISOString(),
            actor: ctx.settings().coordinatorName,
            kind: 'messages.templatesUpdated',
            data: { before: templates, after: next },
          });
        },
        () => [{ entity: 'settings', ids: [] }],
      );
      templates = next;
      return templates;
    },

    /** The message with every placeholder filled; the coordinator edits it, then copies or mails it. */
    'messages.render': ({
      id,
      kind,
      language,
      needed,
    }: ParsedInput<'messages.render'>): MethodOutput<'messages.render'> => {
      const row = findTicketRow(ctx.db, id);
      if (!row) throw new AppError('not_found', 'not_found_ticket', { id });
      const ticket = rowToTicket(row);
      const status = sla.status(id);
      const when = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: sla.timeZone(),
      });
      const due = (iso: string | null) =>
        iso ? when.format(new Date(iso)) : language === 'de' ? 'baldmöglichst' : 'as soon as possible';
      const values = {
        number: ticket.number,
        title: ticket.title,
        requester: ticket.requester.name,
        priority: domainLabels[language].priority[ticket.triage.priority],
        assignee: ticket.assignee ?? ctx.settings().coordinatorName,
        coordinator: ctx.settings().coordinatorName,
        firstResponseDue: due(status.firstResponse.dueAt),
        resolutionDue: due(status.resolution.dueAt),
        needed: needed.trim() || '…',
        resolution: ticket.resolution ?? '…',
      };
      const template = templates[language][kind];
      return {
        subject: fillTemplate(template.subject, values),
        body: fillTemplate(template.body, values),
        to: ticket.requester.email,
      };
    },
  };
}
