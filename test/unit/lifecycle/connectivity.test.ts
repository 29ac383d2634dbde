import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ONLINE_POLL_MS,
  watchConnectivity,
  watchOnline,
} from '../../../main/desktop/lifecycle/connectivity.ts';
import { FakeNet, FakePowerMonitor } from '../shell/fake-electron-lifecycle.ts';

let net: FakeNet;
let power: FakePowerMonitor;
let events: string[];
const handlers = {
  onSuspend: () => events.push('suspend'),
  onResume: () => events.push('resume'),
  onOnline: () => events.push('online'),
  onOffline: () => events.push('offline'),
};

beforeEach(() => {
  vi.useFakeTimers();
  net = new FakeNet();
  power = new FakePowerMonitor();
  events = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchOnline', () => {
  it('polls every 30 seconds and reports changes only', () => {
    const changes: boolean[] = [];
    const watch = watchOnline(net, (online) => changes.push(online));
    expect(watch.online()).toBe(true);

    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(changes).toEqual([]);

    net.online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS - 1);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual([false]);
    expect(watch.online()).toBe(false);

    vi.advanceTimersByTime(ONLINE_POLL_MS * 2);
    net.online = true;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(changes).toEqual([false, true]);
    watch.stop();
  });

  it('takes the state at start as the baseline, offline included', () => {
    net.online = false;
    const changes: boolean[] = [];
    const watch = watchOnline(net, (online) => changes.push(online));
    vi.advanceTimersByTime(ONLINE_POLL_MS * 2);
    expect(changes).toEqual([]);
    expect(watch.online()).toBe(false);
    watch.stop();
  });

  it('stops polling when stopped', () => {
    const changes: boolean[] = [];
    watchOnline(net, (online) => changes.push(online)).stop();
    net.online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS * 5);
    expect(changes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('watchConnectivity', () => {
  it('forwards sleep and wake, checking the network on wake before reporting it', () => {
    const watch = watchConnectivity(power, net, handlers);
    power.emit('suspend');
    net.online = false;
    power.emit('resume');
    expect(events).toEqual(['suspend', 'offline', 'resume']);
    expect(watch.online()).toBe(false);
    watch.stop();
  });

  it('forwards the network coming back from polling', () => {
    net.online = false;
    const watch = watchConnectivity(power, net, handlers);
    net.online = true;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(events).toEqual(['online']);
    watch.stop();
  });

  it('stops listening and polling when stopped', () => {
    watchConnectivity(power, net, handlers).stop();
    expect(power.listenerCount('suspend') + power.listenerCount('resume')).toBe(0);
    net.online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS * 2);
    power.emit('resume');
    expect(events).toEqual([]);
  });
});
