import type { CompiledPattern } from '../compiled-pattern.js';
import { MalformedEventError } from '../errors.js';

/**
 * Event arrays nested deeper than this along a path a pattern names are refused: PutEvents
 * documents at most 1000 levels of nesting for `Detail`, and the bound keeps matching cost linear.
 */
export const MAX_ARRAY_NESTING = 1000;

/** A leaf value of an event: JSON scalars only; objects and arrays are walked, never matched. */
export type LeafValue = string | number | boolean | null;

/**
 * Which element of which event array a leaf sits in, innermost first. aws/event-ruler records
 * this only for objects and arrays that are array elements: scalars directly in an array carry
 * their enclosing elements' positions, not their own (`Event.traverseArray`). A persistent list,
 * so entering an element costs O(1) however deep the nesting.
 */
export interface ArrayPosition {
  readonly array: number;
  readonly index: number;
  readonly outer: ArrayPosition | undefined;
  /** 1 for an element of an outermost array. */
  readonly depth: number;
  /** The outermost array's position on this chain: two chains share an array only if they share this. */
  readonly root: number;
  /** Unique per node, for memo keys. */
  readonly id: number;
}

export interface EventLeaf {
  readonly value: LeafValue;
  readonly position: ArrayPosition | undefined;
}

/** Leaves found at each path the pattern names (dot-joined keys, so dotted keys equal nesting). */
export type FlatEvent = ReadonlyMap<string, readonly EventLeaf[]>;

interface Visit {
  readonly node: unknown;
  readonly path: string;
  readonly position: ArrayPosition | undefined;
}

/**
 * Flattens an event object into the leaves at the pattern's paths. Like Ruler, it never walks a
 * subtree no pattern path runs through, so the work is bounded by the event's size and path
 * strings never outgrow the pattern's; it keeps an explicit stack, so depth cannot overflow.
 */
export function flattenEvent(event: object, pattern: CompiledPattern): FlatEvent {
  const { paths, prefixes } = patternPaths(pattern);
  const leaves = new Map<string, EventLeaf[]>();
  let arrays = 0;
  let nodes = 0;
  const stack: Visit[] = [{ node: event, path: '', position: undefined }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { node, path, position } = visit;
    if (Array.isArray(node)) {
      const array = arrays++;
      for (let index = node.length - 1; index >= 0; index--) {
        const element: unknown = node[index];
        const nested = typeof element === 'object' && element !== null;
        stack.push({
          node: element,
          path,
          position: nested ? enter(array, index, position, nodes++) : position,
        });
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node).reverse()) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (prefixes.has(childPath)) stack.push({ node: child, path: childPath, position });
      }
    } else if (paths.has(path) && isLeafValue(node)) {
      const list = leaves.get(path) ?? [];
      list.push({ value: node, position });
      leaves.set(path, list);
    }
  }
  return leaves;
}

function enter(array: number, index: number, outer: ArrayPosition | undefined, id: number): ArrayPosition {
  const depth = (outer?.depth ?? 0) + 1;
  if (depth > MAX_ARRAY_NESTING) {
    throw new MalformedEventError(`arrays are nested more than ${MAX_ARRAY_NESTING} levels deep`);
  }
  return { array, index, outer, depth, root: outer?.root ?? array, id };
}

function isLeafValue(node: unknown): node is LeafValue {
  return node === null || typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean';
}

/** Every path the pattern names, and every dot-boundary prefix of one. */
function patternPaths(pattern: CompiledPattern): { paths: Set<string>; prefixes: Set<string> } {
  const paths = new Set<string>();
  const prefixes = new Set<string>();
  for (const branch of pattern.branches) {
    for (const { path } of branch) {
      paths.add(path);
      for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1))
        prefixes.add(path.slice(0, dot));
      prefixes.add(path);
    }
  }
  return { paths, prefixes };
}
