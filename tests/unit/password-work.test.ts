/**
 * Password hashing must not stall the server (issue 20, finding 3): bcrypt runs off the main thread, a bounded
 * number at a time, and beyond a bounded queue the answer is "busy" at once. No timing budgets here: the checks
 * count event-loop turns and slots, which hold on a loaded machine.
 */
import { describe, expect, it } from "vitest";
import { hashPassword, hasPasswordWorkRoom, passwordWorkLoad, PASSWORD_WORK, verifyPassword } from "@/lib/auth/password";
import { BusyError, createWorkLimiter } from "@/lib/security/work-limiter";

/** Counts event-loop turns (setImmediate callbacks) until `work` settles. */
async function loopTurnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  await work.finally(() => {
    done = true;
  });
  return turns;
}

describe("password hashing off the main thread", () => {
  it("keeps the event loop turning while verifications run, for known and unknown emails alike", async () => {
    const hash = await hashPassword("a-long-enough-password-1", 12);
    const work = Promise.all([
      verifyPassword("a-long-enough-password-1", hash),
      verifyPassword("wrong-password-for-known", hash),
      verifyPassword("any-password-unknown-email", null),
      verifyPassword("any-password-unknown-email", undefined),
    ]);
    const turns = await loopTurnsDuring(work);
    expect(await work).toEqual([true, false, false, false]);
    // Four cost-12 bcrypts are about a second of CPU. Run on the main thread (bcryptjs), the loop turns once per
    // 100 ms slice of every running hash: a handful of turns in all. Off the main thread it turns freely.
    expect(turns).toBeGreaterThan(500);
  });

  it("sends an unknown email's comparison through the same slots as a real one (equal cost, equally bounded)", async () => {
    const before = passwordWorkLoad();
    const pending = verifyPassword("any-password-unknown-email", null);
    const during = passwordWorkLoad();
    expect(during.running + during.queued).toBe(before.running + before.queued + 1);
    expect(await pending).toBe(false);
  });

  it("is bounded: at most a few at once, a short queue, then refused at once", async () => {
    expect(PASSWORD_WORK.concurrency).toBeGreaterThanOrEqual(1);
    expect(PASSWORD_WORK.concurrency).toBeLessThanOrEqual(4);
    expect(PASSWORD_WORK.maxQueue).toBeLessThanOrEqual(64);
    const room = PASSWORD_WORK.concurrency + PASSWORD_WORK.maxQueue;
    const runs = Array.from({ length: room + 3 }, () => verifyPassword("any-password-unknown-email", null).then(() => "checked", (error: Error) => error.name));
    expect(hasPasswordWorkRoom()).toBe(false);
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o === "checked")).toHaveLength(room);
    expect(outcomes.filter((o) => o === "BusyError")).toHaveLength(3);
    expect(hasPasswordWorkRoom()).toBe(true);
  });
});

describe("createWorkLimiter", () => {
  function deferred() {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it("runs at most `concurrency` tasks at once, queues up to `maxQueue`, and refuses beyond", async () => {
    const limiter = createWorkLimiter({ concurrency: 2, maxQueue: 2 });
    const gates = Array.from({ length: 4 }, deferred);
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.load()).toEqual({ running: 2, queued: 2 });
    await expect(limiter.run(async () => 99)).rejects.toBeInstanceOf(BusyError);

    gates[0]!.resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.reject(new Error("boom"));
    await expect(runs[1]).rejects.toThrow("boom");
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2, 3]); // a failed task frees its slot too
    gates[2]!.resolve();
    gates[3]!.resolve();
    expect(await Promise.all([runs[2], runs[3]])).toEqual([2, 3]);
    expect(limiter.load()).toEqual({ running: 0, queued: 0 });
  });

  it("queues without refusing when asked (work that must be done, such as hashing a new password)", async () => {
    const limiter = createWorkLimiter({ concurrency: 1, maxQueue: 0 });
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    await expect(limiter.run(async () => 1)).rejects.toBeInstanceOf(BusyError);
    const second = limiter.run(async () => 2, { mayRefuse: false });
    gate.resolve();
    await first;
    expect(await second).toBe(2);
  });
});

describe("a busy answer in a form", () => {
  it("becomes a 503 saying to try again, not a 500", async () => {
    const { failure } = await import("@/lib/actions/result");
    expect(failure(new BusyError())).toEqual({ ok: false, status: 503, message: "The server is busy. Try again in a few seconds." });
  });
});
