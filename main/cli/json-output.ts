import type { Writable } from 'node:stream';

/**
 * Writes text to a stream and waits when its buffer is full, so printing a million items to a pipe
 * neither builds one giant string nor loses output when the process exits.
 */
export async function writeAll(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/** Prints `head` (a JSON object) with an array property streamed in batches before its closing brace. */
export async function writeObjectWithArray<T>(
  stream: Writable,
  head: Record<string, unknown>,
  arrayName: string,
  items: readonly T[],
  toJson: (item: T) => unknown,
): Promise<void> {
  const opening = JSON.stringify(head).slice(0, -1);
  await writeAll(
    stream,
    `${opening}${opening.endsWith('{') ? '' : ','}${JSON.stringify(arrayName)}:[`,
  );
  const batchSize = 10_000;
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items.slice(start, start + batchSize).map((item) => JSON.stringify(toJson(item)));
    await writeAll(stream, (start === 0 ? '' : ',') + batch.join(','));
  }
  await writeAll(stream, ']}\n');
}
