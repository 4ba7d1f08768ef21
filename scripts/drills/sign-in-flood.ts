/**
 * `npm run drill:sign-in-flood`: can anyone stall the server through the sign-in form? (issue 20, finding 3)
 *
 *   npm run drill:sign-in-flood
 *   npm run drill:sign-in-flood -- --attempts 40 --rounds 3
 *
 * On its own throwaway database and `next start` (it builds when there is no build). Each round sends --attempts
 * sign-ins at once, each with a fresh email and a fresh X-Forwarded-For (so neither the per-account nor the
 * per-address limit applies: the server trusts its loopback peer as a proxy here), and 100 ms later a signed-in
 * staff member loads /dashboard. It prints how long the flood took, how each attempt was answered, and how long the
 * staff page took. Exits 1 when the staff page took longer than --budget ms in the median round.
 * Not for CI: it loads both cores, and timings on a shared machine are noisy.
 */
import { DEMO_PASSWORD } from "@/prisma/seed";
import { signIn } from "../lib/app-server";
import { parseNumberFlags, startDrill } from "./shared";

const USAGE = "Flags: --attempts N --rounds N --budget MS (see the header of scripts/drills/sign-in-flood.ts).";
const log = (line: string) => console.log(`[drill] ${line}`);

type Round = { floodMs: number; staffMs: number; staffStatus: number; outcomes: Record<string, number> };

async function csrf(base: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

/** One sign-in with a wrong password for a fresh email, answered as next-auth's client reads it. */
async function attempt(base: string, form: { token: string; cookie: string }, email: string, address: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: form.cookie, "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken: form.token, email, password: "not-the-password-at-all", json: "true" }),
  });
  const text = await res.text();
  let url = res.headers.get("location") ?? "";
  try {
    url = (JSON.parse(text) as { url?: string }).url ?? url;
  } catch {
    /* not JSON */
  }
  const error = url ? new URL(url, base).searchParams.get("error") : null;
  return `${res.status} ${error ?? "no error"}`.replace(/:\d+$/, "");
}

async function round(base: string, staffCookie: string, attempts: number, index: number): Promise<Round> {
  const form = await csrf(base);
  const stamp = `${Date.now().toString(36)}-${index}`;
  const started = performance.now();
  const flood = Promise.all(
    Array.from({ length: attempts }, (_, i) => attempt(base, form, `flood-${stamp}-${i}@example.test`, `203.0.${113 + (index % 2)}.${(i % 250) + 1}`)),
  ).then((answers) => ({ answers, ms: performance.now() - started }));
  await new Promise((r) => setTimeout(r, 100));
  const staffStarted = performance.now();
  const staff = await fetch(`${base}/dashboard`, { headers: { cookie: staffCookie }, redirect: "manual" });
  await staff.arrayBuffer();
  const staffMs = performance.now() - staffStarted;
  const { answers, ms } = await flood;
  const outcomes: Record<string, number> = {};
  for (const a of answers) outcomes[a] = (outcomes[a] ?? 0) + 1;
  return { floodMs: ms, staffMs, staffStatus: staff.status, outcomes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const args = parseNumberFlags(process.argv.slice(2), { attempts: 40, rounds: 3, budget: 1000 }, USAGE);
  const drill = await startDrill("sign-in-flood", log, { TRUSTED_PROXIES: "127.0.0.1,::1" });
  try {
    const base = drill.app.base;
    const staffCookie = await signIn(base, "editor@dateline.test", DEMO_PASSWORD);
    await (await fetch(`${base}/dashboard`, { headers: { cookie: staffCookie } })).arrayBuffer(); // warm
    const quiet = performance.now();
    await (await fetch(`${base}/dashboard`, { headers: { cookie: staffCookie } })).arrayBuffer();
    log(`staff /dashboard with no flood: ${Math.round(performance.now() - quiet)} ms`);
    const rounds: Round[] = [];
    for (let i = 0; i < args.rounds; i++) {
      const r = await round(base, staffCookie, args.attempts, i);
      rounds.push(r);
      log(`round ${i + 1}: ${args.attempts} sign-ins in ${Math.round(r.floodMs)} ms; staff /dashboard ${r.staffStatus} in ${Math.round(r.staffMs)} ms; answers ${JSON.stringify(r.outcomes)}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    const staff = median(rounds.map((r) => r.staffMs));
    log(`median: flood ${Math.round(median(rounds.map((r) => r.floodMs)))} ms, staff page ${Math.round(staff)} ms (budget ${args.budget} ms)`);
    process.exitCode = staff > args.budget ? 1 : 0;
  } finally {
    await drill.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[drill] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
