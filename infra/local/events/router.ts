import type { CompiledPattern } from '../../../rules/pattern/compiled-pattern.js';
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
}

interface RoutedRule {
  readonly name: string;
  readonly pattern: CompiledPattern;
  readonly plans: readonly DeliveryPlan[];
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
  };
}

/**
 * The enabled rules of each bus with their compiled patterns and targets, rebuilt from the
 * stores whenever a rule or a target changes, so PutEvents matches without touching SQLite.
 */
export class Router {
  private byBus = new Map<string, RoutedRule[]>();

  constructor(private readonly engine: PatternEngine) {}

  rebuild(rules: readonly RuleRecord[], targets: readonly TargetRecord[]): void {
    const targetsByRule = new Map<string, TargetRecord[]>();
    for (const target of targets) {
      const key = `${target.bus}\u0000${target.rule}`;
      targetsByRule.set(key, [...(targetsByRule.get(key) ?? []), target]);
    }
    const byBus = new Map<string, RoutedRule[]>();
    for (const rule of rules) {
      if (rule.state === 'DISABLED' || rule.eventPattern === undefined) continue;
      const plans = (targetsByRule.get(`${rule.bus}\u0000${rule.name}`) ?? []).map(planOf);
      const routed = { name: rule.name, pattern: this.engine.compile(rule.eventPattern), plans };
      byBus.set(rule.bus, [...(byBus.get(rule.bus) ?? []), routed]);
    }
    this.byBus = byBus;
  }

  /** The deliveries an event on `bus` causes: every target of every enabled rule it matches. */
  route(bus: string, event: unknown): DeliveryPlan[] {
    const plans: DeliveryPlan[] = [];
    for (const rule of this.byBus.get(bus) ?? []) {
      if (this.engine.matches(rule.pattern, event)) plans.push(...rule.plans);
    }
    return plans;
  }
}
