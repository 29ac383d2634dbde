/**
 * A child's stderr as whole lines. A pipe hands over chunks cut wherever the OS's buffer ended,
 * so a token written by the sync process can arrive in two halves; logged chunk by chunk, neither
 * half is the token and the redaction cannot see it. Lines are given only once complete (or when
 * the stream ends), and the returned promise settles once the last one was given, so whoever
 * waits for it knows the process can log nothing more.
 */
import { StringDecoder } from 'node:string_decoder';

/**
 * A line longer than this is given in parts, cut at its last blank: a token has no blanks
 * (`checkToken`), so the cut never falls inside one. Without a blank it keeps growing, up to
 * HARD_LIMIT, which only a process writing megabytes of one word would reach.
 */
const SOFT_LIMIT = 64 * 1024;
const HARD_LIMIT = 1024 * 1024;

export function stderrLines(
  stream: NodeJS.ReadableStream | null | undefined,
  onLine: (line: string) => void,
): Promise<void> {
  if (stream === null || stream === undefined) return Promise.resolve();
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const give = (line: string): void => {
    if (line.trim() !== '') onLine(line.trimEnd());
  };
  const take = (text: string): void => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) give(line);
    if (pending.length > SOFT_LIMIT) {
      const cut = pending.search(/\s\S*$/);
      if (cut > 0 || pending.length > HARD_LIMIT) {
        const at = cut > 0 ? cut : pending.length;
        give(pending.slice(0, at));
        pending = pending.slice(at);
      }
    }
  };
  return new Promise((resolve) => {
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      take(decoder.end());
      give(pending);
      pending = '';
      resolve();
    };
    stream.on('data', (chunk: Buffer | string) =>
      take(typeof chunk === 'string' ? chunk : decoder.write(chunk)),
    );
    stream.on('end', end);
    stream.on('close', end);
    stream.on('error', end);
  });
}

/** How long after its exit a process's stderr may take to close before its exit is reported. */
const DRAIN_MS = 2000;

/**
 * Calls `listener` once `drained` settled: the exit of a process is reported only after its last
 * stderr line was logged, so the secret it held stays registered for that line. Bounded, since a
 * grandchild could keep the pipe open forever.
 */
export function afterDrained(drained: Promise<void>, listener: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, DRAIN_MS);
  });
  void Promise.race([drained, bound]).then(() => {
    clearTimeout(timer);
    listener();
  });
}
