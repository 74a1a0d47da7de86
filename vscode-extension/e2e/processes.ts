// Every process the end-to-end run starts is recorded here by PID, with its whole tree, and ended by PID at the
// end: never by name. code-server's extension host outlives the browser (it waits hours for a reconnection),
// so the tree is collected before anything is killed.
import * as fs from 'node:fs';

interface Recorded {
  readonly pid: number;
  readonly startTime: string;
  readonly what: string;
}

export class ProcessRegistry {
  private readonly recorded = new Map<number, Recorded>();

  /** Records a process this run started (and, when it ends, its descendants). */
  add(pid: number | undefined, what: string): void {
    if (pid === undefined) {
      throw new Error(`${what} did not start`);
    }
    const startTime = startTimeOf(pid);
    if (startTime !== undefined) {
      this.recorded.set(pid, { pid, startTime, what });
    }
  }

  /** Records the current children of `parent` (e.g. the browser this process launched) as `what`. */
  addChildrenOf(parent: number, what: string, except: ReadonlySet<number> = new Set()): number[] {
    const kids = childrenOf(parent).filter(p => !except.has(p) && !this.recorded.has(p));
    kids.forEach(k => this.add(k, what));
    return kids;
  }

  pids(): number[] {
    return [...this.recorded.keys()];
  }

  /**
   * Ends every recorded process and every descendant it has now: SIGTERM, then SIGKILL after a grace period.
   * A PID is only signalled while it still names the same process (same start time). Returns what was ended.
   */
  async killAll(graceMillis = 3000): Promise<string[]> {
    const targets = new Map<number, Recorded>();
    for (const r of this.recorded.values()) {
      if (startTimeOf(r.pid) !== r.startTime) {
        continue;
      }
      targets.set(r.pid, r);
      for (const d of descendantsOf(r.pid)) {
        const st = startTimeOf(d);
        if (st !== undefined && !targets.has(d)) {
          targets.set(d, { pid: d, startTime: st, what: `child of ${r.what}` });
        }
      }
    }
    const alive = () => [...targets.values()].filter(t => startTimeOf(t.pid) === t.startTime);
    const signal = (sig: NodeJS.Signals) => alive().forEach(t => { try { process.kill(t.pid, sig); } catch { /* gone */ } });
    signal('SIGTERM');
    const deadline = Date.now() + graceMillis;
    while (alive().length > 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 100));
    }
    signal('SIGKILL');
    await new Promise(r => setTimeout(r, 200));
    const left = alive();
    if (left.length > 0) {
      throw new Error(`processes still running after SIGKILL: ${left.map(t => t.pid).join(', ')}`);
    }
    this.recorded.clear();
    return [...targets.values()].map(t => `${t.pid} (${t.what})`);
  }
}

function statOf(pid: number): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after its last ')'.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function startTimeOf(pid: number): string | undefined {
  const f = statOf(pid);
  // Field 22 of /proc/PID/stat (starttime); index 19 after the name. A zombie counts as ended.
  return f === undefined || f[0] === 'Z' ? undefined : f[19];
}

export function childrenOf(parent: number): number[] {
  const kids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid > 0) {
      const f = statOf(pid);
      if (f !== undefined && Number(f[1]) === parent) {
        kids.push(pid);
      }
    }
  }
  return kids;
}

function descendantsOf(root: number): number[] {
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const p = queue.shift()!;
    for (const k of childrenOf(p)) {
      out.push(k);
      queue.push(k);
    }
  }
  return out;
}
