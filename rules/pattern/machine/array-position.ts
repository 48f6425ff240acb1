/**
 * Where a leaf sits among the event's arrays: the innermost array element (an object or array
 * element) that contains it, linked to the enclosing ones. `null` means "in no array element".
 *
 * aws/event-ruler (`ArrayMembership`) records, for each leaf, the index of the element it comes
 * from in every enclosing array whose element is an object or an array; scalar elements record
 * nothing. Two leaves may be used together by one rule only if they agree on every array they
 * share — that is what makes matching "array-consistent".
 */
export interface ArrayPosition {
  readonly arrayId: number;
  readonly index: number;
  readonly parent: ArrayPosition | null;
  /** The outermost array on this chain: two leaves can clash only if they share it. */
  readonly root: number;
}

/** The position of an element of array `arrayId` inside `parent`. */
export function elementPosition(arrayId: number, index: number, parent: ArrayPosition | null): ArrayPosition {
  return { arrayId, index, parent, root: parent === null ? arrayId : parent.root };
}

/**
 * True when two leaves come from the same element of every array they both sit in. The innermost
 * shared array decides: the same element there means the same element in every enclosing array.
 */
export function areConsistent(a: ArrayPosition | null, b: ArrayPosition | null): boolean {
  if (a === null || b === null || a.root !== b.root) return true;
  for (let x: ArrayPosition | null = a; x !== null; x = x.parent) {
    for (let y: ArrayPosition | null = b; y !== null; y = y.parent) {
      if (x.arrayId === y.arrayId) return x.index === y.index;
    }
  }
  return true;
}

/** True when `position` is consistent with every position in `chosen`. */
export function isConsistentWithAll(position: ArrayPosition, chosen: readonly ArrayPosition[]): boolean {
  for (const other of chosen) {
    if (!areConsistent(position, other)) return false;
  }
  return true;
}
