import { MalformedEventError } from '../../../rules/pattern/errors.js';
import { RuleMatcher } from '../../../rules/pattern/machine/index.js';
import { archiveOfRule, archiveRulePattern } from '../archive/archive-rule.js';
import type { ArchiveRecord } from '../store/archive-store.js';
import type { RuleRecord } from '../store/rule-store.js';
import type { TargetRecord } from '../store/target-store.js';
import { isJsonObject } from './input-reader.js';
import { type InputShape, inputShapeOf } from './input-shaping/input-shape.js';
import type { PatternEngine } from './pattern-engine.js';

/** EventBridge's default target retry policy: 185 attempts over 24 hours (§4.4). */
export const defaultRetryPolicy = { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86_400 } as const;

/** One delivery to make: a matched rule's target, with the retry policy that governs it. */
export interface DeliveryPlan {
  readonly rule: string;
  readonly targetId: string;
  readonly targetArn: string;
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeInSeconds: number;
  readonly deadLetter: boolean;
  /** The target's constant `Input`: delivered instead of the event. */
  readonly input?: string;
  /** The target's `InputPath` or `InputTransformer`, applied per event by `shapeDeliveries`. */
  readonly shape?: InputShape;
}

interface RoutedBus {
  readonly matcher: RuleMatcher;
  readonly plans: Map<string, readonly DeliveryPlan[]>;
}

/** A bus's archives: those keeping every event, and a matcher over those with a pattern. */
interface ArchivingBus {
  readonly all: readonly string[];
  readonly matcher: RuleMatcher | undefined;
}

/** How deliveries to `target` are made: its ARN, retry policy, dead letters and input. */
export function planOf(target: TargetRecord): DeliveryPlan {
  const retry = isJsonObject(target.spec.RetryPolicy) ? target.spec.RetryPolicy : {};
  const attempts = retry.MaximumRetryAttempts;
  const age = retry.MaximumEventAgeInSeconds;
  const shape = inputShapeOf(target.spec);
  return {
    rule: target.rule,
    targetId: target.id,
    targetArn: target.arn,
    maximumRetryAttempts: typeof attempts === 'number' ? attempts : defaultRetryPolicy.maximumRetryAttempts,
    maximumEventAgeInSeconds: typeof age === 'number' ? age : defaultRetryPolicy.maximumEventAgeInSeconds,
    deadLetter: isJsonObject(target.spec.DeadLetterConfig),
    ...(typeof target.spec.Input === 'string' ? { input: target.spec.Input } : {}),
    ...(shape === undefined ? {} : { shape }),
  };
}

/**
 * The enabled rules of each bus, indexed by the many-rule matcher (`rules/pattern/machine/`), with
 * their targets; rebuilt from the stores whenever a rule or a target changes, so PutEvents
 * matches the envelope text in one pass without touching SQLite or parsing the event.
 */
export class Router {
  private byBus = new Map<string, RoutedBus>();
  private archivesByBus = new Map<string, ArchivingBus>();

  constructor(private readonly engine: PatternEngine) {}

  rebuild(
    rules: readonly RuleRecord[],
    targets: readonly TargetRecord[],
    archives: readonly ArchiveRecord[] = [],
  ): void {
    this.archivesByBus = this.indexArchives(rules, targets, archives);
    const plansByRule = new Map<string, DeliveryPlan[]>();
    for (const target of targets) {
      const key = `${target.bus}\u0000${target.rule}`;
      plansByRule.set(key, [...(plansByRule.get(key) ?? []), planOf(target)]);
    }
    const byBus = new Map<string, RoutedBus>();
    for (const rule of rules) {
      if (rule.state === 'DISABLED' || rule.eventPattern === undefined) continue;
      if (archiveOfRule(rule) !== undefined) continue;
      let bus = byBus.get(rule.bus);
      if (bus === undefined) {
        bus = { matcher: new RuleMatcher(), plans: new Map() };
        byBus.set(rule.bus, bus);
      }
      bus.matcher.addRule(rule.name, this.engine.compile(rule.eventPattern));
      bus.plans.set(rule.name, plansByRule.get(`${rule.bus}\u0000${rule.name}`) ?? []);
    }
    this.byBus = byBus;
  }

  /**
   * The deliveries an event on `bus` causes: every target of every enabled rule its envelope
   * text matches; undefined when the matcher refuses the event as too large or too deep.
   */
  route(bus: string, envelope: string, onlyRules?: ReadonlySet<string>): DeliveryPlan[] | undefined {
    const routed = this.byBus.get(bus);
    if (routed === undefined) return [];
    const names = matchOrUndefined(routed.matcher, envelope);
    if (names === undefined) return undefined;
    // A replay with FilterArns goes to those rules only (StartReplay `Destination.FilterArns`).
    const chosen = onlyRules === undefined ? names : names.filter((name) => onlyRules.has(name));
    return chosen.flatMap((name) => routed.plans.get(name) ?? []);
  }

  /**
   * The archives of `bus` that keep this (not replayed) event. As on AWS, an archive receives
   * events through its managed rule `Events-Archive-<name>` (pattern: the archive's own plus
   * `"replay-name": [{"exists": false}]`, §5.3), so an archive keeps events only while that rule
   * is enabled and has its target: what ListRules shows is what archives.
   */
  archivesFor(bus: string, envelope: string): readonly string[] {
    const archiving = this.archivesByBus.get(bus);
    if (archiving === undefined) return [];
    if (archiving.matcher === undefined) return archiving.all;
    return [...archiving.all, ...(matchOrUndefined(archiving.matcher, envelope) ?? [])];
  }

  private indexArchives(
    rules: readonly RuleRecord[],
    targets: readonly TargetRecord[],
    archives: readonly ArchiveRecord[],
  ): Map<string, ArchivingBus> {
    const enabled = new Set(
      archives.filter((a) => a.state === 'ENABLED').map((a) => `${a.bus}\u0000${a.name}`),
    );
    const targeted = new Set(targets.filter((t) => t.id === t.rule).map((t) => `${t.bus}\u0000${t.rule}`));
    // The pattern of an archive without its own: events reaching `archivesFor` never carry
    // `replay-name` (PutEvents cannot set it; replays are not archived), so it matches them all.
    const everything = archiveRulePattern(undefined);
    const byBus = new Map<string, { all: string[]; matcher: RuleMatcher | undefined }>();
    for (const rule of rules) {
      const archive = archiveOfRule(rule);
      if (archive === undefined || rule.state === 'DISABLED' || rule.eventPattern === undefined) continue;
      if (!enabled.has(`${rule.bus}\u0000${archive}`) || !targeted.has(`${rule.bus}\u0000${rule.name}`))
        continue;
      let bus = byBus.get(rule.bus);
      if (bus === undefined) {
        bus = { all: [], matcher: undefined };
        byBus.set(rule.bus, bus);
      }
      if (rule.eventPattern === everything) {
        bus.all.push(archive);
      } else {
        bus.matcher ??= new RuleMatcher();
        bus.matcher.addRule(archive, this.engine.compile(rule.eventPattern));
      }
    }
    return byBus;
  }
}

/** The rules whose pattern the envelope matches, or undefined when the event is too large or deep. */
function matchOrUndefined(matcher: RuleMatcher, envelope: string): string[] | undefined {
  try {
    return matcher.matchText(envelope);
  } catch (error) {
    if (error instanceof MalformedEventError) return undefined;
    throw error;
  }
}
