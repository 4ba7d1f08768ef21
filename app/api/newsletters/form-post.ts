/**
 * What the newsletters' form endpoints share: they are posted by plain HTML forms (no JavaScript), read the form,
 * and answer with a 303 to the page that says what happened. A form posted from another site is refused. Anyone may
 * post, so a body is read only up to FORM_BODY_LIMIT, whatever its headers claim (a chunked body declares no length).
 */
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { findForeignOrigin } from "@/lib/security/request-origin";
import { readBodyCapped } from "@/lib/security/server-action-guard";
import { FormEditionSchema } from "@/lib/validation/newsletters";

/** Far more than any of our forms sends (a token, an address, a few boxes). */
export const FORM_BODY_LIMIT = 64 * 1024;

/** The posted form (null when the body is not one), or the 413 that refuses a body larger than any form of ours. */
export async function readPostedForm(request: Request): Promise<{ form: FormData | null } | { refusal: NextResponse }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return { form: null };
  const body = await readBodyCapped(request, FORM_BODY_LIMIT);
  if (!body) return { refusal: new NextResponse(`The form is too large (at most ${FORM_BODY_LIMIT / 1024} KB).\n`, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } }) };
  try {
    return { form: await new Response(body, { headers: { "content-type": type } }).formData() };
  } catch {
    return { form: null };
  }
}

/** A 303 to a page of the site (its public URL: behind a proxy the request's own may be an internal one). */
export function seeOther(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, getEnv().siteUrl), 303);
}

/**
 * A POST handler for one of the site's own forms: a form posted from another site's page is refused (403), so is a
 * body too large to be a form of ours (413), and the handler gets the posted form (null when the body is not one).
 */
export function formEndpoint(handle: (form: FormData | null, request: Request) => Promise<NextResponse>) {
  return async (request: Request): Promise<NextResponse> => {
    const elsewhere = findForeignOrigin(request.headers);
    if (elsewhere) return new NextResponse(`This form was posted from another site (${elsewhere}).`, { status: 403 });
    const posted = await readPostedForm(request);
    return "refusal" in posted ? posted.refusal : handle(posted.form, request);
  };
}

/** A text field of the form ("" when it, or the form, is missing). */
export const textField = (form: FormData | null, name: string) => {
  const value = form?.get(name);
  return typeof value === "string" ? value : "";
};

/** The checked list boxes of the form. */
export const listFields = (form: FormData | null) => (form?.getAll("lists") ?? []).filter((value) => typeof value === "string");

/** The URL prefix of the edition whose page posted the form (its hidden "language" field): "" or "/es". */
export const formPrefix = (form: FormData | null) => {
  const edition = FormEditionSchema.parse(textField(form, "language") || undefined);
  return edition ? `/${edition}` : "";
};
