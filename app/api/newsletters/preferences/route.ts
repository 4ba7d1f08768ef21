/** POST /api/newsletters/preferences: the preferences page's form (the lists, or "unsubscribe from all": none). */
import { savePreferences } from "@/lib/data/newsletters/subscribers";
import { PreferencesSchema } from "@/lib/validation/newsletters";
import { formEndpoint, formPrefix, listFields, seeOther, textField } from "../form-post";

export const POST = formEndpoint(async (form) => {
  const parsed = PreferencesSchema.safeParse({
    token: textField(form, "token"),
    lists: textField(form, "intent") === "none" ? [] : listFields(form),
  });
  const prefix = formPrefix(form);
  if (!parsed.success || !(await savePreferences(parsed.data.token, parsed.data.lists))) return seeOther(`${prefix}/newsletters/preferences?invalid=1`);
  return seeOther(`${prefix}/newsletters/preferences?token=${encodeURIComponent(parsed.data.token)}&saved=1`);
});
