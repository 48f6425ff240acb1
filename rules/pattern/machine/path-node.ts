import { isWrittenAsIs, QUOTE } from './json-chars.js';
import { runEnd, unreadMembersRun } from './skip-flat-runs.js';
import { ValueIndex } from './value-index.js';

/** Above this many children a node looks keys up in a hash map instead of comparing them in turn. */
const LINEAR_LOOKUP_LIMIT = 8;

/**
 * One key of the paths the rules mention, in a trie from the event's root. The event reader
 * descends only through keys found here and skips every other subtree unread.
 *
 * A key holding dots is the same as the keys nested (EventBridge flattens both to one dot-joined
 * path, aws-behaviour.md §3.1), so a dotted key is looked up one segment at a time.
 */
export class PathNode {
  private readonly keys: string[] = [];
  private readonly nodes: PathNode[] = [];
  private readonly byKey = new Map<string, PathNode>();
  /** Children whose keys JSON writes as they are (no quote, backslash or control character). */
  private readonly plainKeys: string[] = [];
  private readonly plainNodes: PathNode[] = [];
  /** The value matchers of conditions on exactly this path, if any. */
  values: ValueIndex | undefined;
  /** Index of this path among the paths some `exists: false` condition names, or -1. */
  absenceId = -1;
  /** Skips runs of members no rule reads; built on first use, null when the node has too many keys. */
  private unreadRun: RegExp | null | undefined;

  /** True when leaves at this path matter to some rule. */
  get isTarget(): boolean {
    return this.values !== undefined || this.absenceId >= 0;
  }

  /** True when {@link plainChildAt} probes every key a plain event key could name. */
  get probesKeysInPlace(): boolean {
    return this.keys.length <= LINEAR_LOOKUP_LIMIT;
  }

  get hasChildren(): boolean {
    return this.nodes.length > 0;
  }

  /** The node of a dot-joined path below this one, created as needed. */
  ensurePath(path: string): PathNode {
    let node: PathNode = this;
    for (const segment of path.split('.')) {
      let child = node.byKey.get(segment);
      if (child === undefined) {
        child = new PathNode();
        node.byKey.set(segment, child);
        node.unreadRun = undefined;
        node.keys.push(segment);
        node.nodes.push(child);
        if (isWrittenAsIs(segment)) {
          node.plainKeys.push(segment);
          node.plainNodes.push(child);
        }
        // With many children, probing each key in place costs more than one hash lookup.
        if (node.keys.length > LINEAR_LOOKUP_LIMIT) node.plainKeys.length = 0;
      }
      node = child;
    }
    return node;
  }

  /** The value index of this path, created as needed. */
  ensureValues(): ValueIndex {
    this.values ??= new ValueIndex();
    return this.values;
  }

  /** The child reached by a decoded key, which may hold dots. */
  descend(key: string): PathNode | undefined {
    const direct = this.byKey.get(key);
    if (direct !== undefined || !key.includes('.')) return direct;
    let node: PathNode | undefined = this;
    for (const segment of key.split('.')) {
      node = node.byKey.get(segment);
      if (node === undefined) return undefined;
    }
    return node;
  }

  /**
   * From the key at `p`, the position after the run of members there whose keys name no child,
   * with their values (only scalars and containers of scalars, one level below this node's object)
   * and whitespace; -1 when the member at `p` is not such a one.
   */
  skipUnreadMembers(text: string, p: number): number {
    if (this.unreadRun === undefined) this.unreadRun = unreadMembersRun(this.keys) ?? null;
    return this.unreadRun === null ? -1 : runEnd(this.unreadRun, text, p);
  }

  /**
   * The child whose key is written, without escapes, at `start` in `text` and followed by the
   * closing quote; undefined when no child is, so the caller reads the key in full.
   */
  plainChildAt(text: string, start: number): PathNode | undefined {
    const keys = this.plainKeys;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      if (text.charCodeAt(start + key.length) === QUOTE && sameText(key, text, start))
        return this.plainNodes[k];
    }
    return undefined;
  }

  /**
   * The child named by `text[start, end)`, a key without escapes or dots, compared in place so
   * that reading an event allocates no string for the keys of small objects.
   */
  childAt(text: string, start: number, end: number): PathNode | undefined {
    const keys = this.keys;
    if (keys.length > LINEAR_LOOKUP_LIMIT) return this.byKey.get(text.slice(start, end));
    const length = end - start;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      if (key.length === length && sameText(key, text, start)) return this.nodes[k];
    }
    return undefined;
  }
}

function sameText(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}
