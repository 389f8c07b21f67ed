import { EventEmitter } from 'node:events';
import type { ChangeEvent } from '../../shared/contract';

/** Where committed changes are announced to the transports (SSE, IPC), whichever store produced them. */
export function changeHub() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (change: ChangeEvent) => emitter.emit('change', change),
    onChange: (listener: (change: ChangeEvent) => void) => {
      emitter.on('change', listener);
      return () => emitter.off('change', listener);
    },
  };
}
