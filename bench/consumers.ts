import { arch, cpus, loadavg } from 'node:os';
import { eventEnvelopeSchema } from '../consumers/codegen/event-envelope-schema.js';
import type { ConsumerDefinition, ConsumerHandler, DetailConventions } from '../consumers/pipeline/index.js';
import { loadCatalog, readEventSchema, resolveCatalogPath } from '../rules/catalog/index.js';
import { createConsumerTable, localDocumentClient } from '../test/support/consumer-table.js';
import { startDynalite } from '../test/support/dynalite-server.js';
import { useLocalAwsEnv } from '../test/support/local-aws-env.js';
import { bundleHandler, bundleRuntimeAjv, coldLoadMs, coldRequireMs } from './consumers/cold-load.js';
import { handlerTimes, prepareTime, validEvents } from './consumers/per-event.js';

const COLD_RUNS = 15;
const HANDLER_EVENTS = 1000;
const WARM_UP_EVENTS = 100;
const PREPARE_EVENTS = 10_000;
const SDK = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'];

type ConsumerModule = { handler: ConsumerHandler } & Record<string, ConsumerDefinition<DetailConventions>>;

/**
 * `npm run bench -- consumers`: per consumer, the cold load of its deployed bundle (fresh
 * processes), the handler's time per event against dynalite, and validation + normalization alone.
 * Prints a Markdown table for BENCHMARKS.md.
 */
export async function run(): Promise<void> {
  useLocalAwsEnv();
  const server = await startDynalite();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = server.endpoint;
  process.env.TABLE_NAME = 'trackbridge-bench';
  await createConsumerTable(localDocumentClient(server.endpoint), 'trackbridge-bench');
  const sdkMs = coldRequireMs(SDK, COLD_RUNS);
  const rows: string[] = [];
  try {
    for (const entry of loadCatalog()) {
      const bundle = await bundleHandler(entry.consumer.name, entry.consumer.entry);
      const total = coldLoadMs(bundle, { runs: COLD_RUNS });
      const own = coldLoadMs(bundle, { runs: COLD_RUNS, preload: SDK });
      const schema = eventEnvelopeSchema(readEventSchema(entry.schema.file));
      const runtimeAjv = coldLoadMs(await bundleRuntimeAjv(entry.consumer.name, schema), { runs: COLD_RUNS });
      const module = (await import(resolveCatalogPath(entry.consumer.entry))) as ConsumerModule;
      const definition = Object.values(module).find(
        (value) => typeof value === 'object' && 'validator' in value,
      );
      if (definition === undefined) throw new Error(`${entry.consumer.entry} exports no consumer definition`);
      await handlerTimes(module.handler, validEvents(entry, WARM_UP_EVENTS));
      const perEvent = await handlerTimes(module.handler, validEvents(entry, HANDLER_EVENTS));
      const prepare = prepareTime(definition, validEvents(entry, PREPARE_EVENTS), 20);
      rows.push(
        `| ${entry.consumer.name} | ${fmt(total)} | ${fmt(own)} | ${fmt(runtimeAjv)} | ${fmt(perEvent.median)} | ${fmt(perEvent.p99)} | ${fmt(prepare * 1000, 1)} |`,
      );
    }
  } finally {
    await server.close();
  }
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${arch()}, Node ${process.version}`;
  process.stdout.write(
    [
      `Consumers on ${machine}, ${new Date().toISOString().slice(0, 10)}, load average ${fmt(loadavg()[0] ?? 0)}; AWS SDK alone loads in ${fmt(sdkMs)} ms.`,
      '',
      '| consumer | cold load, ms | cold load without SDK, ms | runtime ajv instead, ms | handler median, ms | handler p99, ms | validate + normalize, µs/event |',
      '| --- | --: | --: | --: | --: | --: | --: |',
      ...rows,
      '',
    ].join('\n'),
  );
}

function fmt(value: number, digits = 2): string {
  return value.toFixed(digits);
}
