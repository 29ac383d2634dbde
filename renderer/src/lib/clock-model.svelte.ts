/** The current time as state, advanced once a minute: relative times change at most that often. */
export class ClockModel {
  #nowMs = $state(Date.now());
  #timer: ReturnType<typeof setInterval> | undefined;

  get nowMs(): number {
    return this.#nowMs;
  }

  start(): void {
    this.#timer = setInterval(() => (this.#nowMs = Date.now()), 30_000);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
