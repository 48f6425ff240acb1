import type { ArrayPosition } from './array-position.js';
import type { PathNode } from './path-node.js';

/** Receives the leaves an event reader finds at the paths the rules mention. */
export interface LeafSink {
  string(node: PathNode, value: string, position: ArrayPosition | null): void;
  number(node: PathNode, value: number, position: ArrayPosition | null): void;
  literal(node: PathNode, value: boolean | null, position: ArrayPosition | null): void;
}

/** Bounds on the events a reader accepts, so that no input can exhaust the stack or memory. */
export interface EventLimits {
  /** Most nested objects and arrays; PutEvents allows 1000 levels inside `detail`. */
  readonly maxDepth: number;
  /** Most characters of event text. */
  readonly maxLength: number;
}

export const DEFAULT_EVENT_LIMITS: EventLimits = { maxDepth: 1001, maxLength: 4 * 1024 * 1024 };
