/**
 * A newsletter worker in a process of its own, for the crash test (tests/data/newsletter-delivery.test.ts) and the
 * send benchmark (scripts/bench/send.ts): it works the send queue as an app instance's scheduler does, until it is
 * stopped. Run with `node --conditions=react-server --import tsx` (the data layer's modules are server-only, as
 * inside Next). SIGTERM stops it as it stops an app instance (the lanes record their copies in flight and hand back
 * the rest), then exits normally, so that `--cpu-prof` writes its profile (bench --cpu-prof). SIGKILL is a crash.
 */
import { deliverNewsletterSends, stopNewsletterDelivery } from "@/lib/data/newsletters/delivery";

async function main() {
  for (;;) {
    const tally = await deliverNewsletterSends();
    if (tally.sent + tally.failed + tally.suppressed + tally.retry === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

void main();

process.on("SIGTERM", () => void stopNewsletterDelivery().finally(() => process.exit(0)));
