import { readdirSync, readFileSync } from 'node:fs';

/** The fields of a /proc `stat` file after the command name (which may hold spaces), and that name. */
function stat(pid: number, file = `/proc/${pid}/stat`): { name: string; fields: string[] } | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    return { name, fields: text.slice(text.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds from a `stat` file's fields; NaN without them (off Linux). */
function cpuSeconds(fields: readonly string[] | undefined): number {
  // Fields after the command name start at `state`; utime and stime are 14 and 15.
  if (fields === undefined) return Number.NaN;
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; NaN off Linux. */
export function processCpuSeconds(pid: number): number {
  return cpuSeconds(stat(pid)?.fields);
}

/**
 * CPU seconds used by the live descendants of `root` whose command name matches `name` (a
 * browser's many processes, say); NaN off Linux. Processes that ended are not counted.
 */
export function descendantsCpuSeconds(root: number, name: RegExp): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return Number.NaN;
  }
  const children = new Map<number, { pid: number; name: string }[]>();
  for (const pid of pids) {
    const info = stat(pid);
    if (info === undefined) continue;
    const parent = Number(info.fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), { pid, name: info.name }]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      queue.push(child.pid);
      if (name.test(child.name)) total += processCpuSeconds(child.pid) || 0;
    }
  }
  return total;
}

/**
 * CPU seconds (user + system) one thread of a process has used, from /proc/<pid>/task/<tid>/stat
 * (the main thread's tid is the pid); NaN off Linux. The stack's metrics run on its main thread,
 * so this leaves out the table store's worker and libuv's pool, whose noise is not metrics'.
 */
export function threadCpuSeconds(pid: number, tid = pid): number {
  return cpuSeconds(stat(pid, `/proc/${pid}/task/${tid}/stat`)?.fields);
}
