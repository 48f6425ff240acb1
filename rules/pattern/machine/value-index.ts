import type { ValueMatcher } from '../compiled-pattern.js';
import { valueMatches } from '../match/value-matches.js';
import { addToList } from './add-to-list.js';
import { AffixIndex, type AffixSide } from './affix-index.js';
import { AnythingButIndex } from './anything-but-index.js';
import type { IdSink } from './id-sink.js';
import { NumericIndex } from './numeric-index.js';
import { Wildcard } from './wildcard.js';

/**
 * Every value matcher of every rule at one path, indexed so that looking up one event value costs
 * about the same whatever the number of rules: exact strings and numbers in hash maps, prefixes
 * and suffixes grouped by length, ranges sorted. Wildcards and CIDR ranges (with the reference matcher's own test) are checked one by one
 * (EventBridge allows at most 30 wildcard rules per bus). Reports condition ids.
 *
 * `exists: false` is not a value matcher: the matcher handles it from the path's presence.
 */
export class ValueIndex {
  private readonly strings = new Map<string, number[]>();
  private readonly literals = new Map<boolean | null, number[]>();
  private readonly exists: number[] = [];
  private readonly wildcards: { readonly wildcard: Wildcard; readonly id: number }[] = [];
  private readonly cidrs: { readonly matcher: ValueMatcher; readonly id: number }[] = [];
  /** Prefix, suffix and ignore-case indexes, created on first use and looked up in turn. */
  private readonly affixIndexes = new Map<string, AffixIndex>();
  private affixes: AffixIndex[] = [];
  private numbers: NumericIndex | undefined;
  private anythingBut: AnythingButIndex | undefined;

  add(matcher: ValueMatcher, id: number): void {
    switch (matcher.kind) {
      case 'exact':
        if (typeof matcher.value === 'string') addToList(this.strings, matcher.value, id);
        else if (typeof matcher.value === 'number') this.numeric().addExact(matcher.value, id);
        else addToList(this.literals, matcher.value, id);
        return;
      case 'prefix':
        this.affixIndex('prefix', matcher.ignoreCase).add(matcher.value, id);
        return;
      case 'suffix':
        this.affixIndex('suffix', matcher.ignoreCase).add(matcher.value, id);
        return;
      case 'equals-ignore-case':
        this.affixIndex('whole', true).add(matcher.value, id);
        return;
      case 'wildcard':
        this.wildcards.push({ wildcard: new Wildcard(matcher.value), id });
        return;
      case 'numeric':
        this.numeric().addRange(matcher.lower, matcher.upper, id);
        return;
      case 'cidr':
        this.cidrs.push({ matcher, id });
        return;
      case 'exists':
        if (matcher.value) this.exists.push(id);
        return;
      default:
        this.anythingBut ??= new AnythingButIndex();
        this.anythingBut.add(matcher, id);
    }
  }

  matchString(value: string, sink: IdSink): void {
    const ids = this.strings.get(value);
    if (ids !== undefined) for (const id of ids) sink.hit(id);
    for (const affixes of this.affixes) affixes.find(value, sink);
    for (const { wildcard, id } of this.wildcards) {
      if (wildcard.matches(value)) sink.hit(id);
    }
    for (const { matcher, id } of this.cidrs) {
      if (valueMatches(matcher, value)) sink.hit(id);
    }
    this.anythingBut?.matchString(value, sink);
    this.reportExists(sink);
  }

  matchNumber(value: number, sink: IdSink): void {
    this.numbers?.find(value, sink);
    this.anythingBut?.matchNumber(value, sink);
    this.reportExists(sink);
  }

  matchLiteral(value: boolean | null, sink: IdSink): void {
    const ids = this.literals.get(value);
    if (ids !== undefined) for (const id of ids) sink.hit(id);
    this.anythingBut?.matchOther(sink);
    this.reportExists(sink);
  }

  private reportExists(sink: IdSink): void {
    for (const id of this.exists) sink.hit(id);
  }

  private numeric(): NumericIndex {
    this.numbers ??= new NumericIndex();
    return this.numbers;
  }

  private affixIndex(side: AffixSide, ignoreCase: boolean): AffixIndex {
    const key = `${side} ${ignoreCase}`;
    let index = this.affixIndexes.get(key);
    if (index === undefined) {
      index = new AffixIndex(side, ignoreCase);
      this.affixIndexes.set(key, index);
      this.affixes = [...this.affixIndexes.values()];
    }
    return index;
  }
}
