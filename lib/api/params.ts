/**
 * Reading an API request's query string with a zod object schema, strictly: an unknown parameter (a misspelt filter)
 * or a repeated one is refused by name rather than ignored, so a client never mistakes an unfiltered list for a
 * filtered one. Each refusal is one ParameterProblem; the route answers them together as a 400.
 */
import type { z } from "zod";
import type { ParameterProblem } from "./problem";

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: ParameterProblem[] };

export function parseQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): Parsed<z.output<S>> {
  const known = new Set(Object.keys(schema.shape));
  const errors: ParameterProblem[] = [];
  const raw: Record<string, string> = {};
  for (const [name, value] of params) {
    const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    if (!known.has(name)) errors.push({ parameter: shown, detail: `Unknown parameter ${JSON.stringify(shown)}. This endpoint accepts: ${[...known].join(", ") || "no parameters"}.` });
    else if (name in raw) errors.push({ parameter: name, detail: `Give ${name} once.` });
    else raw[name] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? "query"), detail: issue.message })) };
}
