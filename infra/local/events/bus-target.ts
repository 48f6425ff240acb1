import type { ArnScope } from './arns.js';
import { ValidationException } from './errors.js';
import type { InputReader } from './input-reader.js';
import { isAwsPartitionRegion } from './served-region.js';

/** An event bus named as a rule's target: `arn:aws:events:<region>:<account>:event-bus/<name>`. */
export interface BusTarget {
  readonly region: string;
  readonly accountId: string;
  readonly bus: string;
}

/** The bus an event bus ARN names, or undefined for any other ARN. */
export function busTargetOf(arn: string): BusTarget | undefined {
  const match = /^arn:aws[\w-]*:events:([a-z0-9-]+):(\d{12}):event-bus\/([.\-_A-Za-z0-9/]{1,256})$/.exec(arn);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return undefined;
  return { region: match[1], accountId: match[2], bus: match[3] };
}

/**
 * AWS's checks on an event bus target, in PutTargets: a bus in another Region needs a RoleArn
 * (EventBridge User Guide, "Sending and receiving events between AWS Regions"; AWS's wording was
 * not recorded: `RoleArn is required for target <arn>.` is inferred), and Input, InputPath and
 * InputTransformer are not available for a bus of another account (PutTargets API reference; the
 * wording is inferred). Throws; a target that passes returns nothing.
 */
export function checkBusTarget(scope: ArnScope, target: InputReader, busTarget: BusTarget): void {
  const arn = target.string('Arn') ?? '';
  if (busTarget.region !== scope.region && target.string('RoleArn') === undefined)
    throw new ValidationException(`RoleArn is required for target ${arn}.`);
  const shaped = ['Input', 'InputPath', 'InputTransformer'].some(
    (member) => target.value(member) !== undefined,
  );
  if (busTarget.accountId !== scope.accountId && shaped)
    throw new ValidationException(
      `Input, InputPath and InputTransformer are not available for target ${arn}: an event bus of another account.`,
    );
}

/**
 * Why the local stack cannot deliver to a bus target AWS accepts, or undefined when it can: it
 * holds one account, serves the Regions of the `aws` partition, and re-puts the event itself, so
 * it does not shape it.
 */
export function localBusTargetProblem(
  scope: ArnScope,
  target: InputReader,
  busTarget: BusTarget,
): string | undefined {
  const arn = target.string('Arn') ?? '';
  if (busTarget.accountId !== scope.accountId)
    return `Target ${arn} is in another account; the local stack holds ${scope.accountId} only.`;
  if (busTarget.region !== scope.region && !isAwsPartitionRegion(busTarget.region))
    return `Target ${arn} is in Region ${busTarget.region}, which the local stack does not serve (it serves the Regions of the aws partition).`;
  const shaped = ['Input', 'InputPath', 'InputTransformer'].find(
    (member) => target.value(member) !== undefined,
  );
  if (shaped !== undefined)
    return `${shaped} of target ${target.string('Id') ?? ''} is not emulated for an event bus target: the local stack forwards the event unchanged.`;
  return undefined;
}
