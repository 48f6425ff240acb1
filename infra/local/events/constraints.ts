import { ValidationException } from './errors.js';

/** Model constraints of one member (botocore `service-2.json`: min, max, pattern, enum). */
export interface MemberConstraint {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly required?: boolean;
}

/** One value to check: `path` is Coral's lowerCamel, 1-based path (`targets.1.member.id`). */
export interface MemberCheck {
  readonly path: string;
  readonly value: unknown;
  readonly constraint: MemberConstraint;
  /** How the value prints in the message when it is not a plain string (Java's `toString`). */
  readonly display?: string;
}

function display(check: MemberCheck): string {
  if (check.value === undefined || check.value === null) return 'null';
  if (check.display !== undefined) return `'${check.display}'`;
  return `'${String(check.value)}'`;
}

function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'string') return value.length; // Java's String.length(): UTF-16 units, as Coral counts
  if (Array.isArray(value)) return value.length;
  return undefined;
}

function violations(check: MemberCheck): string[] {
  const { value, constraint } = check;
  if (value === undefined || value === null) return constraint.required ? ['Member must not be null'] : [];
  const found: string[] = [];
  if (typeof value === 'number') {
    if (constraint.min !== undefined && value < constraint.min)
      found.push(`Member must have value greater than or equal to ${constraint.min}`);
    if (constraint.max !== undefined && value > constraint.max)
      found.push(`Member must have value less than or equal to ${constraint.max}`);
    return found;
  }
  const size = sizeOf(value);
  if (size !== undefined && constraint.min !== undefined && size < constraint.min)
    found.push(`Member must have length greater than or equal to ${constraint.min}`);
  if (size !== undefined && constraint.max !== undefined && size > constraint.max)
    found.push(`Member must have length less than or equal to ${constraint.max}`);
  if (typeof value === 'string' && constraint.pattern !== undefined) {
    // Coral anchors the model's pattern to the whole value.
    if (!new RegExp(`^(?:${constraint.pattern})$`).test(value))
      found.push(`Member must satisfy regular expression pattern: ${constraint.pattern}`);
  }
  if (typeof value === 'string' && constraint.enum !== undefined && !constraint.enum.includes(value))
    found.push(`Member must satisfy enum value set: [${constraint.enum.join(', ')}]`);
  return found;
}

/**
 * Throws Coral's ValidationException when any member breaks its model constraint:
 * `N validation error(s) detected: Value 'v' at 'path' failed to satisfy constraint: Member must ...`,
 * several joined by `; ` (aws-behaviour.md §2.3, recorded from AWS).
 */
export function assertConstraints(checks: readonly MemberCheck[]): void {
  const messages: string[] = [];
  for (const check of checks) {
    for (const reason of violations(check)) {
      messages.push(`Value ${display(check)} at '${check.path}' failed to satisfy constraint: ${reason}`);
    }
  }
  if (messages.length === 0) return;
  const count = messages.length === 1 ? '1 validation error' : `${messages.length} validation errors`;
  throw new ValidationException(`${count} detected: ${messages.join('; ')}`);
}
