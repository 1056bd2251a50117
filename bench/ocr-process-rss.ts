// Resident memory of this process together with its child processes (the native engine's
// `tesseract` runs, one per page), sampled from /proc: process.memoryUsage() sees only Node itself.
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeRss {
  /** Highest RSS of this Node process alone, MB. */
  peakSelfMb: number;
  /** Highest sum over this process and all its descendants at one sample, MB. */
  peakTreeMb: number;
  /** Highest RSS of any one descendant process, MB (0 when none was seen). */
  peakChildMb: number;
  /** Descendant processes seen while sampling. */
  children: number;
}

/** pid -> parent pid of every process readable in /proc. */
function parentTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      // Field 2 (comm) may hold spaces and parentheses: count fields after its closing parenthesis.
      table.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** RSS in MB, or null when the process has ended. */
function rssMb(pid: number): number | null {
  try {
    return (Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * 4096) / 2 ** 20;
  } catch {
    return null;
  }
}

/**
 * Samples every `everyMs` until stop(); without /proc (not Linux) only this process is measured.
 * Reading /proc is not free (every process's stat file): at 4 samples a second it cost the measured
 * pipeline 5 % of a core, so the default is one a second (the engines' memory changes slowly).
 */
export function sampleTreeRss(everyMs = 1000): { stop(): TreeRss } {
  const out: TreeRss = { peakSelfMb: 0, peakTreeMb: 0, peakChildMb: 0, children: 0 };
  const seen = new Set<number>();
  const hasProc = (() => {
    try {
      readFileSync('/proc/self/statm');
      return true;
    } catch {
      return false;
    }
  })();
  const sample = () => {
    const self = process.memoryUsage.rss() / 2 ** 20;
    out.peakSelfMb = Math.max(out.peakSelfMb, self);
    let tree = self;
    if (hasProc) {
      const table = parentTable();
      const ours = new Set([process.pid]);
      // Parents have lower pids almost always, but not after wrap-around: repeat until nothing is added.
      for (let grew = true; grew; ) {
        grew = false;
        for (const [pid, ppid] of table)
          if (!ours.has(pid) && ours.has(ppid)) ours.add(pid), (grew = true);
      }
      for (const pid of ours) {
        if (pid === process.pid) continue;
        const mb = rssMb(pid);
        if (mb === null) continue;
        tree += mb;
        out.peakChildMb = Math.max(out.peakChildMb, mb);
        seen.add(pid);
      }
    }
    out.peakTreeMb = Math.max(out.peakTreeMb, tree);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...out, children: seen.size };
    },
  };
}
