/**
 * The clock every App test runs on: `Date` and the minute ticker fixed at `NOW` (the fake api's
 * times are relative to it), a fresh page after each test, and no theme remembered between tests.
 */
import { cleanup } from '@testing-library/svelte';
import { afterEach, beforeEach, vi } from 'vitest';
import { NOW } from './fake-api.ts';

export function useFixedClockPerTest(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear();
  });
}
