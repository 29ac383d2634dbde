/**
 * A value announced to whoever listens: runs finishing, progress, the network coming back. The
 * composition root connects services that were built without knowing of each other through
 * these, and a listener that throws must not keep the others (the tray, the window) from hearing.
 */
export interface Signal<T> {
  emit(value: T): void;
  /** Returns the function that stops listening. */
  subscribe(listener: (value: T) => void): () => void;
  /** Forgets every listener (on shutdown). */
  clear(): void;
}

export function createSignal<T>(onError: (error: unknown) => void): Signal<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          onError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear: () => listeners.clear(),
  };
}
