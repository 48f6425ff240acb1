import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  renderTemplate,
  type TemplateValue,
} from '../../../../../infra/local/events/input-shaping/input-template.js';

const values: Record<string, TemplateValue> = {
  name: { json: '"say \\"hi\\"\\n"', text: 'say "hi"\n' },
  count: { json: '42', text: '42' },
  list: { json: '[1,"a"]', text: '[1,"a"]' },
};
const render = (template: string) => renderTemplate(compileTemplate(template), (name) => values[name]);

describe('compileTemplate', () => {
  it('treats a template starting with a curly brace as JSON and marks quoted placeholders', () => {
    const template = compileTemplate(' {"a": <name>, "b": "x <count>"}');
    expect(template.json).toBe(true);
    expect(template.parts.filter((part) => part.kind === 'variable')).toEqual([
      { kind: 'variable', name: 'name', quoted: false },
      { kind: 'variable', name: 'count', quoted: true },
    ]);
    expect(template.variables).toEqual(['name', 'count']);
  });

  it('keeps escaped quotes inside JSON strings from ending them', () => {
    const template = compileTemplate('{"a": "\\"<count>\\"", "b": <count>}');
    expect(template.parts.filter((part) => part.kind === 'variable').map((part) => part.quoted)).toEqual([
      true,
      false,
    ]);
  });

  it('reads placeholder names with dots (reserved variables) and ignores a lone <', () => {
    expect(compileTemplate('"a < b <aws.events.rule-name>"').variables).toEqual(['aws.events.rule-name']);
  });
});

describe('renderTemplate', () => {
  it('puts a quoted variable in a JSON template as its escaped string form', () => {
    expect(render('{"a": "<name>!"}')).toBe('{"a":"say \\"hi\\"\\n!"}');
    expect(JSON.parse(render('{"a": "<name>!"}'))).toEqual({ a: 'say "hi"\n!' });
    expect(render('{"a": "n=<count> l=<list>"}')).toBe('{"a":"n=42 l=[1,\\"a\\"]"}');
  });

  it('puts an unquoted variable in a JSON template as its JSON value', () => {
    expect(render('{ "a" : <name>, "b": <count>, "c": <list> }')).toBe(
      '{"a":"say \\"hi\\"\\n","b":42,"c":[1,"a"]}',
    );
  });

  it('puts values in a plain-string template unescaped', () => {
    expect(render('"<name>" and <count>')).toBe('"say "hi"\n" and 42');
  });

  it('minifies a JSON template outside strings only', () => {
    expect(render('{\n  "a b" : [ 1 ,\t2 ]\n}')).toBe('{"a b":[1,2]}');
  });

  it('leaves nothing for a missing variable in a string, and null unquoted in JSON', () => {
    expect(render('"x<missing>y"')).toBe('"xy"');
    expect(render('{"a": "x<missing>y", "b": <missing>}')).toBe('{"a":"xy","b":null}');
  });
});
