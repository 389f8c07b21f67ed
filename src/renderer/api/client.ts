import type { ChangeEvent, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { ShellCommand, Transport } from './transport';

export class ApiError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

type ChangeListener = (change: ChangeEvent) => void;

/** The renderer's one door to the data: typed by the contract, whatever transport carries it. */
export function createClient(transport: Transport, language: () => string) {
  const changeListeners = new Set<ChangeListener>();
  const commandListeners = new Set<(command: ShellCommand) => void>();
  const resyncListeners = new Set<() => void>();
  const resync = () => resyncListeners.forEach((listener) => listener());
  transport.subscribe(
    (change) => changeListeners.forEach((listener) => listener(change)),
    (command) => commandListeners.forEach((listener) => listener(command)),
    resync,
  );
  return {
    kind: transport.kind,
    call: async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      let answer;
      try {
        answer = await transport.invoke(method, input, language());
      } catch (error) {
        throw new ApiError('offline', error instanceof Error ? error.message : String(error));
      }
      if (!answer.ok) throw new ApiError(answer.error.code, answer.error.message, answer.error.details);
      return answer.value as MethodOutput<M>;
    },
    onChange: (listener: ChangeListener) => {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
    /** After the push channel broke and came back: every view fetches again. */
    onResync: (listener: () => void) => {
      resyncListeners.add(listener);
      return () => void resyncListeners.delete(listener);
    },
    /** Every view fetches again (after the desk was reopened on a restored backup). */
    resync,
    onCommand: (listener: (command: ShellCommand) => void) => {
      commandListeners.add(listener);
      return () => void commandListeners.delete(listener);
    },
  };
}
export type Client = ReturnType<typeof createClient>;
