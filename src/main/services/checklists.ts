import type { MethodOutput, ParsedInput } from '../../shared/contract';
import { ticketCreateInput } from '../../shared/contract/tickets';
import { AppError } from '../../shared/errors';
import type { Ticket } from '../../shared/domain/ticket';
import { checklistRuns } from './checklistRuns';
import { checklistTemplates } from './checklistTemplates';
import type { ServiceContext } from './context';
import type { SlaClocks } from './slaClocks';
import { ownValue } from '../../shared/domain/own';

type Deps = {
  clocks: SlaClocks;
  timeZone: () => string;
  createTicket: (input: ParsedInput<'tickets.create'>) => Ticket;
};

/** Runbook checklists: the template library, runs on tickets, and service requests that start with one. */
export function checklistsService(ctx: ServiceContext, deps: Deps) {
  const templates = checklistTemplates(ctx);
  const runs = checklistRuns(ctx, { templates, clocks: deps.clocks, timeZone: deps.timeZone });
  // Plain closures, no `this`: taking them apart is safe.
  // oxlint-disable-next-line typescript/unbound-method
  const { current: _current, ...templateHandlers } = templates;
  // oxlint-disable-next-line typescript/unbound-method
  const { startRun, forTickets: _forTickets, progressFor, openRequired, ...runHandlers } = runs;

  return {
    progressFor,
    openRequired,
    handlers: {
      ...templateHandlers,
      ...runHandlers,
      'serviceRequests.start': (input: ParsedInput<'serviceRequests.start'>): MethodOutput<'serviceRequests.start'> => {
        const stored = templates.current(input.key, input.language);
        if (!stored)
          throw new AppError('not_found', 'not_found_template', { key: input.key, language: input.language });
        const { template } = stored;
        const who = Object.values(input.variables).find(Boolean);
        const ticketInput = ticketCreateInput.parse({
          title: input.title ?? (who ? `${template.title}: ${who}` : template.title).slice(0, 200),
          description: template.variables
            .filter((v) => ownValue(input.variables, v.key))
            .map((v) => `${v.label}: ${ownValue(input.variables, v.key)}`)
            .join('\n'),
          channel: 'email',
          requester: input.requester,
          firstContact: { affectedScope: 'person', businessProcess: template.title, impairment: 'none' },
          category: template.categories[0] ?? null,
        });
        return ctx.write(
          () => {
            const ticket = deps.createTicket(ticketInput);
            const runId = startRun(ticket.id, input.key, input.language, input.variables);
            return { ticket, run: runHandlers['checklists.runs.get']({ id: runId }) };
          },
          ({ ticket }) => [{ entity: 'ticket', ids: [ticket.id] }],
        );
      },
    },
  };
}
