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

/** The headers as a record, with HSTS when the request came over https. */
export function securityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, value } of [...SECURITY_HEADERS, ...(https ? [HSTS] : [])]) headers[key.toLowerCase()] = value;
  return headers;
}
