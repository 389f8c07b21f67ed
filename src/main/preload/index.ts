import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL, PUSH_CHANNEL, type PushMessage } from '../transports/ipcChannels';

// Only two things cross into the page: calling a method, and hearing what main pushes.
contextBridge.exposeInMainWorld('leitstand', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  subscribe: (listener: (message: PushMessage) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, message: PushMessage) => listener(message);
    ipcRenderer.on(PUSH_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNEL, handler);
    };
  },
});
