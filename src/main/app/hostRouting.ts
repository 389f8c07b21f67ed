import type { StoreClient } from './client';
import { isHostMethod, type HostHandlers } from './hostMethods';

/**
 * The client the dispatcher talks to: host methods (backups) answered by their service in main, every other
 * method by the store. One dispatcher still validates every call on the way in.
 */
export function withHostMethods(store: StoreClient, handlers: HostHandlers): StoreClient {
  const callHost = (method: string, input: unknown) =>
    (handlers[method as keyof HostHandlers] as (input: unknown) => Promise<unknown>)(input);
  return {
    ...store,
    call: (async (method: string, input: unknown) =>
      isHostMethod(method)
        ? callHost(method, input)
        : store.call(method as never, input as never)) as StoreClient['call'],
    callJson: (async (method: string, input: unknown) =>
      isHostMethod(method)
        ? JSON.stringify(await callHost(method, input))
        : store.callJson(method as never, input as never)) as StoreClient['callJson'],
  };
}
