/**
 * What the newsletters' form endpoints share: they are posted by plain HTML forms (no JavaScript), read the form,
 * and answer with a 303 to the page that says what happened. A form posted from another site is refused.
 */
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { findForeignOrigin } from "@/lib/security/request-origin";
import { FormEditionSchema } from "@/lib/validation/newsletters";

/** The posted form, or null when the body is not one (or too large to be one of ours). */
export async function readPostedForm(request: Request): Promise<FormData | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null;
  if (Number(request.headers.get("content-length") ?? 0) > 64 * 1024) return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** A 303 to a page of the site (its public URL: behind a proxy the request's own may be an internal one). */
export function seeOther(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, getEnv().siteUrl), 303);
}

/**
 * A POST handler for one of the site's own forms: a form posted from another site's page is refused (403), and the
 * handler gets the posted form (null when the body is not one).
 */
export function formEndpoint(handle: (form: FormData | null, request: Request) => Promise<NextResponse>) {
  return async (request: Request): Promise<NextResponse> => {
    const elsewhere = findForeignOrigin(request.headers);
    if (elsewhere) return new NextResponse(`This form was posted from another site (${elsewhere}).`, { status: 403 });
    return handle(await readPostedForm(request), request);
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
