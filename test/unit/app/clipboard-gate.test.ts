import { describe, expect, it } from 'vitest';
import { createClipboardGate, GESTURE_MS } from '../../../main/desktop/ipc/clipboard-gate.ts';

const TOKEN = 'clip-gate-token-4b1e9a';

/** The gate on a clipboard in memory, with a clock and a window focus the test controls. */
function setup(text = '') {
  const state = { now: 1_000, focused: true, clears: 0 };
  const system = { text };
  const log: string[] = [];
  const gate = createClipboardGate({
    clipboard: {
      readText: () => system.text,
      writeText: (written) => {
        system.text = written;
      },
      clear: () => {
        system.text = '';
        state.clears += 1;
      },
    },
    now: () => state.now,
    windowFocused: () => state.focused,
    log: (line) => log.push(line),
  });
  const click = (): void => {
    gate.input({ type: 'mouseDown' });
    gate.input({ type: 'mouseUp' });
  };
  return { state, system, log, gate, click };
}

describe('the clipboard as the window may read it', () => {
  it('gives nothing without a click or key press in the window, whatever is on it', async () => {
    const { gate, log } = setup(TOKEN);
    expect(await gate.read()).toEqual({ ok: false, refused: 'no-gesture' });
    expect(log.join('\n')).not.toContain(TOKEN);
  });

  it('gives the token, trimmed, once per click, and only shortly after it', async () => {
    const { gate, click, state } = setup(`  ${TOKEN}\r\n`);
    click();
    expect(await gate.read()).toEqual({ ok: true, text: TOKEN });
    expect(await gate.read()).toEqual({ ok: false, refused: 'no-gesture' });

    click();
    state.now += GESTURE_MS + 1;
    expect(await gate.read()).toEqual({ ok: false, refused: 'no-gesture' });

    gate.input({ type: 'keyDown' });
    state.now += GESTURE_MS;
    expect(await gate.read()).toEqual({ ok: true, text: TOKEN });
  });

  it('does not count hovering, scrolling or a held-down key as a gesture', async () => {
    const { gate } = setup(TOKEN);
    for (const type of ['mouseMove', 'mouseEnter', 'mouseWheel', 'gestureScrollBegin', 'char']) {
      gate.input({ type });
    }
    gate.input({ type: 'keyDown', modifiers: ['isautorepeat'] });
    expect(await gate.read()).toEqual({ ok: false, refused: 'no-gesture' });
  });

  it('needs the window focused when the input comes and when the read does', async () => {
    const { gate, click, state } = setup(TOKEN);
    state.focused = false;
    click();
    state.focused = true;
    expect(await gate.read()).toEqual({ ok: false, refused: 'no-gesture' });
    click();
    state.focused = false;
    expect(await gate.read()).toEqual({ ok: false, refused: 'no-gesture' });
  });

  it.each([
    ['a sentence', 'meet me at 5, the door code is 4471'],
    ['a password with a space', 'correct horse battery'],
    ['an empty clipboard', ''],
    ['a document', 't'.repeat(5000)],
    ['Persian text', 'سلام دنیا'],
  ])('answers "no token" for %s even after a click, never the text', async (_name, text) => {
    const { gate, click } = setup(text);
    click();
    expect(await gate.read()).toEqual({ ok: false, refused: 'no-token' });
  });
});

describe('after a token is saved', () => {
  it('clears the clipboard when it still holds exactly that token', async () => {
    const { gate, system, state, log } = setup(`${TOKEN}\n`);
    await gate.tokenSaved(` ${TOKEN} `);
    expect(system.text).toBe('');
    expect(state.clears).toBe(1);
    expect(log.join('\n')).not.toContain(TOKEN);
  });

  it('leaves whatever else the user copied since', async () => {
    const { gate, system, state } = setup(`${TOKEN}-other`);
    await gate.tokenSaved(TOKEN);
    expect(system.text).toBe(`${TOKEN}-other`);
    expect(state.clears).toBe(0);
  });

  it('keeps the save when the clipboard cannot be read', async () => {
    const log: string[] = [];
    const gate = createClipboardGate({
      clipboard: {
        readText: () => Promise.reject(new Error(`no clipboard ${TOKEN}`)),
        writeText: () => undefined,
        clear: () => undefined,
      },
      now: () => 0,
      windowFocused: () => true,
      log: (line) => log.push(line),
    });
    await expect(gate.tokenSaved(TOKEN)).resolves.toBeUndefined();
    expect(log).toHaveLength(1);
    expect(log.join('\n')).not.toContain(TOKEN);
  });
});
