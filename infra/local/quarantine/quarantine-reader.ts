import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { quarantineQueries } from './quarantine-queries.js';

/** Reads quarantine items with the same Queries as `trackbridge quarantine list`. */
export interface QuarantineReader {
  /** Items whose event time is in the window, newest first, at most `limit`. */
  readonly list: (
    window: { readonly type?: string; readonly from: Date; readonly to: Date },
    limit: number,
  ) => Promise<Record<string, unknown>[]>;
  readonly close: () => void;
}

/** A reader over the stack's own DynamoDB (dynalite's listener, not through the web-facing endpoint). */
export function createQuarantineReader(options: {
  readonly endpoint: string;
  readonly region: string;
  readonly tableName: string;
}): QuarantineReader {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: options.endpoint,
      region: options.region,
      credentials: { accessKeyId: 'trackbridge', secretAccessKey: 'trackbridge' },
    }),
  );
  return {
    async list(window, limit) {
      const items: Record<string, unknown>[] = [];
      // Newest day first, newest item first in each, so the limit keeps the latest.
      for (const query of quarantineQueries(window, options.tableName).reverse()) {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await client.send(
            new QueryCommand({ ...query, ScanIndexForward: false, ExclusiveStartKey: start, Limit: limit }),
          );
          items.push(...(page.Items ?? []));
          start = page.LastEvaluatedKey;
        } while (start !== undefined && items.length < limit);
        if (items.length >= limit) break;
      }
      return items.slice(0, limit);
    },
    close: () => client.destroy(),
  };
}
