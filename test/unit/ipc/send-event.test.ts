import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS } from '../../../common/ipc/contract.ts';
import { sendEvent } from '../../../main/desktop/ipc/send-event.ts';
import { FakeWebContents } from '../shell/fake-electron.ts';
import { samplePayloads } from './samples.ts';

describe('sendEvent', () => {
  it.each(EVENT_CHANNELS)('sends %s with its payload as the only argument', (channel) => {
    const contents = new FakeWebContents();
    expect(sendEvent(contents, channel, samplePayloads[channel])).toBe(true);
    expect(contents.sent).toEqual([{ channel, args: [samplePayloads[channel]] }]);
  });

  it('skips a window that is closed or gone', () => {
    const contents = new FakeWebContents();
    contents.destroyed = true;
    expect(sendEvent(contents, 'updates.changed', { runId: 'r' })).toBe(false);
    expect(sendEvent(null, 'updates.changed', { runId: 'r' })).toBe(false);
    expect(contents.sent).toEqual([]);
  });

  it('logs a payload that cannot be sent instead of throwing into the caller', () => {
    const lines: string[] = [];
    const contents = new FakeWebContents();
    const payload = { runId: 'r', extra: () => 1 } as unknown as { runId: string };
    expect(sendEvent(contents, 'updates.changed', payload, (line) => lines.push(line))).toBe(false);
    expect(lines.join('\n')).toContain('could not send updates.changed');
  });
});
