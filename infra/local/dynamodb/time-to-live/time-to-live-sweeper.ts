import type { Agent } from 'node:http';
import { dynaliteRequest } from './dynalite-request.js';
import type { TimeToLiveSpecs } from './time-to-live-specs.js';

/** DynamoDB leaves alone items whose TTL lies more than five years in the past (TTL user guide). */
const FIVE_YEARS_SECONDS = 5 * 365 * 24 * 3600;
/** Items a scan page reads: small pages keep each of dynalite's turns short, so writes interleave. */
const PAGE_LIMIT = 500;

/**
 * Deletes expired items in the background, as DynamoDB's TTL process does: every `intervalMs`,
 * each table with TTL enabled is scanned page by page for items whose TTL attribute is a Number
 * of epoch seconds below now (and not more than five years below), and each is deleted under the
 * condition that it is still expired, so an item updated meanwhile stays. Scans and deletes are
 * ordinary requests to dynalite's thread, interleaved with the consumers' writes, never blocking
 * them. Deletions reach the indexes as any DeleteItem does.
 */
export class TimeToLiveSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly options: {
      readonly port: number;
      /** The private listener's secret path prefix (`/<secret>`), which it requires. */
      readonly pathPrefix: string;
      readonly agent: Agent;
      readonly specs: TimeToLiveSpecs;
      readonly intervalMs: number;
      /** Epoch seconds now. */
      readonly now: () => number;
      readonly onError: (error: unknown) => void;
      /** Told when a pass ended without error (a failing sweep's recovery). */
      readonly onSwept?: () => void;
    },
  ) {}

  /**
   * Sweeps `intervalMs` after the previous timed pass ended (not on a fixed beat), so on a large
   * table whose pass outlasts the interval passes never pile up behind each other, and sweeping
   * takes at most its share of dynalite's thread.
   */
  start(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.sweepSoon().then(() => this.start()), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over every table, after any pass under way; resolves when it is done. */
  sweepSoon(): Promise<void> {
    this.running = this.running.then(() => this.sweep().then(this.options.onSwept, this.options.onError));
    return this.running;
  }

  private async sweep(): Promise<void> {
    for (const [tableName, spec] of this.options.specs.entries()) {
      if (this.stopped) return;
      const described = await this.call('DescribeTable', { TableName: tableName });
      const table = described.Table as
        | { TableId?: string; KeySchema?: { AttributeName: string }[] }
        | undefined;
      // Deleted (or deleted and created again): its TTL went with it.
      if (table?.TableId !== spec.tableId) {
        this.options.specs.set(tableName, undefined);
        continue;
      }
      await this.sweepTable(
        tableName,
        spec.attributeName,
        (table.KeySchema ?? []).map((key) => key.AttributeName),
      );
    }
  }

  private async sweepTable(tableName: string, attributeName: string, keys: readonly string[]): Promise<void> {
    const now = Math.floor(this.options.now());
    const names = Object.fromEntries([
      ['#ttl', attributeName],
      ...keys.map((key, index) => [`#k${index}`, key]),
    ]);
    const values = { ':now': { N: String(now) }, ':floor': { N: String(now - FIVE_YEARS_SECONDS) } };
    let startKey: unknown;
    do {
      const page = await this.call('Scan', {
        TableName: tableName,
        Limit: PAGE_LIMIT,
        FilterExpression: '#ttl < :now AND #ttl >= :floor',
        ProjectionExpression: keys.map((_key, index) => `#k${index}`).join(', '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      });
      for (const key of (page.Items ?? []) as unknown[]) {
        await this.deleteIfExpired(tableName, key, attributeName, now);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined && !this.stopped);
  }

  private async deleteIfExpired(
    tableName: string,
    key: unknown,
    attributeName: string,
    now: number,
  ): Promise<void> {
    const answer = await dynaliteRequest({
      ...this.options,
      operation: 'DeleteItem',
      input: {
        TableName: tableName,
        Key: key,
        ConditionExpression: '#ttl < :now',
        ExpressionAttributeNames: { '#ttl': attributeName },
        ExpressionAttributeValues: { ':now': { N: String(now) } },
      },
    });
    const type = String(answer.body.__type ?? '');
    if (answer.status !== 200 && !type.endsWith('#ConditionalCheckFailedException')) {
      throw new Error(`TTL delete in ${tableName} failed: ${type} ${String(answer.body.message ?? '')}`);
    }
  }

  private async call(operation: string, input: unknown): Promise<Record<string, unknown>> {
    const answer = await dynaliteRequest({ ...this.options, operation, input });
    if (answer.status === 200) return answer.body;
    if (operation === 'DescribeTable' && String(answer.body.__type).endsWith('#ResourceNotFoundException'))
      return {};
    throw new Error(
      `TTL ${operation} failed: ${String(answer.body.__type)} ${String(answer.body.message ?? '')}`,
    );
  }
}
