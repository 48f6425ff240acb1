import {
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  type DescribeReplayCommandOutput,
  DescribeRuleCommand,
  type EventBridgeClient,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { defaultArchive } from '../../../../rules/catalog/index.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import {
  type Connection,
  connectionOptions,
  eventBridgeClient,
  explainFailure,
  resolveConnection,
} from '../connection.js';
import { callLocalApi } from '../local-api-client.js';
import { parseFlags } from '../parse-flags.js';
import { progressBar } from '../progress-bar.js';
import { readTime } from '../read-value.js';

interface ReplayPlan {
  readonly name: string;
  readonly bus: string;
  readonly archive: string;
  readonly rules: readonly string[];
  readonly from: Date;
  readonly to: Date;
  readonly intervalMs: number;
}

function readPlan(args: readonly string[]) {
  const { values } = parseFlags('replay', args, {
    ...connectionOptions,
    from: { type: 'string' },
    to: { type: 'string' },
    rule: { type: 'string', multiple: true },
    name: { type: 'string' },
    bus: { type: 'string' },
    archive: { type: 'string' },
    'no-wait': { type: 'boolean' },
    'interval-ms': { type: 'string' },
  });
  if (values.from === undefined || values.to === undefined) {
    throw new CliError('give the window with --from <time> and --to <time>.');
  }
  const bus = values.bus ?? 'trackbridge';
  const plan: ReplayPlan = {
    name: values.name ?? `replay-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    bus,
    archive: values.archive ?? defaultArchive(bus).name,
    rules: values.rule ?? [],
    from: readTime(values.from, '--from'),
    to: readTime(values.to, '--to'),
    intervalMs: Number(values['interval-ms'] ?? 500),
  };
  return { plan, values };
}

/** ARNs of the archive, the bus and each rule, looked up by name (this works on AWS too). */
async function start(client: EventBridgeClient, plan: ReplayPlan) {
  const { ArchiveArn } = await client.send(new DescribeArchiveCommand({ ArchiveName: plan.archive }));
  const { Arn: busArn } = await client.send(new DescribeEventBusCommand({ Name: plan.bus }));
  const filterArns: string[] = [];
  for (const rule of plan.rules) {
    const { Arn } = await client.send(new DescribeRuleCommand({ Name: rule, EventBusName: plan.bus }));
    filterArns.push(Arn ?? '');
  }
  return client.send(
    new StartReplayCommand({
      ReplayName: plan.name,
      EventSourceArn: ArchiveArn,
      EventStartTime: plan.from,
      EventEndTime: plan.to,
      Destination: { Arn: busArn, ...(filterArns.length > 0 ? { FilterArns: filterArns } : {}) },
    }),
  );
}

function fractionDone(plan: ReplayPlan, replay: DescribeReplayCommandOutput): number {
  if (replay.State === 'COMPLETED') return 1;
  const last = replay.EventLastReplayedTime?.getTime();
  const span = plan.to.getTime() - plan.from.getTime();
  return last === undefined ? 0 : (last - plan.from.getTime()) / span;
}

interface ReplayCounts {
  readonly replayed: number;
  readonly total: number;
}

/** Event counts of a local replay (AWS reports none). */
async function localCounts(connection: Connection, name: string): Promise<ReplayCounts | undefined> {
  if (!connection.local) return undefined;
  return callLocalApi<ReplayCounts>(connection, { path: `replays/${name}` });
}

const emptyWindowHint =
  "No archived event has a `time` in this window: the window is compared with the envelope's `time` " +
  "(the entry's Time, or when PutEvents accepted it), not with the detail's occurredAt.\n";

const finalStates = new Set(['COMPLETED', 'CANCELLED', 'FAILED']);

/** Polls DescribeReplay, redrawing a progress bar, until the replay ends; returns its last description. */
async function follow(client: EventBridgeClient, connection: Connection, plan: ReplayPlan, io: CliIo) {
  let lastLine = '';
  for (;;) {
    const replay = await client.send(new DescribeReplayCommand({ ReplayName: plan.name }));
    const counts = await localCounts(connection, plan.name);
    const countText = counts === undefined ? '' : ` ${counts.replayed}/${counts.total} events`;
    const line = `${progressBar(fractionDone(plan, replay))} ${replay.State}${countText}`;
    if (io.isTty) io.out(`\r${line}`);
    else if (line !== lastLine) io.out(`${line}\n`);
    lastLine = line;
    if (finalStates.has(replay.State ?? '')) {
      if (io.isTty) io.out('\n');
      if (replay.State === 'COMPLETED' && counts?.total === 0) io.out(emptyWindowHint);
      return replay;
    }
    await new Promise((resolve) => setTimeout(resolve, plan.intervalMs));
  }
}

/**
 * `trackbridge replay`: starts a replay of the archive over a time window (by the events' `time`),
 * optionally through chosen rules only (FilterArns), then shows its progress until it ends. With
 * the local stack the bar also counts events; AWS reports only the last replayed event time.
 */
export async function runReplayCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { plan, values } = readPlan(args);
  const connection = resolveConnection(values, io.env);
  const client = eventBridgeClient(connection);
  try {
    const started = await start(client, plan);
    io.out(
      `Started ${plan.name} (${started.ReplayArn}): ${plan.from.toISOString()} to ${plan.to.toISOString()}${plan.rules.length > 0 ? ` through ${plan.rules.join(', ')}` : ' through every rule'}\n`,
    );
    if (values['no-wait']) return exitCodes.ok;
    const ended = await follow(client, connection, plan, io);
    const seconds =
      ((ended.ReplayEndTime?.getTime() ?? Date.now()) - (ended.ReplayStartTime?.getTime() ?? 0)) / 1000;
    const reason = ended.StateReason === undefined ? '' : `: ${ended.StateReason}`;
    io.out(`${ended.State} in ${seconds.toFixed(1)} s${reason}\n`);
    return ended.State === 'COMPLETED' ? exitCodes.ok : exitCodes.failed;
  } catch (error) {
    throw explainFailure(error, connection);
  } finally {
    client.destroy();
  }
}
