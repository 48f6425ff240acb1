import type { ValueMatcher } from '../compiled-pattern.js';
import { addToList } from './add-to-list.js';
import { AffixIndex } from './affix-index.js';
import type { IdSink } from './id-sink.js';
import { Wildcard } from './wildcard.js';

type AnythingButMatcher = Extract<
  ValueMatcher,
  {
    kind:
      | 'anything-but'
      | 'anything-but-prefix'
      | 'anything-but-suffix'
      | 'anything-but-ignore-case'
      | 'anything-but-wildcard';
  }
>;

/**
 * The `anything-but` conditions of one path. Each one accepts every present value except the ones
 * it excludes, so a lookup finds the few excluding conditions through the same hash and affix
 * indexes as the positive operators, and reports all the others.
 *
 * As in EventBridge, a value of another type is never excluded: `{"anything-but":{"prefix":"x"}}`
 * accepts `12` and `null`, `{"anything-but":[5]}` accepts `"5"` (recorded in aws-behaviour.md §3.2).
 */
export class AnythingButIndex implements IdSink {
  private readonly conditions: number[] = [];
  private readonly strings = new Map<string, number[]>();
  private readonly numbers = new Map<number, number[]>();
  private readonly prefixes = new AffixIndex('prefix', false);
  private readonly suffixes = new AffixIndex('suffix', false);
  private readonly ignoreCase = new AffixIndex('whole', true);
  private readonly wildcards: { readonly wildcard: Wildcard; readonly local: number }[] = [];
  private excludedAt: number[] = [];
  private lookup = 0;

  add(matcher: AnythingButMatcher, condition: number): void {
    const local = this.conditions.push(condition) - 1;
    this.excludedAt.push(0);
    switch (matcher.kind) {
      case 'anything-but':
        for (const value of matcher.strings) addToList(this.strings, value, local);
        for (const value of matcher.numbers) addToList(this.numbers, value, local);
        return;
      case 'anything-but-prefix':
        for (const value of matcher.values) this.prefixes.add(value, local);
        return;
      case 'anything-but-suffix':
        for (const value of matcher.values) this.suffixes.add(value, local);
        return;
      case 'anything-but-ignore-case':
        for (const value of matcher.values) this.ignoreCase.add(value, local);
        return;
      case 'anything-but-wildcard':
        for (const value of matcher.values) this.wildcards.push({ wildcard: new Wildcard(value), local });
        return;
    }
  }

  /** Marks a condition as excluded for the value being looked up. */
  hit(local: number): void {
    this.excludedAt[local] = this.lookup;
  }

  matchString(value: string, sink: IdSink): void {
    this.lookup++;
    const excluded = this.strings.get(value);
    if (excluded !== undefined) for (const local of excluded) this.hit(local);
    this.prefixes.find(value, this);
    this.suffixes.find(value, this);
    this.ignoreCase.find(value, this);
    for (const { wildcard, local } of this.wildcards) {
      if (wildcard.matches(value)) this.hit(local);
    }
    this.reportNotExcluded(sink);
  }

  matchNumber(value: number, sink: IdSink): void {
    this.lookup++;
    const excluded = this.numbers.get(value);
    if (excluded !== undefined) for (const local of excluded) this.hit(local);
    this.reportNotExcluded(sink);
  }

  /** `true`, `false` and `null` are excluded by no anything-but form. */
  matchOther(sink: IdSink): void {
    for (const condition of this.conditions) sink.hit(condition);
  }

  private reportNotExcluded(sink: IdSink): void {
    const lookup = this.lookup;
    const conditions = this.conditions;
    for (let local = 0; local < conditions.length; local++) {
      if (this.excludedAt[local] !== lookup) sink.hit(conditions[local] ?? -1);
    }
  }
}
