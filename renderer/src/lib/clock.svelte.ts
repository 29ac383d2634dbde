/** The current time as state, advanced once a minute: relative times change at most that often. */
export class Clock {
  nowMs = $state(Date.now());
  #timer: ReturnType<typeof setInterval> | undefined;

  start(): void {
    this.#timer = setInterval(() => (this.nowMs = Date.now()), 30_000);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
