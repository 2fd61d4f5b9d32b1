import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt from node:crypto: slow, salted, memory-hard, and no native dependency to build.
 * Stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later without a migration.
 */
const PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

type Params = { N: number; r: number; p: number };

/**
 * Hashing is deliberately expensive (~100 ms of a core). At most this many run at once, so a
 * flood of sign-in attempts takes one core, not every core, from the people using the app; at
 * most `MAX_WAITING_HASHES` wait for a turn, and beyond that an attempt is turned away at once.
 * In the production server's workers the turns are the whole cluster's, kept by the primary
 * (`serveHashingTurns`): one hash at a time across every worker, not one per worker.
 */
export const MAX_CONCURRENT_HASHES = 1;
export const MAX_WAITING_HASHES = 16;

export class HashingBusyError extends Error {
  constructor() {
    super("Too many sign-ins are being checked right now.");
  }
}

/** The queue of hashing turns: this process's own, or in the cluster's primary, every worker's. */
export class HashingTurns<Who> {
  private running = 0;
  private readonly waiting: Array<{ who: Who; go: () => void }> = [];

  /** `go` is called when it is `who`'s turn; false (and `go` never called) when turned away. */
  ask(who: Who, go: () => void, turnAwayWhenBusy: boolean): boolean {
    if (this.running < MAX_CONCURRENT_HASHES) {
      this.running++;
      go();
      return true;
    }
    if (turnAwayWhenBusy && this.waiting.length >= MAX_WAITING_HASHES) return false;
    this.waiting.push({ who, go });
    return true;
  }

  /** A turn is over: hand it straight to the next in line (running stays the same), or free it. */
  done(): void {
    const next = this.waiting.shift();
    if (next) next.go();
    else this.running--;
  }

  /** `who` is gone: its places in line are dropped, and the `held` turns it had are over. */
  forget(who: Who, held: number): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i]!.who === who) this.waiting.splice(i, 1);
    for (let i = 0; i < held; i++) this.done();
  }
}

/** What a worker and the primary say about turns (on the cluster's IPC channel). */
export type HashingTurnMessage =
  | { casaHashingTurn: "ask"; id: number; turnAwayWhenBusy: boolean }
  | { casaHashingTurn: "done" }
  | { casaHashingTurn: "granted" | "busy"; id: number };

function isTurnMessage(message: unknown): message is HashingTurnMessage {
  return typeof message === "object" && message !== null && "casaHashingTurn" in message;
}

/** The environment variable by which the primary tells its workers that it keeps the turns. */
export const SHARED_HASHING_ENV = "CASA_SHARED_HASHING_TURNS";

/** A worker of the cluster, as far as the turns are concerned. */
export type TurnTaker = {
  send(message: HashingTurnMessage, callback: (error: Error | null) => void): unknown;
  on(event: "message", listener: (message: unknown) => void): unknown;
};

/**
 * In the primary: keeps one queue of turns for every worker. Call for each worker when forked;
 * the returned function is for when it exits (what it held or waited for is given up).
 */
export function serveHashingTurns(turns: HashingTurns<TurnTaker>, worker: TurnTaker): () => void {
  let held = 0;
  // A grant the worker can no longer receive (it is exiting) is given back by the exit itself.
  const send = (message: HashingTurnMessage) => worker.send(message, () => {});
  worker.on("message", (message) => {
    if (!isTurnMessage(message)) return;
    if (message.casaHashingTurn === "ask") {
      const { id } = message;
      const go = () => {
        held++;
        send({ casaHashingTurn: "granted", id });
      };
      if (!turns.ask(worker, go, message.turnAwayWhenBusy)) send({ casaHashingTurn: "busy", id });
    } else if (message.casaHashingTurn === "done" && held > 0) {
      held--;
      turns.done();
    }
  });
  return () => {
    turns.forget(worker, held);
    held = 0;
  };
}

type TurnSource = { take(turnAwayWhenBusy: boolean): Promise<void>; giveBack(): void };

/** Turns from this process's own queue. */
function localTurns(): TurnSource {
  const turns = new HashingTurns<null>();
  return {
    take: (turnAwayWhenBusy) =>
      new Promise((go, refuse) => {
        if (!turns.ask(null, go, turnAwayWhenBusy)) refuse(new HashingBusyError());
      }),
    giveBack: () => turns.done(),
  };
}

/** Turns from the primary's queue, over `channel` (this worker's `process`). */
export function turnsFromPrimary(channel: {
  send(message: HashingTurnMessage): unknown;
  on(event: "message", listener: (message: unknown) => void): unknown;
}): TurnSource {
  let lastId = 0;
  const asked = new Map<number, { go: () => void; refuse: (error: Error) => void }>();
  channel.on("message", (message) => {
    if (!isTurnMessage(message) || (message.casaHashingTurn !== "granted" && message.casaHashingTurn !== "busy")) return;
    const ask = asked.get(message.id);
    asked.delete(message.id);
    if (message.casaHashingTurn === "granted") ask?.go();
    else ask?.refuse(new HashingBusyError());
  });
  return {
    take: (turnAwayWhenBusy) =>
      new Promise((go, refuse) => {
        const id = ++lastId;
        asked.set(id, { go, refuse });
        channel.send({ casaHashingTurn: "ask", id, turnAwayWhenBusy });
      }),
    giveBack: () => channel.send({ casaHashingTurn: "done" }),
  };
}

let source: TurnSource | undefined;
function turnSource(): TurnSource {
  const toPrimary = process.send?.bind(process);
  source ??=
    process.env[SHARED_HASHING_ENV] === "1" && toPrimary
      ? turnsFromPrimary({ send: (message) => toPrimary(message), on: (event, listener) => process.on(event, listener) })
      : localTurns();
  return source;
}

async function withHashingSlot<T>(work: () => Promise<T>, turnAwayWhenBusy: boolean): Promise<T> {
  const turns = turnSource();
  await turns.take(turnAwayWhenBusy);
  try {
    return await work();
  } finally {
    turns.giveBack();
  }
}

function derive(password: string, salt: Buffer, { N, r, p }: Params, turnAwayWhenBusy = false): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; node's default ceiling is exactly that for N=2^15, so lift it.
  const maxmem = 256 * N * r;
  return withHashingSlot(
    () =>
      new Promise((ok, fail) => {
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r, p, maxmem }, (err, key) => (err ? fail(err) : ok(key)));
      }),
    turnAwayWhenBusy,
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Checks a password; throws `HashingBusyError` rather than queue behind too many others. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) }, true);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing in particular, checked against when the email is unknown, so timing says nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}
