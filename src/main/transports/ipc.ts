import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Language } from '../../shared/domain/enums';
import { AppError } from '../../shared/errors';
import { failure, type Dispatch, type DispatchFailure } from '../dispatcher';

/** What the renderer receives over IPC: the value itself (structured clone), not JSON text. */
export type IpcAnswer = { ok: true; value: unknown } | DispatchFailure;
import { INVOKE_CHANNEL } from './ipcChannels';

export type IpcBinding = {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  /** Whether a frame URL is the app's own renderer; anything else is refused. */
  isTrustedUrl: (url: string) => boolean;
  language: () => Language;
};

/** One channel for every method; the answer is the same `{ ok, value | error }` the HTTP host sends. */
export function bindIpc({ ipcMain, dispatch, isTrustedUrl, language }: IpcBinding): () => void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<IpcAnswer> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(frameUrl) || event.senderFrame?.parent) {
        return failure(new AppError('forbidden', 'forbidden_sender'), language());
      }
      if (typeof method !== 'string') {
        return failure(new AppError('unknown_method', 'unknown_method', { method: String(method) }), language());
      }
      const outcome = await dispatch(method, input, language());
      return outcome.ok ? { ok: true, value: JSON.parse(outcome.json) as unknown } : outcome;
    },
  );
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
