/**
 * POST /api/newsletters/subscribe: the sign-up forms. Every valid address gets the same answer ("check your
 * e-mail"), at the same speed: the work that depends on the address (the limits, the row, the e-mail) runs after
 * the response. An address that is not one goes back to the form with a message.
 */
import { after } from "next/server";
import { requestIp } from "@/lib/auth/request-ip";
import { signUp } from "@/lib/data/newsletters/subscribers";
import { SignUpSchema } from "@/lib/validation/newsletters";
import { formEndpoint, listFields, seeOther, textField } from "../form-post";

export const POST = formEndpoint(async (form, request) => {
  const parsed = SignUpSchema.safeParse({
    email: textField(form, "email"),
    lists: listFields(form),
    source: textField(form, "source"),
  });
  if (!parsed.success) return seeOther("/newsletters?error=email");
  const ip = requestIp(request.headers);
  after(async () => {
    try {
      const send = await signUp({ ...parsed.data, ip });
      await send?.();
    } catch (error) {
      console.error("[newsletters] a sign-up failed:", error instanceof Error ? error.message : error);
    }
  });
  return seeOther("/newsletters/check-your-email");
});
