import { isJsonObject } from '../events/input-reader.js';

/** What a caller of another account asks a bus policy for. */
export interface PolicyRequest {
  readonly account: string;
  readonly action: string;
  readonly resource: string;
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** IAM's `*` wildcard in an action or resource (`?` too), case-sensitive for resources. */
function wildcardMatches(pattern: unknown, value: string, ignoreCase: boolean): boolean {
  if (typeof pattern !== 'string') return false;
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

function principalMatches(principal: unknown, account: string): boolean {
  if (principal === '*') return true;
  if (!isJsonObject(principal)) return false;
  return listOf(principal.AWS).some(
    (each) => each === '*' || each === account || each === `arn:aws:iam::${account}:root`,
  );
}

function statementApplies(statement: Record<string, unknown>, request: PolicyRequest): boolean {
  // A Condition (PutPermission writes aws:PrincipalOrgID) cannot be evaluated locally, where no
  // organization exists: such a statement applies to no caller.
  if (statement.Condition !== undefined) return false;
  const resources = statement.Resource === undefined ? ['*'] : listOf(statement.Resource);
  return (
    principalMatches(statement.Principal, request.account) &&
    listOf(statement.Action).some((action) => wildcardMatches(action, request.action, true)) &&
    resources.some((resource) => wildcardMatches(resource, request.resource, false))
  );
}

/**
 * Whether a bus's resource policy (JSON text, or none) lets another account do `request`: an
 * `Allow` statement applies and no `Deny` does, as IAM evaluates a resource-based policy.
 */
export function policyAllows(policyText: string | undefined, request: PolicyRequest): boolean {
  if (policyText === undefined) return false;
  const policy: unknown = JSON.parse(policyText);
  const statements = isJsonObject(policy) ? listOf(policy.Statement).filter(isJsonObject) : [];
  const applying = statements.filter((statement) => statementApplies(statement, request));
  return (
    applying.some((statement) => statement.Effect === 'Allow') &&
    !applying.some((statement) => statement.Effect === 'Deny')
  );
}
