/**
 * The secrets the log must remove, known only while something holds them. The log's redaction
 * hook is synchronous and runs for every line, but the token lives in the keychain behind an
 * asynchronous read; keeping a copy around just for the log would defeat the token service's
 * "never cached". So whoever reads the token for a request registers it here for as long as the
 * request runs, and the log redacts exactly what could appear in its lines at that moment.
 */
export interface SecretsInUse {
  /** Registers `secret` until the returned function is called (calling it twice is harmless). */
  hold(secret: string): () => void;
  /** Every secret held right now: the log's `secrets` provider. */
  current(): readonly string[];
}

export function createSecretsInUse(): SecretsInUse {
  const held = new Map<string, number>();
  return {
    hold(secret) {
      if (secret === '') return () => undefined;
      held.set(secret, (held.get(secret) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (held.get(secret) ?? 1) - 1;
        if (left <= 0) held.delete(secret);
        else held.set(secret, left);
      };
    },
    current: () => [...held.keys()],
  };
}
