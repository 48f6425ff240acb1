import type { TargetRecord } from '../../store/target-store.js';
import { functionNameOf } from '../arns.js';
import { busTargetOf, checkBusTarget, localBusTargetProblem } from '../bus-target.js';
import { assertConstraints, type MemberCheck } from '../constraints.js';
import { LimitExceededException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { checkInputShaping, inputTransformerChecks } from '../input-shaping/check-input-shaping.js';
import { assertNotManaged } from '../managed-rule-guard.js';
import { modelConstraints, required } from '../model-constraints.js';
import { findRule, readRuleReference } from '../rule-reference.js';

/** A rule has at most five targets, a hard quota (recorded, §4.2). */
const maxTargetsPerRule = 5;

function targetChecks(target: InputReader, index: number): MemberCheck[] {
  const at = `targets.${index + 1}.member`;
  const retry = target.object('RetryPolicy');
  return [
    { path: `${at}.id`, value: target.string('Id'), constraint: required(modelConstraints.TargetId) },
    { path: `${at}.arn`, value: target.string('Arn'), constraint: required(modelConstraints.TargetArn) },
    { path: `${at}.roleArn`, value: target.string('RoleArn'), constraint: modelConstraints.RoleArn },
    { path: `${at}.input`, value: target.string('Input'), constraint: modelConstraints.TargetInput },
    {
      path: `${at}.inputPath`,
      value: target.string('InputPath'),
      constraint: modelConstraints.TargetInputPath,
    },
    ...inputTransformerChecks(target, at),
    {
      path: `${at}.retryPolicy.maximumRetryAttempts`,
      value: retry?.integer('MaximumRetryAttempts'),
      constraint: modelConstraints.MaximumRetryAttempts,
    },
    {
      path: `${at}.retryPolicy.maximumEventAgeInSeconds`,
      value: retry?.integer('MaximumEventAgeInSeconds'),
      constraint: modelConstraints.MaximumEventAgeInSeconds,
    },
    {
      path: `${at}.deadLetterConfig.arn`,
      value: target.object('DeadLetterConfig')?.string('Arn'),
      constraint: modelConstraints.ResourceArn,
    },
  ];
}

/**
 * PutTargets: an upsert by `Id`. Locally a target is a consumer function by its Lambda ARN or an
 * event bus of the stack's account and Region (`bus-target.ts`); any other kind of ARN fails that
 * entry (FailedEntries) since nothing local could receive it. A
 * function ARN that names no consumer is accepted, as AWS accepts it, and its deliveries fail.
 */
export function putTargets(context: EventsContext, body: unknown): object {
  const reference = readRuleReference(body, 'Rule');
  const { input, name } = reference;
  const targets = input.list('Targets')?.map((item, index) => InputReader.of(item, `Targets.${index + 1}`));
  assertConstraints([
    { path: 'targets', value: targets, constraint: required(modelConstraints.TargetList) },
    ...(targets ?? []).flatMap(targetChecks),
  ]);
  const { bus, rule } = findRule(context, reference, true);
  assertNotManaged(rule);
  for (const target of targets ?? []) {
    checkInputShaping(target);
    const busTarget = busTargetOf(target.string('Arn') ?? '');
    if (busTarget !== undefined) checkBusTarget(context.scope, target, busTarget);
  }
  const failed: object[] = [];
  const records: TargetRecord[] = [];
  for (const target of targets ?? []) {
    const id = target.string('Id') ?? '';
    const arn = target.string('Arn') ?? '';
    const busTarget = busTargetOf(arn);
    const problem =
      busTarget !== undefined
        ? localBusTargetProblem(context.scope, target, busTarget)
        : functionNameOf(arn) === undefined
          ? `Target ${arn} is neither a Lambda function nor an event bus; the local stack delivers to consumer functions and event buses only.`
          : undefined;
    if (problem !== undefined) {
      failed.push({ TargetId: id, ErrorCode: 'ValidationException', ErrorMessage: problem });
      continue;
    }
    records.push({ bus, rule: name, id, arn, spec: specOf(target) });
  }
  const ids = context.targets.ids(bus, name);
  for (const record of records) ids.add(record.id);
  if (ids.size > maxTargetsPerRule) throw new LimitExceededException();
  context.targets.upsert(records);
  context.reroute();
  return { FailedEntryCount: failed.length, FailedEntries: failed };
}

function specOf(target: InputReader): { readonly [key: string]: unknown } {
  const spec: { [key: string]: unknown } = {};
  for (const member of [
    'Id',
    'Arn',
    'RoleArn',
    'Input',
    'InputPath',
    'InputTransformer',
    'RetryPolicy',
    'DeadLetterConfig',
  ]) {
    const value = target.value(member);
    if (value !== undefined) spec[member] = value;
  }
  return spec;
}
