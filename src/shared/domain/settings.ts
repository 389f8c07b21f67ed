import { z } from 'zod';
import { line, requiredLine } from './fields';
import { defaultProblemSettings, problemSettingsSchema } from './problem';
import { defaultTriageRules, triageRulesSchema } from './triage';

export const MAX_ATTACHMENT_BYTES_CEILING = 100 * 1024 * 1024;

export const settingsSchema = z.strictObject({
  /** 'system' follows the operating system's language, German when it is German. */
  language: z.enum(['system', 'de', 'en']),
  /** Name recorded as the actor of every change made at this desk. */
  coordinatorName: requiredLine(100),
  /** The coordinator's own address: the sender of MSP packets and status mails (empty: the mail program's own). */
  coordinatorEmail: z.union([z.literal(''), z.email().max(200)]),
  triage: triageRulesSchema,
  attachmentMaxBytes: z.int().min(1024).max(MAX_ATTACHMENT_BYTES_CEILING),
  /** Where the directory reads people from LDAP/AD; no password (typed at each import, never stored). */
  ldap: z.strictObject({ url: line(300), bindDn: line(300), baseDn: line(300), filter: line(500) }),
  /** Pattern detection: how far back tickets are compared, and how many alike make a pattern. */
  problems: problemSettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'system',
  coordinatorName: 'IT-Koordination',
  coordinatorEmail: '',
  triage: defaultTriageRules,
  attachmentMaxBytes: 25 * 1024 * 1024,
  ldap: { url: '', bindDn: '', baseDn: '', filter: '(objectClass=person)' },
  problems: defaultProblemSettings,
};

/** The desk's default name in each language: switching the language renames an untouched default too. */
export const defaultCoordinatorNames = { de: 'IT-Koordination', en: 'IT coordination' } as const;

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
