/**
 * An `IpcTransport` without Electron: calls go to a FakeIpcMain as if sent by the app's window
 * (structured-cloned, as over real IPC), events are pushed by the test with `emit`.
 */
import type { EventChannel } from '../../../common/ipc/contract.ts';
import type { IpcTransport } from '../../../main/preload/api-factory.ts';
import type { FakeInvokeEvent, FakeIpcMain } from './fake-ipc.ts';

export interface MemoryTransport extends IpcTransport {
  emit(channel: EventChannel, payload: unknown): void;
  listenerCount(channel: EventChannel): number;
}

export function memoryTransport(ipcMain: FakeIpcMain, event: FakeInvokeEvent): MemoryTransport {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  return {
    invoke: (channel, args) => ipcMain.invoke(event, channel, args),
    subscribe(channel, listener) {
      // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
      const entry = (payload: unknown): void => listener(payload);
      const set = listeners.get(channel) ?? new Set();
      set.add(entry);
      listeners.set(channel, set);
      return () => set.delete(entry);
    },
    emit(channel, payload) {
      for (const listener of [...(listeners.get(channel) ?? [])])
        listener(structuredClone(payload));
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
}
