import { describe, expect, it } from 'vitest';
import { LocalApiError } from '../../../../infra/local/local-api/local-api-error.js';
import { readVerifyRequest } from '../../../../infra/local/local-api/read-verify-request.js';

describe('readVerifyRequest', () => {
  it('reads an empty body as every delivered event, without fixing', () => {
    expect(readVerifyRequest('')).toEqual({ selection: {}, fix: false });
  });

  it('reads the window and fix', () => {
    expect(readVerifyRequest('{"from":1,"to":2,"fix":true}')).toEqual({
      selection: { from: 1, to: 2 },
      fix: true,
    });
  });

  it.each(['{"from":"yesterday"}', '{"to":1.5}', '{"fix":"yes"}', 'not json'])(
    'refuses %s with a 400',
    (text) => {
      let caught: unknown;
      try {
        readVerifyRequest(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(LocalApiError);
      expect((caught as LocalApiError).status).toBe(400);
    },
  );
});
