/** POST /api/newsletters/preferences: the preferences page's form (the lists, or "unsubscribe from all": none). */
import { savePreferences } from "@/lib/data/newsletters/subscribers";
import { PreferencesSchema } from "@/lib/validation/newsletters";
import { readPostedForm, refuseForeignForm, seeOther, textField } from "../form-post";

export async function POST(request: Request) {
  const refused = refuseForeignForm(request);
  if (refused) return refused;
  const form = await readPostedForm(request);
  const parsed = PreferencesSchema.safeParse({
    token: form ? textField(form, "token") : "",
    lists: form && textField(form, "intent") !== "none" ? form.getAll("lists").filter((v) => typeof v === "string") : [],
  });
  if (!parsed.success || !(await savePreferences(parsed.data.token, parsed.data.lists))) return seeOther("/newsletters/preferences?invalid=1");
  return seeOther(`/newsletters/preferences?token=${encodeURIComponent(parsed.data.token)}&saved=1`);
}
