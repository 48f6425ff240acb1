import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { wantsHtml } from '../../../../infra/local/dashboard/wants-html.js';

const request = (accept?: string) => ({ headers: accept === undefined ? {} : { accept } }) as IncomingMessage;

describe('wantsHtml', () => {
  it("is true for a browser's navigation Accept", () => {
    expect(wantsHtml(request('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'))).toBe(true);
  });

  it('is false without an Accept, for */* and for JSON', () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/x-amz-json-1.1'])
      expect(wantsHtml(request(accept)), String(accept)).toBe(false);
  });

  it('is false when text/html is refused with q=0', () => {
    expect(wantsHtml(request('application/json, text/html;q=0'))).toBe(false);
  });
});
