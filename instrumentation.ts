/**
 * Runs once when a Next server starts (Node runtime only; never during `next build`): records each request's socket
 * address for the client-address check (lib/security/peer-header.ts), lets reader pages in a few at a time so staff
 * never queue behind them (lib/traffic/reader-queue.ts), answers kept Content API answers before Next
 * (lib/api/front.ts), and starts the scheduler, whose newsletter lanes finish their copies in flight before the
 * process exits on SIGTERM (lib/jobs/graceful-stop.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installPeerHeader } = await import("@/lib/security/peer-header");
  installPeerHeader();
  const [{ installReaderQueue }, { getEnv }] = await Promise.all([import("@/lib/traffic/reader-queue"), import("@/lib/env")]);
  installReaderQueue(getEnv().readerConcurrency);
  const { installApiFront } = await import("@/lib/api/front");
  installApiFront();
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  startScheduler();
  const { installGracefulStop } = await import("@/lib/jobs/graceful-stop");
  installGracefulStop();
}
