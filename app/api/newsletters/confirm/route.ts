/** POST /api/newsletters/confirm: the confirmation page's button. Confirmed: on to one's preferences. */
import { confirmSubscription } from "@/lib/data/newsletters/subscribers";
import { formEndpoint, formPrefix, seeOther, textField } from "../form-post";

export const POST = formEndpoint(async (form) => {
  const confirmed = await confirmSubscription(textField(form, "token"));
  if (!confirmed) return seeOther(`${formPrefix(form)}/newsletters/confirm?invalid=1`);
  return seeOther(`${confirmed.preferencesPath}&confirmed=1`);
});
