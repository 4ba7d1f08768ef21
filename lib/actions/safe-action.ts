/**
 * The one wrapper every server action goes through (after Dub's safe-action): the session, the input parsed with
 * zod, the handler's error turned into an ActionResult (lib/actions/result.ts), the cached pages revalidated and,
 * for an action that ends on another page, the redirect. The handler only calls the data layer, which checks the
 * permission.
 *
 * Next's redirect() and forbidden() work by throwing. They are never thrown inside the try: requireUser runs before
 * it and the success redirect after it, so a sign-in redirect is never turned into a "something went wrong".
 *
 * - staffFormAction: a form posted with useActionState, `(previous, formData) => ActionResult<T>`;
 * - staffAction: an action called with positional arguments (the editor's, a bound media id);
 * - publicFormAction: the sign-in pages' own flows, whose credential is a token or the same answer for every email.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requestIp } from "@/lib/auth/request-ip";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/data/types";
import { failure, type ActionFailure, type ActionResult } from "./result";

export type ActionSuccess<T> = Extract<ActionResult<T>, { ok: true }>;
export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/** A handler's answer: the data for the page, and the sentence to show. */
export function ok<T>(data: T, message?: string): ActionSuccess<T> {
  return message === undefined ? { ok: true, data } : { ok: true, data, message };
}

/** A page to revalidate after a success: a path, or `{ layout }` for the path and every page below it. */
export type Revalidation = string | { layout: string };

type Outcome<I, T> = {
  revalidate?: Revalidation | readonly Revalidation[] | ((input: I) => Revalidation | readonly Revalidation[]);
  /** Where a successful action goes next (it then never answers `ok: true`). */
  redirect?: (data: T, input: I) => string;
};

type Handler<I, C, T> = (input: I, context: C) => Promise<ActionSuccess<T>>;

async function perform<I, T>(parse: () => I, handle: (input: I) => Promise<ActionSuccess<T>>, outcome: Outcome<I, T>): Promise<ActionResult<T>> {
  let input: I;
  let result: ActionSuccess<T>;
  try {
    input = parse();
    result = await handle(input);
  } catch (error) {
    return failure(error);
  }
  const targets = typeof outcome.revalidate === "function" ? outcome.revalidate(input) : outcome.revalidate;
  for (const target of [targets ?? []].flat()) {
    if (typeof target === "string") revalidatePath(target);
    else revalidatePath(target.layout, "layout");
  }
  if (outcome.redirect) redirect(outcome.redirect(result.data, input));
  return result;
}

/**
 * The named text fields of a submitted form, with "" for any that are missing (FormData gives null or a File). An
 * action can be called with anything (a hand-made request): without a form every field is empty, and the schema
 * answers with its own "required" messages instead of the action failing on formData.get.
 */
export function formFields<K extends string>(formData: unknown, keys: readonly K[]): Record<K, string> {
  const form = formData instanceof FormData ? formData : new FormData();
  return Object.fromEntries(
    keys.map((key) => {
      const value = form.get(key);
      return [key, typeof value === "string" ? value : ""];
    }),
  ) as Record<K, string>;
}

type FormConfig<K extends string, S extends z.ZodType, T> = Outcome<z.output<S>, T> & {
  schema: S;
  /** The form's fields the schema reads. */
  fields: readonly K[];
  /** Reshapes the fields for the schema (nested values, checkboxes); by default the schema reads them as they are. */
  shape?: (values: Record<K, string>, form: FormData) => unknown;
};

function readForm<K extends string, S extends z.ZodType, T>(config: FormConfig<K, S, T>, formData: unknown): z.output<S> {
  const values = formFields(formData, config.fields);
  return config.schema.parse(config.shape ? config.shape(values, formData instanceof FormData ? formData : new FormData()) : values);
}

/** A staff form's action: signed in (else the sign-in page, back to `returnTo`), then the handler with the parsed form. */
export function staffFormAction<K extends string, S extends z.ZodType, T = undefined>(
  config: FormConfig<K, S, T> & { returnTo: string },
  handler: Handler<z.output<S>, { user: SessionUser }, T>,
): FormAction<T> {
  return async (_previous, formData) => {
    const user = await requireUser(config.returnTo);
    return perform(() => readForm(config, formData), (input) => handler(input, { user }), config);
  };
}

/** A sign-in page's form action: no session; the handler gets the client's address for the audit log and limits. */
export function publicFormAction<K extends string, S extends z.ZodType, T = undefined>(
  config: FormConfig<K, S, T>,
  handler: Handler<z.output<S>, { ip: string }, T>,
): FormAction<T> {
  return async (_previous, formData) => {
    const ip = requestIp(await headers());
    return perform(() => readForm(config, formData), (input) => handler(input, { ip }), config);
  };
}

type PositionalConfig<A extends unknown[], S extends z.ZodType, T> = Outcome<z.output<S>, T> & {
  schema: S;
  /** Names the arguments for the schema. */
  input: (...args: A) => unknown;
  /** Where the sign-in page returns to (default: the dashboard). */
  returnTo?: string | ((...args: A) => string);
};

/** An action called with arguments (not a form): signed in, then the handler with the parsed arguments. */
export function staffAction<A extends unknown[], S extends z.ZodType, T>(
  config: PositionalConfig<A, S, T> & { redirect: (data: T, input: z.output<S>) => string },
  handler: Handler<z.output<S>, { user: SessionUser }, T>,
): (...args: A) => Promise<ActionFailure | void>;
export function staffAction<A extends unknown[], S extends z.ZodType, T>(
  config: PositionalConfig<A, S, T>,
  handler: Handler<z.output<S>, { user: SessionUser }, T>,
): (...args: A) => Promise<ActionResult<T>>;
export function staffAction<A extends unknown[], S extends z.ZodType, T>(
  config: PositionalConfig<A, S, T>,
  handler: Handler<z.output<S>, { user: SessionUser }, T>,
): (...args: A) => Promise<ActionResult<T> | void> {
  return async (...args: A) => {
    const returnTo = typeof config.returnTo === "function" ? config.returnTo(...args) : config.returnTo;
    const user = await requireUser(returnTo);
    return perform(() => config.schema.parse(config.input(...args)), (input) => handler(input, { user }), config);
  };
}
