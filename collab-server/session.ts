/**
 * The staff session behind a WebSocket: the same next-auth cookie the pages read (lib/auth/options.ts), decoded and
 * verified with AUTH_SECRET here. It names the user and the session version (decision 0003); whether that session is
 * still good (account active, version current, role) is the data layer's question (lib/data/articles/shared-access).
 */
import type { IncomingHttpHeaders } from "node:http";
import { decode } from "next-auth/jwt";

export type SessionClaims = { userId: string; sessionVersion: number };

const COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.(\d+))?$/;

/** The session token from a Cookie header: whole, or reassembled from next-auth's numbered chunks. */
export function sessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const chunks: [number, string][] = [];
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const match = COOKIE.exec(part.slice(0, at).trim());
    if (match) chunks.push([match[1] === undefined ? -1 : Number(match[1]), decodeURIComponent(part.slice(at + 1).trim())]);
  }
  if (chunks.length === 0) return null;
  return chunks
    .sort(([a], [b]) => a - b)
    .map(([, value]) => value)
    .join("");
}

/** The session's user and version, or null for no cookie, a forged or expired one. */
export async function readSession(headers: IncomingHttpHeaders, secret: string): Promise<SessionClaims | null> {
  const token = sessionToken(headers.cookie);
  if (!token) return null;
  try {
    const claims = await decode({ token, secret });
    if (!claims || typeof claims.uid !== "string" || typeof claims.sv !== "number") return null;
    if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) return null;
    return { userId: claims.uid, sessionVersion: claims.sv };
  } catch {
    return null;
  }
}
