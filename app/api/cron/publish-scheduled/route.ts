/**
 * POST /api/cron/publish-scheduled — lets an outside cron run the scheduler (in addition to the in-server tick).
 * Requires `Authorization: Bearer $CRON_SECRET`; without CRON_SECRET configured the endpoint is off (404).
 */
import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { runSchedulerOnce } from "@/lib/jobs/scheduler";

export const dynamic = "force-dynamic";

function authorized(header: string | null, secret: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function POST(request: Request) {
  const secret = getEnv().cronSecret;
  if (!secret) return NextResponse.json({ message: "The cron endpoint is not configured (set CRON_SECRET)." }, { status: 404 });
  if (!authorized(request.headers.get("authorization"), secret)) return NextResponse.json({ message: "Missing or wrong bearer token." }, { status: 401 });
  const published = await runSchedulerOnce();
  return NextResponse.json({ published });
}
