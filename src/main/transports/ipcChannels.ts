import type { ChangeEvent, ShellCommand } from '../../shared/contract';

export const INVOKE_CHANNEL = 'leitstand:invoke';
export const PUSH_CHANNEL = 'leitstand:push';

/** Menu commands the renderer carries out (the menu's accelerators take the keys before the page sees them). */
export type { ShellCommand };

export type PushMessage = { type: 'change'; change: ChangeEvent } | { type: 'command'; command: ShellCommand };
