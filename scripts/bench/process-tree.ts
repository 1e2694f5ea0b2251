/**
 * Runs a command as a child process and measures it: wall time, CPU time and the peak resident
 * memory of the whole process tree (the build may spawn Pagefind, which spawns its binary).
 * Linux only: it reads /proc.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const POLL_MS = 50;
/** USER_HZ: the unit of the /proc CPU times; 100 on every Linux architecture node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface Measured {
  exitCode: number | null;
  wallMs: number;
  /** User + system time of the child and every descendant it waited for. */
  cpuMs: number;
  peakRssBytes: number;
  stdout: string;
  stderr: string;
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback; // the process ended between listing and reading
  }
}

function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  // Each thread has its own children file: a worker thread may be the one that spawned.
  return tasks.flatMap((tid) => readOr(`/proc/${pid}/task/${tid}/children`, "").split(" ").filter(Boolean).map(Number));
}

function treeRssBytes(rootPid: number): number {
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const kib = /VmRSS:\s+(\d+) kB/.exec(readOr(`/proc/${pid}/status`, ""))?.[1];
    total += kib ? Number(kib) * 1024 : 0;
    pending.push(...childrenOf(pid));
  }
  return total;
}

/** CPU time of this process's reaped children (cutime + cstime), in ms. */
function reapedChildrenCpuMs(): number {
  // Fields after the ")" closing the command name; cutime and cstime are fields 16 and 17.
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export function runMeasured(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const cpuBefore = reapedChildrenCpuMs();
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    let peakRssBytes = 0;
    const poll = () => {
      if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, treeRssBytes(child.pid));
    };
    const timer = setInterval(poll, POLL_MS);
    poll();
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (exitCode) => {
      clearInterval(timer);
      resolve({
        exitCode,
        wallMs: performance.now() - started,
        cpuMs: reapedChildrenCpuMs() - cpuBefore,
        peakRssBytes,
        stdout,
        stderr,
      });
    });
  });
}
