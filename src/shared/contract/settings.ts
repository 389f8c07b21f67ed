import { settingsPatchSchema, settingsSchema } from '../domain/settings';
import { command, empty, query } from './common';
import { z } from 'zod';

export const settingsContract = {
  'settings.get': query(empty, settingsSchema),
  'settings.update': command(z.strictObject({ patch: settingsPatchSchema }), settingsSchema),
} as const;
