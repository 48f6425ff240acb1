import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), and that name. */
function stat(pid: number): { name: string; fields: string[] } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    return { name, fields: text.slice(text.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; NaN off Linux. */
export function processCpuSeconds(pid: number): number {
  const fields = stat(pid)?.fields;
  // Fields after the command name start at `state`; utime and stime are 14 and 15.
  if (fields === undefined) return Number.NaN;
  return (Number(fields[11]) + Number(fields[12])) / 100;
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
