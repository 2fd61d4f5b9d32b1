/**
 * A child process a test started (the app's server, nginx): what it printed, whether it has
 * exited or failed to start, and a stop that ends it for sure. Children still running when the
 * test process exits are signalled then, so no server outlives its test run.
 *
 * A child spawned `detached` leads a process group of its own (the app's server: tsx, the
 * cluster's primary and its workers); with `processGroup: true` what is left of the group after
 * the leader exits is killed too, and `kill` signals the whole group at once, as a crash would.
 */
import type { ChildProcess } from "node:child_process";
import { processGroupMembers } from "../../scripts/process-group";

export { processGroupMembers };

export type WatchedChild = {
  /** stdout and stderr interleaved (the last `keepBytes`). */
  output(): string;
  /** stderr alone (the last `keepBytes`). */
  stderr(): string;
  /** How it ended, or null while it runs. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Why it could not be started, or null. */
  spawnError(): Error | null;
  /**
   * SIGTERM (to the child alone), then SIGKILL after `graceMs` (to its group, with
   * `processGroup`); resolves once it is gone, and with `processGroup` its whole group.
   */
  stop(graceMs: number): Promise<void>;
  /** `signal` to the whole process group at once; resolves once every process in it is gone. Needs `processGroup`. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** The processes in the child's group now (the child itself among them while it runs); [] without `processGroup`. */
  groupPids(): number[];
};

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: nobody is left in it.
  }
}

async function groupGone(pgid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (processGroupMembers(pgid).length > 0) {
    if (Date.now() > deadline)
      throw new Error(`process group ${pgid} still has ${processGroupMembers(pgid).join(", ")} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Children still running, with the signal each should get if the test process exits first. */
const running = new Map<ChildProcess, { signal: NodeJS.Signals; group: boolean }>();
let exitHookInstalled = false;

/**
 * Watches `child`. `onExitSignal` is what it gets if the test process exits while it runs:
 * SIGKILL for our server, SIGTERM for nginx (a killed master leaves its workers listening).
 */
export function watchChild(
  child: ChildProcess,
  opts: { keepBytes: number; onExitSignal: NodeJS.Signals; processGroup?: boolean },
): WatchedChild {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const [c, { signal, group }] of running) {
        if (group && c.pid !== undefined) signalGroup(c.pid, signal);
        else c.kill(signal);
      }
    });
  }
  const group = Boolean(opts.processGroup);
  running.set(child, { signal: opts.onExitSignal, group });

  let output = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output = (output + chunk).slice(-opts.keepBytes);
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    output = (output + chunk).slice(-opts.keepBytes);
    stderr = (stderr + chunk).slice(-opts.keepBytes);
  });
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  let spawnError: Error | null = null;
  const exitPromise = new Promise<void>((r) => {
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      running.delete(child);
      r();
    });
  });
  child.once("error", (error) => {
    spawnError = error;
    running.delete(child);
  });

  return {
    output: () => output,
    stderr: () => stderr,
    exited: () => exited,
    spawnError: () => spawnError,
    stop: async (graceMs) => {
      if (spawnError !== null) return;
      const pgid = child.pid;
      if (exited === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => (group && pgid !== undefined ? signalGroup(pgid, "SIGKILL") : child.kill("SIGKILL")), graceMs);
        await exitPromise;
        clearTimeout(timer);
      }
      if (group && pgid !== undefined && processGroupMembers(pgid).length > 0) {
        // The leader is gone but not all it started: end the rest (a test can look first, with groupPids).
        signalGroup(pgid, "SIGKILL");
        await groupGone(pgid);
      }
    },
    kill: async (signal) => {
      if (!group || child.pid === undefined) throw new Error("kill() needs a child watched with processGroup: true");
      signalGroup(child.pid, signal);
      await exitPromise;
      await groupGone(child.pid);
    },
    groupPids: () => (group && child.pid !== undefined ? processGroupMembers(child.pid) : []),
  };
}
