import type { Writable } from 'node:stream';

/**
 * Writes lines to a subscriber without letting a reader that stopped reading grow the process's
 * memory: once the stream's buffer is full (`write` returns false, past its `highWaterMark`), lines
 * are dropped and counted, and when the reader has caught up (`drain`) it is told
 * `{"type":"dropped","count":n}` before the next line.
 */
export function boundedLineWriter(out: Writable): (line: string) => void {
  let blocked = false;
  let dropped = 0;
  out.on('drain', () => {
    blocked = false;
    if (dropped === 0) return;
    const notice = `${JSON.stringify({ type: 'dropped', count: dropped })}\n`;
    dropped = 0;
    blocked = !out.write(notice);
  });
  return (line) => {
    if (out.destroyed) return;
    if (blocked) {
      dropped++;
      return;
    }
    blocked = !out.write(line);
  };
}
