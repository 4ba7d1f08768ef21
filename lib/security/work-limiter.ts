/**
 * A cap on how much of one kind of expensive work a process runs at once, with a short queue: beyond it the
 * caller is told "busy" at once (BusyError) instead of waiting behind everyone else. It protects this process's
 * CPU, so it is per process on purpose; limits that several instances must share live in PostgreSQL.
 */

export class BusyError extends Error {
  constructor() {
    super("The server is busy. Try again in a few seconds.");
    this.name = "BusyError";
  }
}

export type WorkLimiter = {
  /** Runs `task` when a slot is free. `mayRefuse: false` queues even past the limit (work that must happen). */
  run<T>(task: () => Promise<T>, options?: { mayRefuse?: boolean }): Promise<T>;
  load(): { running: number; queued: number };
};

export function createWorkLimiter({ concurrency, maxQueue }: { concurrency: number; maxQueue: number }): WorkLimiter {
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };

  return {
    async run(task, { mayRefuse = true } = {}) {
      if (running >= concurrency) {
        if (mayRefuse && waiting.length >= maxQueue) throw new BusyError();
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
    load: () => ({ running, queued: waiting.length }),
  };
}
