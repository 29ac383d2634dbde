/**
 * Sleep, wake and the network coming and going, as callbacks for the scheduler: a sync due while
 * the computer slept should run on wake, and one that failed offline should retry once the
 * network is back. Electron's main process has power events but no online/offline event, so
 * `net.isOnline()` is polled; wake also triggers an immediate check, since the network a laptop
 * wakes up on is often not the one it slept on.
 */

/** The part of Electron's `powerMonitor` this needs. */
export interface PowerEvents {
  on(event: 'suspend', listener: () => void): unknown;
  on(event: 'resume', listener: () => void): unknown;
  removeListener(event: 'suspend', listener: () => void): unknown;
  removeListener(event: 'resume', listener: () => void): unknown;
}

/** The part of Electron's `net` this needs. */
export interface OnlineProbe {
  isOnline(): boolean;
}

export interface ConnectivityHandlers {
  readonly onSuspend: () => void;
  readonly onResume: () => void;
  readonly onOnline: () => void;
  readonly onOffline: () => void;
}

export const ONLINE_POLL_MS = 30_000;

export interface OnlineWatch {
  /** Probes now and reports a change, if any. */
  check(): void;
  /** The state last seen. */
  online(): boolean;
  stop(): void;
}

/**
 * Polls `probe` every `intervalMs` and reports changes only: the state at start is the baseline
 * (read it with `online()`), and a poll that finds the same state is silent. The timer does not
 * keep the process alive by itself.
 */
export function watchOnline(
  probe: OnlineProbe,
  onChange: (online: boolean) => void,
  intervalMs: number = ONLINE_POLL_MS,
): OnlineWatch {
  let last = probe.isOnline();
  const check = (): void => {
    const now = probe.isOnline();
    if (now === last) return;
    last = now;
    onChange(now);
  };
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return { check, online: () => last, stop: () => clearInterval(timer) };
}

/**
 * Forwards power and network events to `handlers` until the returned function is called. On wake
 * the network is checked before `onResume` runs, so a resumed scheduler already knows whether it
 * is online.
 */
export function watchConnectivity(
  power: PowerEvents,
  probe: OnlineProbe,
  handlers: ConnectivityHandlers,
  intervalMs: number = ONLINE_POLL_MS,
): { readonly online: () => boolean; readonly stop: () => void } {
  const network = watchOnline(
    probe,
    (online) => (online ? handlers.onOnline() : handlers.onOffline()),
    intervalMs,
  );
  const suspend = (): void => handlers.onSuspend();
  const resume = (): void => {
    network.check();
    handlers.onResume();
  };
  power.on('suspend', suspend);
  power.on('resume', resume);
  return {
    online: network.online,
    stop: () => {
      network.stop();
      power.removeListener('suspend', suspend);
      power.removeListener('resume', resume);
    },
  };
}
