/** A keychain call that did not settle in time; the call itself may still be running natively. */
export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
  readonly limitMs: number;

  constructor(what: string, limitMs: number) {
    super(`${what} did not answer within ${limitMs} ms`);
    this.limitMs = limitMs;
  }
}

/**
 * Settles like `promise`, or rejects with `TimeLimitError` after `limitMs`. A Secret Service that is
 * registered on D-Bus but never answers blocks a native keytar call for D-Bus's own 25 s or longer;
 * this lets the app move on. The native call cannot be cancelled and keeps one libuv worker thread
 * busy until it returns, so callers use a limit only where giving up is the right answer. The timer
 * is unref'd so a pending limit never keeps the process alive.
 */
export function withTimeLimit<T>(promise: Promise<T>, limitMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeLimitError(what, limitMs)), limitMs);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
