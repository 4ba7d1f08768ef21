/**
 * A throwaway redis-server for tests (Debian's /usr/bin/redis-server, as the cluster uses): a free port on 127.0.0.1,
 * no persistence, stoppable and restartable on the same port to play "Redis went away".
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { waitForTcp } from "../../scripts/cluster/cluster";
import { findFreePort } from "../../scripts/db/embedded";

const BINS = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"];

export type TestRedis = { url: string; port: number; start(): Promise<void>; stop(): Promise<void> };

export function redisServerBinary(): string | null {
  return BINS.find((bin) => existsSync(bin)) ?? null;
}

export async function startTestRedis(): Promise<TestRedis> {
  const bin = redisServerBinary();
  if (!bin) throw new Error("redis-server is not installed (apt-get install -y redis-server)");
  const port = await findFreePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    if (child) return;
    const started = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes"], {
      stdio: "ignore",
    });
    child = started;
    await waitForTcp(port, 10_000, started);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => running.kill("SIGKILL"), 5_000);
      running.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      running.kill("SIGTERM");
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop };
}
