import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boundedLineWriter } from '../../../../infra/local/tail/bounded-line-writer.js';

describe('boundedLineWriter with a server-sent-events notice', () => {
  it('drops lines while the reader is behind and then tells it how many, in its framing', async () => {
    const out = new PassThrough({ highWaterMark: 8 });
    const write = boundedLineWriter(out, (count) => `event: dropped\ndata: {"count":${count}}\n\n`);
    write('data: {"n":1}\n\n');
    write('data: {"n":2}\n\n');
    write('data: {"n":3}\n\n');
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks.join('')).toBe('data: {"n":1}\n\nevent: dropped\ndata: {"count":2}\n\n');
  });
});
