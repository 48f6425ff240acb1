import type { PendingDeliveryLimits } from '../delivery/pending-deliveries.js';

/** The flags and their environment equivalents, for `parseArgs` and the usage text. */
export const PENDING_LIMIT_FLAGS = {
  perTarget: { flag: 'max-pending-per-target', env: 'TRACKBRIDGE_MAX_PENDING_PER_TARGET' },
  total: { flag: 'max-pending', env: 'TRACKBRIDGE_MAX_PENDING' },
} as const;

function limitOf(text: string, flag: string, error: (message: string) => Error): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw error(`--${flag} must be a whole number of deliveries, at least 1, not "${text}".`);
  }
  return value;
}

/**
 * The back-pressure bounds asked for by `--max-pending-per-target` / `--max-pending` (or their
 * environment variables, which the flags override); only those given, so the stack's defaults
 * stay in one place (`DEFAULT_PENDING_DELIVERY_LIMITS`).
 */
export function parsePendingLimits(
  values: Readonly<Record<string, string | boolean | undefined>>,
  env: Readonly<Record<string, string | undefined>>,
  error: (message: string) => Error,
): PendingDeliveryLimits | undefined {
  const limits: { perTarget?: number; total?: number } = {};
  for (const key of ['perTarget', 'total'] as const) {
    const { flag, env: name } = PENDING_LIMIT_FLAGS[key];
    const given = values[flag];
    const text = typeof given === 'string' ? given : env[name];
    if (text !== undefined) limits[key] = limitOf(text, flag, error);
  }
  if (limits.perTarget !== undefined && limits.total !== undefined && limits.perTarget > limits.total) {
    throw error(
      `--max-pending-per-target (${limits.perTarget}) cannot exceed --max-pending (${limits.total}).`,
    );
  }
  return Object.keys(limits).length === 0 ? undefined : limits;
}
