import { type ArnSite, resourceInScope } from './request-arn.js';

/** ARNs as EventBridge builds them (aws-behaviour.md §4.1, recorded from AWS). */
export interface ArnScope {
  readonly region: string;
  readonly accountId: string;
}

export function busArn(scope: ArnScope, bus: string): string {
  return `arn:aws:events:${scope.region}:${scope.accountId}:event-bus/${bus}`;
}

/** A rule on the default bus has no bus segment: `rule/<rule>`; on a custom bus `rule/<bus>/<rule>`. */
export function ruleArn(scope: ArnScope, bus: string, rule: string): string {
  const path = bus === 'default' ? rule : `${bus}/${rule}`;
  return `arn:aws:events:${scope.region}:${scope.accountId}:rule/${path}`;
}

/** A Lambda function's ARN, the form a catalog consumer is targeted by. */
export function functionArn(scope: ArnScope, functionName: string): string {
  return `arn:aws:lambda:${scope.region}:${scope.accountId}:function:${functionName}`;
}

/** The function name of a Lambda function ARN (optionally qualified), or undefined. */
export function functionNameOf(arn: string): string | undefined {
  const match =
    /^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(?::[A-Za-z0-9$_-]+)?$/.exec(arn);
  return match?.[1];
}

/**
 * The bus name of an `EventBusName` member, which is a name or a bus ARN of the request's Region and
 * account (`resourceInScope`); absent means `default`.
 */
export function busNameOf(nameOrArn: string | undefined, site: ArnSite): string {
  if (nameOrArn === undefined) return 'default';
  const resource = resourceInScope(nameOrArn, site);
  const prefix = 'event-bus/';
  return resource?.startsWith(prefix) ? resource.slice(prefix.length) : nameOrArn;
}

export function archiveArn(scope: ArnScope, archive: string): string {
  return `arn:aws:events:${scope.region}:${scope.accountId}:archive/${archive}`;
}

export function replayArn(scope: ArnScope, replay: string): string {
  return `arn:aws:events:${scope.region}:${scope.accountId}:replay/${replay}`;
}

/**
 * The name after `<kind>/` in an EventBridge ARN of that kind (`archive`, `event-bus`) of the
 * request's Region and account (`resourceInScope`), or undefined for an ARN of another kind.
 */
export function resourceNameOf(
  arn: string,
  kind: 'archive' | 'event-bus',
  site: ArnSite,
): string | undefined {
  const resource = resourceInScope(arn, site);
  const prefix = `${kind}/`;
  return resource?.startsWith(prefix) && resource.length > prefix.length
    ? resource.slice(prefix.length)
    : undefined;
}

/**
 * The bus and rule of a rule ARN (`rule/<rule>` on default, `rule/<bus>/<rule>`) of the request's
 * Region and account (`resourceInScope`), or undefined for an ARN of another kind.
 */
export function ruleOfArn(arn: string, site: ArnSite): { bus: string; rule: string } | undefined {
  const match = /^rule\/(?:([^/]+)\/)?([^/]+)$/.exec(resourceInScope(arn, site) ?? '');
  if (match?.[2] === undefined) return undefined;
  return { bus: match[1] ?? 'default', rule: match[2] };
}
