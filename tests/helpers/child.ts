/**
 * A child process a test started (the app's server, nginx): what it printed, whether it has
 * exited or failed to start, and a stop that ends it for sure. Children still running when the
 * test process exits are signalled then, so no server outlives its test run.
 */
import type { ChildProcess } from "node:child_process";

export type WatchedChild = {
  /** stdout and stderr interleaved (the last `keepBytes`). */
  output(): string;
  /** stderr alone (the last `keepBytes`). */
  stderr(): string;
  /** How it ended, or null while it runs. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Why it could not be started, or null. */
  spawnError(): Error | null;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. Does nothing if it is. */
  stop(graceMs: number): Promise<void>;
};

/** Children still running, with the signal each should get if the test process exits first. */
const running = new Map<ChildProcess, NodeJS.Signals>();
let exitHookInstalled = false;

/**
 * Watches `child`. `onExitSignal` is what it gets if the test process exits while it runs:
 * SIGKILL for our server, SIGTERM for nginx (a killed master leaves its workers listening).
 */
export function watchChild(child: ChildProcess, opts: { keepBytes: number; onExitSignal: NodeJS.Signals }): WatchedChild {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const [c, signal] of running) c.kill(signal);
    });
  }
  running.set(child, opts.onExitSignal);

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
      if (exited !== null || spawnError !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}
