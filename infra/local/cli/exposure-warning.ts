import { isIP } from 'node:net';

/** Whether `host` binds only this machine's loopback interface. */
function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name === '::1' || name.endsWith('.localhost')) return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/**
 * What `trackbridge start --host <non-loopback>` prints first: the stack has no authentication, so
 * binding beyond loopback hands everything it serves to whoever can reach that address.
 */
export function exposureWarning(host: string): string | undefined {
  if (isLoopback(host)) return undefined;
  const reach =
    host === '0.0.0.0' || host === '::' ? 'every network this machine is on' : `anyone who can reach ${host}`;
  return [
    `trackbridge: WARNING: --host ${host} exposes this stack to ${reach}, with no authentication:`,
    '  the EventBridge API (put events, change rules and targets, start replays), the DynamoDB API',
    '  (read and write every table item), and the local API (dead letters: read, redrive, purge; the',
    '  live tail of every event). Use the default 127.0.0.1 unless that is what you want.',
  ].join('\n');
}
