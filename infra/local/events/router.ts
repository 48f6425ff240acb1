import { MalformedEventError } from '../../../rules/pattern/errors.js';
import { RuleMatcher } from '../../../rules/pattern/machine/index.js';
import type { RuleRecord } from '../store/rule-store.js';
import type { TargetRecord } from '../store/target-store.js';
import { isJsonObject } from './input-reader.js';
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
}

interface RoutedBus {
  readonly matcher: RuleMatcher;
  readonly plans: Map<string, readonly DeliveryPlan[]>;
}

function planOf(target: TargetRecord): DeliveryPlan {
  const retry = isJsonObject(target.spec.RetryPolicy) ? target.spec.RetryPolicy : {};
  const attempts = retry.MaximumRetryAttempts;
  const age = retry.MaximumEventAgeInSeconds;
  return {
    rule: target.rule,
    targetId: target.id,
    targetArn: target.arn,
    maximumRetryAttempts: typeof attempts === 'number' ? attempts : defaultRetryPolicy.maximumRetryAttempts,
    maximumEventAgeInSeconds: typeof age === 'number' ? age : defaultRetryPolicy.maximumEventAgeInSeconds,
    deadLetter: isJsonObject(target.spec.DeadLetterConfig),
    ...(typeof target.spec.Input === 'string' ? { input: target.spec.Input } : {}),
  };
}

/**
 * The enabled rules of each bus, indexed by the many-rule matcher (`rules/pattern/machine/`), with
 * their targets; rebuilt from the stores whenever a rule or a target changes, so PutEvents
 * matches the envelope text in one pass without touching SQLite or parsing the event.
 */
export class Router {
  private byBus = new Map<string, RoutedBus>();

  constructor(private readonly engine: PatternEngine) {}

  rebuild(rules: readonly RuleRecord[], targets: readonly TargetRecord[]): void {
    const plansByRule = new Map<string, DeliveryPlan[]>();
    for (const target of targets) {
      const key = `${target.bus}\u0000${target.rule}`;
      plansByRule.set(key, [...(plansByRule.get(key) ?? []), planOf(target)]);
    }
    const byBus = new Map<string, RoutedBus>();
    for (const rule of rules) {
      if (rule.state === 'DISABLED' || rule.eventPattern === undefined) continue;
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
  route(bus: string, envelope: string): DeliveryPlan[] | undefined {
    const routed = this.byBus.get(bus);
    if (routed === undefined) return [];
    let names: string[];
    try {
      names = routed.matcher.matchText(envelope);
    } catch (error) {
      if (error instanceof MalformedEventError) return undefined;
      throw error;
    }
    return names.flatMap((name) => routed.plans.get(name) ?? []);
  }
}
