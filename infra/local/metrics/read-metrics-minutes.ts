import { LocalApiError } from '../local-api/local-api-error.js';
import { MAX_WINDOW_MINUTES } from './local-metrics.js';

/** `?minutes=N` of `GET /_trackbridge/metrics`: 1 to 1440, 60 when absent. */
export function readMetricsMinutes(value: string | null): number {
  if (value === null) return 60;
  const minutes = Number(value);
  if (value.trim() === '' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_WINDOW_MINUTES)
    throw new LocalApiError(
      400,
      `minutes must be a whole number from 1 to ${MAX_WINDOW_MINUTES}, not "${value}".`,
    );
  return minutes;
}
