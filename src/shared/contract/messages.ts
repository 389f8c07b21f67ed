import { z } from 'zod';
import { languageSchema } from '../domain/enums';
import { id, text } from '../domain/fields';
import { messageKindSchema, messageTemplatesSchema } from '../domain/messages';
import { command, empty, query } from './common';

export const renderedMessageSchema = z.strictObject({
  subject: z.string(),
  body: z.string(),
  /** The requester's address, empty when none is known. */
  to: z.string(),
});

export const messagesContract = {
  'messages.templates.get': query(empty, messageTemplatesSchema),
  'messages.templates.update': command(z.strictObject({ templates: messageTemplatesSchema }), messageTemplatesSchema),
  'messages.render': query(
    z.strictObject({
      id,
      kind: messageKindSchema,
      language: languageSchema,
      /** What the requester must provide, for "waiting on you". */
      needed: text(2000).default(''),
    }),
    renderedMessageSchema,
  ),
} as const;
