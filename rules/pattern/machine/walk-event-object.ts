import { MalformedEventError } from '../errors.js';
import { type ArrayPosition, elementPosition } from './array-position.js';
import type { EventLimits, LeafSink } from './leaf-sink.js';
import type { PathNode } from './path-node.js';

interface Walk {
  readonly sink: LeafSink;
  readonly maxDepth: number;
  arrays: number;
}

/**
 * Hands `sink` the leaves of an already parsed event found at the paths of `root`'s trie, in the
 * same way as {@link scanEventText} reads text. Values JSON cannot hold (`undefined`, functions)
 * are ignored; `limits.maxDepth` also stops cyclic objects.
 *
 * @throws MalformedEventError when the event is not a plain object or is nested too deeply.
 */
export function walkEventObject(event: unknown, root: PathNode, sink: LeafSink, limits: EventLimits): void {
  if (!isObject(event)) throw new MalformedEventError('not an object');
  walkObject({ sink, maxDepth: limits.maxDepth, arrays: 0 }, event, root, null, 1);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walkObject(
  walk: Walk,
  object: Record<string, unknown>,
  node: PathNode,
  position: ArrayPosition | null,
  depth: number,
): void {
  if (depth > walk.maxDepth) throw new MalformedEventError('nested too deeply');
  for (const key of Object.keys(object)) {
    const child = node.descend(key);
    if (child !== undefined) walkValue(walk, object[key], child, position, depth);
  }
}

function walkValue(
  walk: Walk,
  value: unknown,
  node: PathNode,
  position: ArrayPosition | null,
  depth: number,
): void {
  if (Array.isArray(value)) {
    if (depth + 1 > walk.maxDepth) throw new MalformedEventError('nested too deeply');
    const arrayId = walk.arrays++;
    value.forEach((element: unknown, index) => {
      const inElement = typeof element === 'object' && element !== null;
      walkValue(
        walk,
        element,
        node,
        inElement ? elementPosition(arrayId, index, position) : position,
        depth + 1,
      );
    });
  } else if (isObject(value)) {
    if (node.hasChildren) walkObject(walk, value, node, position, depth + 1);
  } else if (node.isTarget) {
    if (typeof value === 'string') walk.sink.string(node, value, position);
    else if (typeof value === 'number') walk.sink.number(node, value, position);
    else if (typeof value === 'boolean' || value === null) walk.sink.literal(node, value, position);
  }
}
