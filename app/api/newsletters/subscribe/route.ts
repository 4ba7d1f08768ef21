/**
 * POST /api/newsletters/subscribe: the sign-up forms. Every valid address gets the same answer ("check your
 * e-mail"), at the same speed: the work that depends on the address (the limits, the row, the e-mail) runs after
 * the response. An address that is not one goes back to the form with a message. A prefixed edition's form goes on
 * to that edition's pages, and the reader hears from us in its language.
 */
import { after } from "next/server";
import { requestIp } from "@/lib/auth/request-ip";
import { signUp } from "@/lib/data/newsletters/subscribers";
import { SignUpSchema } from "@/lib/validation/newsletters";
import { formEndpoint, formPrefix, listFields, seeOther, textField } from "../form-post";

export const POST = formEndpoint(async (form, request) => {
  const parsed = SignUpSchema.safeParse({
    email: textField(form, "email"),
    lists: listFields(form),
    source: textField(form, "source"),
    language: textField(form, "language") || undefined,
  });
  const prefix = formPrefix(form);
  if (!parsed.success) return seeOther(`${prefix}/newsletters?error=email`);
  const ip = requestIp(request.headers);
  after(async () => {
    try {
      const send = await signUp({ ...parsed.data, ip });
      await send?.();
    } catch (error) {
      console.error("[newsletters] a sign-up failed:", error instanceof Error ? error.message : error);
    }
  });
  return seeOther(`${prefix}/newsletters/check-your-email`);
});
