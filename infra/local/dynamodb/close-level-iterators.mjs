// dynalite (4.0.0) reads a Query or Scan through a stream over a LevelDB iterator and, when the
// stream ends or is abandoned at its Limit, closes the iterator only if it has `return()`, which
// abstract-level's iterators do not have. So every Query and Scan left its iterator open for the
// life of the process, and an open LevelDB iterator pins the store's version of that moment: the
// memtable (RAM) and every table file compacted away since (disk). Under load the TTL sweeper's
// paged scans alone grew the store to gigabytes of obsolete files. Plain JavaScript, as the worker.
import { createRequire } from 'node:module';

const requireBesideDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));

let open = 0;

/** Iterators opened and not yet closed in this thread. */
export function openIterators() {
  return open;
}

/**
 * Gives every iterator of the level stores dynalite uses (on disk and in memory) a `return()` that
 * closes it, and counts the open ones. Done once, before dynalite opens a store.
 */
export function closeLevelIteratorsWhenDone() {
  const stores = [requireBesideDynalite('level').Level, requireBesideDynalite('memory-level').MemoryLevel];
  const patched = new Set();
  for (const store of stores) {
    const base = ownerOf(store.prototype, 'iterator');
    if (patched.has(base)) continue;
    patched.add(base);
    for (const method of ['iterator', 'keys', 'values']) {
      const opens = base[method];
      base[method] = function openCounted(...args) {
        const iterator = opens.apply(this, args);
        open += 1;
        const closes = iterator.close;
        let closed = false;
        iterator.close = function closeCounted(...closeArgs) {
          if (!closed) {
            closed = true;
            open -= 1;
          }
          return closes.apply(this, closeArgs);
        };
        iterator.return ??= () => iterator.close();
        return iterator;
      };
    }
  }
}

/** The prototype on the chain that defines `name` itself (abstract-level's, shared by both stores). */
function ownerOf(prototype, name) {
  for (let at = prototype; at !== null; at = Object.getPrototypeOf(at)) {
    if (Object.hasOwn(at, name)) return at;
  }
  throw new Error(`no ${name} on the level store's prototype chain`);
}
