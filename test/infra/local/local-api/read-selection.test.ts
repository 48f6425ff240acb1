import { describe, expect, it } from 'vitest';
import { LocalApiError } from '../../../../infra/local/local-api/local-api-error.js';
import { readSelection } from '../../../../infra/local/local-api/read-selection.js';

describe('readSelection', () => {
  it('reads ids, or all with an optional target', () => {
    expect(readSelection('{"ids":[1,2]}')).toEqual({ ids: [1, 2] });
    expect(readSelection('{"all":true}')).toEqual({ all: true });
    expect(readSelection('{"all":true,"target":"arn:x"}')).toEqual({ all: true, targetArn: 'arn:x' });
  });

  it.each(['', '{}', '{"ids":["1"]}', '{"ids":[1],"all":true}', '{"all":false}', 'not json'])(
    'refuses %j with a 400 that says what to send',
    (body) => {
      expect(() => readSelection(body)).toThrow(LocalApiError);
    },
  );
});
