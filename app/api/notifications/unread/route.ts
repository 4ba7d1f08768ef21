/**
 * GET /api/notifications/unread — the staff header's periodic check (components/layout/unread-poller.ts): the
 * signed-in person's unread count, one indexed count query. Answers 200 { unread, countedAt } (ms since the epoch),
 * 401 signed out; never cached.
 */
import { NextResponse } from "next/server";
import { failure } from "@/lib/actions/result";
import { getCurrentUser } from "@/lib/auth/session";
import { readUnreadCount } from "@/lib/data/notifications/inbox";

const PRIVATE = { "cache-control": "private, no-store" };

export async function GET() {
  try {
    const user = await getCurrentUser();
    if (!user) return NextResponse.json({ ok: false, status: 401, message: "Your session has ended. Sign in again." }, { status: 401, headers: PRIVATE });
    return NextResponse.json(await readUnreadCount(user), { headers: PRIVATE });
  } catch (error) {
    const result = failure(error);
    return NextResponse.json(result, { status: result.status, headers: PRIVATE });
  }
}
