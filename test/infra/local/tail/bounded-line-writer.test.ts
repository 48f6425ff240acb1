import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boundedLineWriter } from '../../../../infra/local/tail/bounded-line-writer.js';

/** A subscriber that reads nothing until `read()` is called, then everything. */
function stalledReader() {
  const lines: string[] = [];
  const pending: (() => void)[] = [];
  let reading = false;
  const out = new Writable({
    highWaterMark: 1_000,
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      if (reading) done();
      else pending.push(done);
    },
  });
  return {
    out,
    lines,
    read: () => {
      reading = true;
      for (const done of pending.splice(0)) done();
    },
  };
}

describe('boundedLineWriter', () => {
  it('drops lines past the bound for a reader that stopped reading, keeping its buffer bounded', () => {
    const reader = stalledReader();
    const write = boundedLineWriter(reader.out);
    const line = `${JSON.stringify({ type: 'event', pad: 'x'.repeat(80) })}\n`;
    for (let i = 0; i < 10_000; i++) write(line);
    expect(reader.out.writableLength).toBeLessThanOrEqual(1_000 + line.length);
  });

  it('tells the reader how many lines it missed once it catches up, then writes again', async () => {
    const reader = stalledReader();
    const write = boundedLineWriter(reader.out);
    const line = '{"type":"event"}\n';
    for (let i = 0; i < 500; i++) write(line);
    const kept = Math.ceil(1_000 / line.length);
    reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    write('{"type":"after"}\n');
    expect(reader.lines.filter((text) => text === line)).toHaveLength(kept);
    expect(reader.lines.slice(-2)).toEqual([
      `${JSON.stringify({ type: 'dropped', count: 500 - kept })}\n`,
      '{"type":"after"}\n',
    ]);
  });

  it('counts the records a dropped chunk carried, not the chunks', async () => {
    const reader = stalledReader();
    const write = boundedLineWriter(reader.out);
    const batch = `${'{"type":"event"}\n'.repeat(100)}`;
    write(batch, 100);
    write(batch, 100);
    write(batch, 100);
    reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reader.lines).toEqual([batch, `${JSON.stringify({ type: 'dropped', count: 200 })}\n`]);
  });
});
