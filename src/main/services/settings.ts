import type { MethodOutput, ParsedInput } from '../../shared/contract';
import { defaultCoordinatorNames, defaultSettings, settingsSchema, type Settings } from '../../shared/domain/settings';
import { appendEvent } from '../queries/audit';
import { readSettingsRows, writeSetting } from '../queries/settings';
import type { Db } from '../store/database';
import type { ServiceContext } from './context';

/** Stored settings over the defaults; a stored value that no longer fits the schema falls back to its default. */
export function loadSettings(db: Db): Settings {
  const stored = readSettingsRows(db);
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const [key, value] of Object.entries(stored)) {
    if (!Object.hasOwn(defaultSettings, key)) continue;
    const candidate = { ...merged, [key]: value };
    if (settingsSchema.safeParse(candidate).success) merged[key] = value;
  }
  return settingsSchema.parse(merged);
}

/** The settings as last saved, kept in memory: every call reads them. */
export type SettingsCache = { current: Settings };

export function settingsService(ctx: ServiceContext, cache: SettingsCache) {
  return {
    'settings.get': (): MethodOutput<'settings.get'> => cache.current,

    'settings.update': ({ patch }: ParsedInput<'settings.update'>): MethodOutput<'settings.update'> => {
      const before = cache.current;
      // A default name the user never changed follows the chosen language ("IT-Koordination" / "IT coordination").
      const untouched = Object.values(defaultCoordinatorNames).includes(
        before.coordinatorName as (typeof defaultCoordinatorNames)[keyof typeof defaultCoordinatorNames],
      );
      if (patch.language && patch.language !== 'system' && patch.coordinatorName === undefined && untouched)
        patch = { ...patch, coordinatorName: defaultCoordinatorNames[patch.language] };
      const changed = Object.entries(patch).filter(
        ([key, value]) =>
          value !== undefined && JSON.stringify(before[key as keyof Settings]) !== JSON.stringify(value),
      );
      if (changed.length === 0) return before;
      const next = settingsSchema.parse({ ...before, ...Object.fromEntries(changed) });
      ctx.write(
        () => {
          for (const [key, value] of changed) writeSetting(ctx.db, key, value);
          appendEvent(ctx.db, {
            ticketId: null,
            at: ctx.now().toISOString(),
            actor: before.coordinatorName,
            kind: 'settings.updated',
            data: {
              changes: Object.fromEntries(
                changed.map(([key, value]) => [key, { before: before[key as keyof Settings], after: value }]),
              ),
            },
          });
        },
        () => [{ entity: 'settings', ids: [] }],
      );
      cache.current = next;
      return next;
    },
  };
}
