import type { Writable } from 'node:stream';

/**
 * Writes lines to a subscriber without letting a reader that stopped reading grow the process's
 * memory: once the stream's buffer is full (`write` returns false, past its `highWaterMark`), lines
 * are dropped and the records they carry counted (`records`, one unless a chunk carries a batch),
 * and when the reader has caught up (`drain`) it is told `{"type":"dropped","count":n}` before the
 * next line (or what `notice` makes of the count, for another framing such as server-sent events).
 */
export function boundedLineWriter(
  out: Writable,
  notice: (count: number) => string = (count) => `${JSON.stringify({ type: 'dropped', count })}\n`,
): (line: string, records?: number) => void {
  let blocked = false;
  let dropped = 0;
  out.on('drain', () => {
    blocked = false;
    if (dropped === 0) return;
    const text = notice(dropped);
    dropped = 0;
    blocked = !out.write(text);
  });
  return (line, records = 1) => {
    if (out.destroyed) return;
    if (blocked) {
      dropped += records;
      return;
    }
    blocked = !out.write(line);
  };
}
