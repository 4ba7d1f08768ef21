/**
 * The headers every response carries: next.config.ts gives them to what Next answers, and the Content API's front
 * (lib/api/front.ts) to what it answers before Next. HSTS only over https (the site's URL, or the request as the
 * TLS-terminating proxy reports it).
 */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
] as const;

export const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" } as const;

const asRecord = (headers: readonly { key: string; value: string }[]) => Object.freeze(Object.fromEntries(headers.map(({ key, value }) => [key.toLowerCase(), value])));
const PLAIN = asRecord(SECURITY_HEADERS);
const WITH_HSTS = asRecord([...SECURITY_HEADERS, HSTS]);

/** The headers as a record, with HSTS when the request came over https. */
export function securityHeaders(https: boolean): Readonly<Record<string, string>> {
  return https ? WITH_HSTS : PLAIN;
}
