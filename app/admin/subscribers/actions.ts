"use server";
/** Admins' subscriber actions (subscriber:manage): erase one, import bounce or complaint addresses. */
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { eraseSubscriber, importSuppressions } from "@/lib/data/newsletters/subscriber-admin";
import { SubscriberIdSchema, SuppressionImportSchema } from "@/lib/validation/newsletters";

const PAGE = "/admin/subscribers";

export const eraseSubscriberAction = staffFormAction({ schema: SubscriberIdSchema, fields: ["id"], returnTo: PAGE, revalidate: PAGE }, async ({ id }, { user }) => {
  await eraseSubscriber(user, id);
  return ok(undefined, "The subscriber and everything kept about them were erased.");
});

export const importSuppressionsAction = staffFormAction(
  { schema: SuppressionImportSchema, fields: ["addresses", "kind"], returnTo: PAGE, revalidate: PAGE },
  async ({ addresses, kind }, { user }) => {
    const count = await importSuppressions(user, addresses, kind);
    return ok(undefined, count === 0 ? "No e-mail address was found in that text." : `${count.toLocaleString("en-US")} ${count === 1 ? "address is" : "addresses are"} suppressed for every list.`);
  },
);
