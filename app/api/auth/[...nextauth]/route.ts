/**
 * next-auth's endpoints (sign-in, sign-out, session, CSRF). Options are built per request so the build needs no secrets.
 *
 * POST bodies are checked before next-auth reads them: it parses JSON without catching (a malformed body was a 500)
 * and reads any size. Its own client sends small url-encoded forms.
 */
import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";
import { readBodyCapped } from "@/lib/security/server-action-guard";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

const MAX_BODY_BYTES = 16 * 1024;

function refuse(status: number, message: string) {
  return NextResponse.json({ ok: false, status, message }, { status });
}

function handler(request: Request, context: RouteContext): Promise<Response> {
  return (NextAuth as unknown as (req: Request, ctx: RouteContext, options: ReturnType<typeof getAuthOptions>) => Promise<Response>)(
    request,
    context,
    getAuthOptions(),
  );
}

async function post(request: NextRequest, context: RouteContext): Promise<Response> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const isJson = type.startsWith("application/json");
  if (!isJson && !type.startsWith("application/x-www-form-urlencoded")) {
    return refuse(415, "Send the form as application/x-www-form-urlencoded (or application/json).");
  }
  const bytes = await readBodyCapped(request, MAX_BODY_BYTES);
  if (!bytes) return refuse(413, `The request is too large (at most ${MAX_BODY_BYTES / 1024} KB).`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, "The request body is not valid UTF-8 text.");
  }
  if (isJson) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(400, "The request body is not valid JSON.");
    }
    if (!json || typeof json !== "object" || Array.isArray(json)) return refuse(400, "The request body must be a JSON object.");
  }
  const checked = new NextRequest(request.url, { method: "POST", headers: request.headers, body: text });
  return handler(checked, context);
}

export { handler as GET, post as POST };
