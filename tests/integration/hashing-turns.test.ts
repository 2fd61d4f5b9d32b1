/**
 * Password hashing takes turns across the production server's workers: the primary keeps one
 * queue (`serveHashingTurns`) and each worker asks it for a turn (`turnsFromPrimary`), so a flood
 * of sign-ins hashes one at a time in the whole cluster, not one per worker. Here two workers
 * and their primary talk over in-process channels that deliver like IPC, a tick later.
 */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import {
  HashingBusyError,
  HashingTurns,
  MAX_WAITING_HASHES,
  serveHashingTurns,
  turnsFromPrimary,
  type HashingTurnMessage,
  type TurnTaker,
} from "~/server/password.server";

function cluster() {
  const turns = new HashingTurns<TurnTaker>();
  const worker = () => {
    const atPrimary = new EventEmitter();
    const atWorker = new EventEmitter();
    const taker: TurnTaker = {
      send: (message, callback) => {
        setImmediate(() => atWorker.emit("message", message));
        callback(null);
      },
      on: (event, listener) => atPrimary.on(event, listener),
    };
    const exited = serveHashingTurns(turns, taker);
    const source = turnsFromPrimary({
      send: (message: HashingTurnMessage) => setImmediate(() => atPrimary.emit("message", message)),
      on: (event, listener) => atWorker.on(event, listener),
    });
    return { source, exited };
  };
  return { a: worker(), b: worker() };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Whether `promise` has settled (fulfilled or rejected) after a few ticks. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await tick();
  return done;
}

describe("hashing turns across workers", () => {
  it("one worker's turn keeps the other waiting until it is given back", async () => {
    const { a, b } = cluster();
    await a.source.take(true);
    const bTurn = b.source.take(true);
    expect(await settled(bTurn)).toBe(false);
    a.source.giveBack();
    expect(await settled(bTurn)).toBe(true);
    b.source.giveBack();
  });

  it("turns a worker away once the cluster's line is full, whichever worker queued", async () => {
    const { a, b } = cluster();
    await a.source.take(true);
    const waiting = Array.from({ length: MAX_WAITING_HASHES }, (_, i) => (i % 2 ? a : b).source.take(true));
    await tick();
    await expect(b.source.take(true)).rejects.toBeInstanceOf(HashingBusyError);
    await expect(a.source.take(true)).rejects.toBeInstanceOf(HashingBusyError);
    for (let i = 0; i <= MAX_WAITING_HASHES; i++) {
      (i % 2 ? b : a).source.giveBack();
      await tick();
    }
    await Promise.all(waiting);
  });

  it("a worker that dies holding a turn, or waiting for one, does not keep the others waiting", async () => {
    const { a, b } = cluster();
    await a.source.take(true);
    void a.source.take(true);
    const bTurn = b.source.take(true);
    await tick();
    a.exited();
    expect(await settled(bTurn)).toBe(true);
  });
});
