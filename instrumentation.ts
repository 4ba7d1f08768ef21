/** Runs once when a Next server starts: starts the scheduler (Node runtime only; never during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  startScheduler();
}
