import { z } from 'zod';
import { line, text } from './fields';
import { ownValue } from './own';

/** The moments a requester must be told something. */
export const messageKindSchema = z.enum(['received', 'inProgress', 'waitingOnYou', 'forwarded', 'resolved']);
export type MessageKind = z.infer<typeof messageKindSchema>;

const template = z.strictObject({ subject: line(300), body: text(8000) });
const templatesFor = z.strictObject(
  Object.fromEntries(messageKindSchema.options.map((kind) => [kind, template])) as Record<MessageKind, typeof template>,
);
export const messageTemplatesSchema = z.strictObject({ de: templatesFor, en: templatesFor });
export type MessageTemplates = z.infer<typeof messageTemplatesSchema>;

/** Placeholders a template may use; each is filled from the ticket, the SLA clock or the coordinator. */
export const placeholders = [
  'number',
  'title',
  'requester',
  'priority',
  'assignee',
  'coordinator',
  'firstResponseDue',
  'resolutionDue',
  'needed',
  'resolution',
] as const;
export type Placeholder = (typeof placeholders)[number];

/** Replaces {{name}}; an unknown placeholder stays visible so the coordinator sees it before sending. */
export function fillTemplate(template: string, values: Partial<Record<Placeholder, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => ownValue(values, name) ?? whole);
}

export const defaultMessageTemplates: MessageTemplates = {
  de: {
    received: {
      subject: '[{{number}}] Ihre Meldung ist eingegangen: {{title}}',
      body: 'Hallo {{requester}},\n\nIhre Meldung „{{title}}“ ist bei uns eingegangen (Ticket {{number}}, Priorität {{priority}}).\nSie hören spätestens {{firstResponseDue}} von uns; Ziel für die Lösung ist {{resolutionDue}}.\n\nViele Grüße\n{{coordinator}}',
    },
    inProgress: {
      subject: '[{{number}}] In Bearbeitung: {{title}}',
      body: 'Hallo {{requester}},\n\n{{assignee}} kümmert sich jetzt um „{{title}}“. Als Nächstes melden wir uns spätestens {{resolutionDue}} mit dem Stand.\n\nViele Grüße\n{{coordinator}}',
    },
    waitingOnYou: {
      subject: '[{{number}}] Wir brauchen Ihre Hilfe: {{title}}',
      body: 'Hallo {{requester}},\n\num „{{title}}“ weiter zu bearbeiten, brauchen wir von Ihnen:\n{{needed}}\n\nBis dahin ruht das Ticket. Viele Grüße\n{{coordinator}}',
    },
    forwarded: {
      subject: '[{{number}}] An unseren IT-Dienstleister weitergegeben: {{title}}',
      body: 'Hallo {{requester}},\n\n„{{title}}“ haben wir an unseren IT-Dienstleister weitergegeben. Wir verfolgen den Fall und melden uns spätestens {{resolutionDue}}.\n\nViele Grüße\n{{coordinator}}',
    },
    resolved: {
      subject: '[{{number}}] Gelöst: {{title}}',
      body: 'Hallo {{requester}},\n\n„{{title}}“ ist gelöst. Was wir getan haben:\n{{resolution}}\n\nFalls das Problem wieder auftritt, antworten Sie einfach auf diese Nachricht.\n\nViele Grüße\n{{coordinator}}',
    },
  },
  en: {
    received: {
      subject: '[{{number}}] We received your request: {{title}}',
      body: 'Hello {{requester}},\n\nwe received your request "{{title}}" (ticket {{number}}, priority {{priority}}).\nYou will hear from us by {{firstResponseDue}} at the latest; we aim to solve it by {{resolutionDue}}.\n\nBest regards\n{{coordinator}}',
    },
    inProgress: {
      subject: '[{{number}}] In progress: {{title}}',
      body: 'Hello {{requester}},\n\n{{assignee}} is now working on "{{title}}". We will update you by {{resolutionDue}} at the latest.\n\nBest regards\n{{coordinator}}',
    },
    waitingOnYou: {
      subject: '[{{number}}] We need your help: {{title}}',
      body: 'Hello {{requester}},\n\nto continue with "{{title}}" we need from you:\n{{needed}}\n\nUntil then the ticket rests. Best regards\n{{coordinator}}',
    },
    forwarded: {
      subject: '[{{number}}] Passed on to our IT service provider: {{title}}',
      body: 'Hello {{requester}},\n\nwe have passed "{{title}}" on to our IT service provider. We follow the case and will update you by {{resolutionDue}}.\n\nBest regards\n{{coordinator}}',
    },
    resolved: {
      subject: '[{{number}}] Resolved: {{title}}',
      body: 'Hello {{requester}},\n\n"{{title}}" is resolved. What we did:\n{{resolution}}\n\nIf the problem comes back, simply reply to this message.\n\nBest regards\n{{coordinator}}',
    },
  },
};
