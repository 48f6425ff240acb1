import type { ArnScope } from './arns.js';
import { ValidationException } from './errors.js';

/** Where an ARN was read: the Region and account serving the request, and the member it came in. */
export interface ArnSite {
  readonly scope: ArnScope;
  /** The request member, as AWS names it in messages: `EventSourceArn`, `Destination.Arn`, ... */
  readonly member: string;
}

/**
 * The resource part (`event-bus/<name>`, `rule/<bus>/<rule>`, `archive/<name>`, ...) of an
 * EventBridge ARN named inside a request body: an archive's `EventSourceArn`, a replay's
 * `EventSourceArn`, `Destination.Arn` and `FilterArns`, an `EventBusName` given as an ARN,
 * TagResource's `ResourceARN`. Every such member goes through here, so a resource is never read
 * by its name in the request's Region when its ARN names another Region or account. What AWS
 * answers such an ARN is neither documented nor recorded: this ValidationException naming the ARN
 * is inferred. Event bus targets (PutTargets) are not read here: AWS lets them name another Region
 * or account (`bus-target.ts`). Returns undefined for text that is not an EventBridge ARN.
 */
export function resourceInScope(arn: string, site: ArnSite): string | undefined {
  const match = /^arn:(aws[\w-]*):events:([a-z0-9-]*):(\d{12})?:(.+)$/.exec(arn);
  if (match === undefined || match === null) return undefined;
  const [, partition, region, account, resource] = match;
  if (partition !== 'aws' || region !== site.scope.region || account !== site.scope.accountId) {
    throw new ValidationException(
      `Parameter ${site.member} is not valid. Reason: ${arn} is not a resource of account ` +
        `${site.scope.accountId} in Region ${site.scope.region}, where this request is served.`,
    );
  }
  return resource;
}
