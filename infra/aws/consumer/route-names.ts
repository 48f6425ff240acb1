import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';

/** Names of the AWS resources one catalog entry becomes. */
export interface RouteNames {
  /** `<bus>-<consumer>`: the Lambda function and its log group `/aws/lambda/<name>`. */
  readonly functionName: string;
  /** `<bus>-<consumer>-dlq`: where EventBridge puts events it could not deliver. */
  readonly deadLetterQueueName: string;
  /** `<bus>-<consumer>-failed`: where Lambda puts events the function failed on. */
  readonly failureQueueName: string;
  /** The rule target's `Id`: the consumer's name. */
  readonly targetId: string;
}

/** Derives the resource names of one entry; `checkCatalogForAws` checks them against AWS's limits. */
export function routeNames(entry: Pick<CatalogEntry, 'busName' | 'consumer'>): RouteNames {
  const functionName = `${entry.busName}-${entry.consumer.name}`;
  return {
    functionName,
    deadLetterQueueName: `${functionName}-dlq`,
    failureQueueName: `${functionName}-failed`,
    targetId: entry.consumer.name,
  };
}
