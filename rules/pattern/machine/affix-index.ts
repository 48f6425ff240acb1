import { endsWithIgnoreCase, equalsIgnoreCase, startsWithIgnoreCase } from '../match/ignore-case.js';
import type { IdSink } from './id-sink.js';
import { hasRegularCaseFolding } from './ignore-case.js';

/** Which part of the value an affix is compared with. */
export type AffixSide = 'prefix' | 'suffix' | 'whole';

interface AffixEntry {
  readonly affix: string;
  readonly id: number;
  /** For a regular ignore-case affix: its characters lower-cased and upper-cased, one for one. */
  readonly lower: string;
  readonly upper: string;
}

/**
 * Finds, for one string value, every prefix / suffix / whole-value pattern it satisfies without
 * looking at each pattern: patterns are grouped by length, and each group is a hash map, so a
 * lookup costs one map probe per distinct pattern length.
 *
 * With `ignoreCase`, the maps are keyed by the lower-cased text and every hit is confirmed with
 * event-ruler's exact rule (each character the lower or upper case of the pattern's); the rare patterns whose case mapping
 * changes length (`ß` → `SS`) are kept aside and checked one by one.
 */
export class AffixIndex {
  private lengths: number[] = [];
  private readonly byLength = new Map<number, Map<string, AffixEntry[]>>();
  private readonly irregular: AffixEntry[] = [];

  constructor(
    private readonly side: AffixSide,
    private readonly ignoreCase: boolean,
  ) {}

  add(affix: string, id: number): void {
    const entry = { affix, id, lower: affix.toLowerCase(), upper: affix.toUpperCase() };
    if (this.ignoreCase && !hasRegularCaseFolding(affix)) {
      this.irregular.push(entry);
      return;
    }
    let group = this.byLength.get(affix.length);
    if (group === undefined) {
      group = new Map();
      this.byLength.set(affix.length, group);
      this.lengths = [...this.byLength.keys()].sort((a, b) => a - b);
    }
    const key = this.ignoreCase ? affix.toLowerCase() : affix;
    const entries = group.get(key);
    if (entries === undefined) group.set(key, [entry]);
    else entries.push(entry);
  }

  /** Reports to `sink` the id of every pattern `value` satisfies. */
  find(value: string, sink: IdSink): void {
    const length = value.length;
    if (this.side === 'whole') {
      this.probe(value, length, sink);
    } else {
      for (const affixLength of this.lengths) {
        if (affixLength > length) break;
        this.probe(value, affixLength, sink);
      }
    }
    for (const entry of this.irregular) {
      if (this.confirm(entry.affix, value)) sink.hit(entry.id);
    }
  }

  private probe(value: string, affixLength: number, sink: IdSink): void {
    const group = this.byLength.get(affixLength);
    if (group === undefined) return;
    let part = value;
    if (this.side === 'prefix') part = value.slice(0, affixLength);
    else if (this.side === 'suffix') part = value.slice(value.length - affixLength);
    const entries = group.get(this.ignoreCase ? part.toLowerCase() : part);
    if (entries === undefined) return;
    const start = this.side === 'suffix' ? value.length - affixLength : 0;
    for (const entry of entries) {
      if (!this.ignoreCase || sameIgnoringCase(entry, value, start)) sink.hit(entry.id);
    }
  }

  /** The reference matcher's comparison, for the rare affixes that cannot be hashed. */
  private confirm(affix: string, value: string): boolean {
    if (this.side === 'prefix') return startsWithIgnoreCase(value, affix);
    if (this.side === 'suffix') return endsWithIgnoreCase(value, affix);
    return equalsIgnoreCase(value, affix);
  }
}

/**
 * event-ruler's ignore-case rule for a regular affix at `start`: each character must be the lower
 * or the upper case of the affix's character there (not any character that lower-cases alike).
 */
function sameIgnoringCase(entry: AffixEntry, value: string, start: number): boolean {
  const { lower, upper } = entry;
  for (let i = 0; i < lower.length; i++) {
    const c = value.charCodeAt(start + i);
    if (c !== lower.charCodeAt(i) && c !== upper.charCodeAt(i)) return false;
  }
  return true;
}
