/**
 * What an app instance finishes before it exits on SIGTERM or SIGINT (a deploy, a supervisor, `npm run cluster`'s
 * restarts, Ctrl-C): the newsletter lanes record the copies they have in flight and hand the rest back to the queue
 * (stopNewsletterDelivery), so stopping an instance halfway through a send never repeats a copy (decision 0026).
 *
 * Next handles these signals itself: it closes the HTTP server, waits for the requests under way, then calls
 * process.exit. That exit is held here until the stop is done, for at most GRACE_MS; a process still running after
 * that (or killed outright) is a crash, which the send queue's leases recover from. Where nobody else handles the
 * signal, this exits once the stop is done, as the signal would have.
 */
import "server-only";
import { stopNewsletterDelivery } from "@/lib/data/newsletters/delivery";

const GRACE_MS = 5_000;
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

type State = { installed: boolean; stopping: Promise<void> | null };
const state = ((globalThis as { __datelineGracefulStop?: State }).__datelineGracefulStop ??= { installed: false, stopping: null });

function stop(signal: keyof typeof EXIT_CODES): void {
  if (state.stopping) return;
  let timer: NodeJS.Timeout | undefined;
  const stopping = Promise.race([
    stopNewsletterDelivery().catch((error: unknown) => console.error("[dateline] stopping the newsletter lanes failed:", error instanceof Error ? error.message : error)),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, GRACE_MS))),
  ]).finally(() => clearTimeout(timer));
  state.stopping = stopping;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    void stopping.then(() => exit(code));
  }) as typeof process.exit;
  // Only this handler: the signal would have ended the process.
  if (process.listenerCount(signal) === 1) void stopping.then(() => exit(EXIT_CODES[signal]));
}

export function installGracefulStop(): void {
  if (state.installed) return;
  state.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop(signal));
}
