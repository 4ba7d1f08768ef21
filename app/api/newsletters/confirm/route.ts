/** POST /api/newsletters/confirm: the confirmation page's button. Confirmed: on to one's preferences. */
import { confirmSubscription } from "@/lib/data/newsletters/subscribers";
import { readPostedForm, refuseForeignForm, seeOther, textField } from "../form-post";

export async function POST(request: Request) {
  const refused = refuseForeignForm(request);
  if (refused) return refused;
  const form = await readPostedForm(request);
  const confirmed = await confirmSubscription(form ? textField(form, "token") : "");
  if (!confirmed) return seeOther("/newsletters/confirm?invalid=1");
  return seeOther(`${confirmed.preferencesPath}&confirmed=1`);
}
