"use server";

/** Who else has the article open in the editor: heartbeat, take over, leave (lib/data/presence). */
import { requireUser } from "@/lib/auth/session";
import { Id, run } from "@/lib/actions/run";
import { heartbeat, leave, takeOver } from "@/lib/data/presence";

export async function heartbeatAction(articleId: string) {
  const user = await requireUser();
  return run(async () => heartbeat(user, Id.parse(articleId)));
}

export async function takeOverAction(articleId: string) {
  const user = await requireUser();
  return run(async () => takeOver(user, Id.parse(articleId)));
}

export async function leaveAction(articleId: string) {
  const user = await requireUser();
  return run(async () => leave(user, Id.parse(articleId)));
}
