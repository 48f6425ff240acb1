import type { CatalogEntry } from './catalog-entry.js';

/**
 * The default-bus rule forwarding one `aws-service` type to its bus: `<bus>-forward-<rule>`, the
 * same name on AWS (the CDK app) and locally.
 */
export function forwardRuleName(entry: Pick<CatalogEntry, 'busName' | 'ruleName'>): string {
  return `${entry.busName}-forward-${entry.ruleName}`;
}
