import { describe, expect, it } from 'vitest';
import type { ArrayPosition } from '../../../../rules/pattern/machine/array-position.js';
import { DEFAULT_EVENT_LIMITS, type LeafSink } from '../../../../rules/pattern/machine/leaf-sink.js';
import { PathNode } from '../../../../rules/pattern/machine/path-node.js';
import { scanEventText } from '../../../../rules/pattern/machine/scan-event-text.js';

/** The leaves the reader reports for `paths`, as `path=value@positions`. */
function leaves(text: string, paths: string[]): string[] {
  const root = new PathNode();
  const names = new Map<PathNode, string>();
  for (const path of paths) {
    const node = root.ensurePath(path);
    node.ensureValues();
    names.set(node, path);
  }
  const seen: string[] = [];
  const record = (node: PathNode, value: unknown, position: ArrayPosition | null) => {
    const at: string[] = [];
    for (let p = position; p !== null; p = p.parent) at.unshift(`${p.arrayId}[${p.index}]`);
    seen.push(`${names.get(node)}=${JSON.stringify(value)}@${at.join('')}`);
  };
  const sink: LeafSink = { string: record, number: record, literal: record };
  scanEventText(text, root, sink, DEFAULT_EVENT_LIMITS);
  return seen;
}

describe('scanEventText', () => {
  it('reports the leaves at rule paths only, decoded', () => {
    const text = '{"skip":{"a":"no"},"a":{"b":"x\\u0079","c":[1,true,null]},"z":-1.5e1}';
    expect(leaves(text, ['a.b', 'a.c', 'z'])).toEqual([
      'a.b="xy"@',
      'a.c=1@',
      'a.c=true@',
      'a.c=null@',
      'z=-15@',
    ]);
  });

  it('reads dotted and escaped keys as the nested path they name', () => {
    expect(leaves('{"a.b":1,"a":{"\\u0062":2}}', ['a.b'])).toEqual(['a.b=1@', 'a.b=2@']);
  });

  it('records the element of each array of objects a leaf sits in, and none for scalar elements', () => {
    const text = '{"a":[{"b":[1,{"c":2}]},{"b":3}]}';
    expect(leaves(text, ['a.b', 'a.b.c'])).toEqual(['a.b=1@0[0]', 'a.b.c=2@0[0]1[1]', 'a.b=3@0[1]']);
  });

  it('reports both values of a key given twice, as event-ruler reads them', () => {
    expect(leaves('{"a":1,"a":2}', ['a'])).toEqual(['a=1@', 'a=2@']);
  });

  it('reads the members among runs of unread ones: spaced, dotted, escaped and nested-path keys', () => {
    const text =
      '{"x":1,"ab":[1,2],"a" : 1,"y":{"z":"a"},"a.b":2,"\\u0061":3,"abc":4,"b":{"c":[5]},"q":null,"b.c":6}';
    expect(leaves(text, ['a', 'b.c'])).toEqual(['a=1@', 'a=3@', 'b.c=5@', 'b.c=6@']);
  });

  it.each([
    ['{"x":1,"y":01,"a":1}', "expected ',' or '}' at position 12"],
    ['{"x":1,"y":[1,],"a":1}', 'unexpected character at position 14'],
    ['{"x":1 "a":1}', "expected ',' or '}' at position 7"],
    ['{"x":1,}', 'expected a key at position 7'],
    ['{"x":{"y":1.e5},"a":1}', 'expected a digit at position 12'],
  ])('refuses malformed unread members %s at the first bad character: %s', (text, message) => {
    expect(() => leaves(text, ['a'])).toThrow(`Event is not valid JSON object text: ${message}`);
  });
});
