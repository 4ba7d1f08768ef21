/**
 * RFC 9457 problem details, the Content API's only error body: a `type` (a URI naming the kind of problem),
 * a `title`, the `status`, a `detail` a developer can act on, the request as `instance`, and for bad parameters an
 * `errors` list naming each parameter and what it accepts.
 */
export const PROBLEM_MEDIA_TYPE = "application/problem+json";
/** Each type points at the status code's definition (RFC 9110; 429 is RFC 6585), as ASP.NET and others do. */
const RFC9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-";

export type ParameterProblem = { parameter: string; detail: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ParameterProblem[];
};

const TITLES: Record<number, [string, string]> = {
  400: [`${RFC9110}15.5.1`, "Bad Request"],
  401: [`${RFC9110}15.5.2`, "Unauthorized"],
  403: [`${RFC9110}15.5.4`, "Forbidden"],
  404: [`${RFC9110}15.5.5`, "Not Found"],
  405: [`${RFC9110}15.5.6`, "Method Not Allowed"],
  429: ["https://www.rfc-editor.org/rfc/rfc6585#section-4", "Too Many Requests"],
  500: [`${RFC9110}15.6.1`, "Internal Server Error"],
  503: [`${RFC9110}15.6.4`, "Service Unavailable"],
};

export function problem(status: number, detail: string, extra: { instance?: string; errors?: ParameterProblem[] } = {}): Problem {
  const [type, title] = TITLES[status] ?? ["about:blank", "Error"];
  return { type, title, status, detail, ...(extra.instance ? { instance: extra.instance } : {}), ...(extra.errors ? { errors: extra.errors } : {}) };
}
