/**
 * POST /api/newsletters/unsubscribe?token=…: RFC 8058 one-click unsubscribe, the target of every newsletter's
 * List-Unsubscribe header (mail providers POST "List-Unsubscribe=One-Click", without cookies or an Origin), and of
 * the button on /newsletters/unsubscribe (a browser's form, sent on to that page to say it is done). The signed
 * token is the only credential.
 */
import { NextResponse } from "next/server";
import { unsubscribe } from "@/lib/data/newsletters/subscribers";
import { formPrefix, readPostedForm, seeOther, textField } from "../form-post";

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const posted = await readPostedForm(request);
  if ("refusal" in posted) return posted.refusal;
  const form = posted.form;
  const isOneClick = textField(form, "List-Unsubscribe") === "One-Click";
  const done = await unsubscribe(token, isOneClick);
  if (isOneClick) {
    return done
      ? new NextResponse("You are unsubscribed.\n", { headers: { "content-type": "text/plain; charset=utf-8" } })
      : new NextResponse("This unsubscribe link is not valid.\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const prefix = formPrefix(form);
  if (!done) return seeOther(`${prefix}/newsletters/unsubscribe?invalid=1`);
  return seeOther(`${prefix}/newsletters/unsubscribe?token=${encodeURIComponent(token)}&done=1`);
}
