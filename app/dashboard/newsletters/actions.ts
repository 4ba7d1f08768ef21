"use server";
/** The desk's newsletter actions (newsletter:send; the data layer checks it and audits every send). */
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { cancelEdition, createSectionEdition, scheduleEdition, sendBreakingAlert, sendEditionNow, sendTestEdition, updateEdition } from "@/lib/data/newsletters/editions";
import { getSiteSettings } from "@/lib/data/settings";
import { zonedTimeToUtc } from "@/lib/dates";
import { copies } from "./edition-labels";
import { BreakingAlertSchema, EditionIdSchema, EditionInputSchema, ScheduleEditionSchema, SectionEditionSchema } from "@/lib/validation/newsletters";

const LIST = "/dashboard/newsletters";
const editionPath = (input: { id: string }) => `${LIST}/${input.id}`;
const both = (input: { id: string }) => [LIST, editionPath(input)];

export const createSectionEditionAction = staffFormAction(
  { schema: SectionEditionSchema, fields: ["sectionId"], returnTo: LIST, revalidate: LIST, redirect: (id: string) => `${LIST}/${id}` },
  async ({ sectionId }, { user }) => ok(await createSectionEdition(user, sectionId)),
);

export const sendBreakingAlertAction = staffFormAction(
  { schema: BreakingAlertSchema, fields: ["articleId"], returnTo: LIST, revalidate: LIST },
  async ({ articleId }, { user }) => {
    const { queued } = await sendBreakingAlert(user, articleId);
    return ok(undefined, `The breaking alert is on its way to ${copies(queued)}.`);
  },
);

export const updateEditionAction = staffFormAction(
  {
    schema: EditionInputSchema,
    fields: ["id", "subject", "intro", "itemsChanged"],
    // The articles travel as repeated "items" fields, in order; only when the editor changed them.
    shape: (values, form) => ({ ...values, items: values.itemsChanged === "1" ? form.getAll("items").filter((v) => typeof v === "string") : null }),
    returnTo: LIST,
    revalidate: both,
  },
  async (input, { user }) => {
    await updateEdition(user, input.id, input);
    return ok(undefined, "The edition was saved.");
  },
);

export const scheduleEditionAction = staffFormAction(
  { schema: ScheduleEditionSchema, fields: ["id", "scheduledFor"], returnTo: LIST, revalidate: both },
  async ({ id, scheduledFor }, { user }) => {
    const { timeZone } = await getSiteSettings();
    await scheduleEdition(user, id, zonedTimeToUtc(scheduledFor, timeZone));
    return ok(undefined, "The edition is scheduled.");
  },
);

// Sending and cancelling end the edition's controls, so the page itself (after a redirect) says what happened.
export const sendEditionNowAction = staffFormAction(
  { schema: EditionIdSchema, fields: ["id"], returnTo: LIST, revalidate: both, redirect: (queued: number, input) => `${editionPath(input)}?sent=${queued}` },
  async ({ id }, { user }) => ok(await sendEditionNow(user, id)),
);

export const cancelEditionAction = staffFormAction(
  { schema: EditionIdSchema, fields: ["id"], returnTo: LIST, revalidate: both, redirect: (_data, input) => `${editionPath(input)}?cancelled=1` },
  async ({ id }, { user }) => {
    await cancelEdition(user, id);
    return ok(undefined);
  },
);

export const sendTestEditionAction = staffFormAction({ schema: EditionIdSchema, fields: ["id"], returnTo: LIST }, async ({ id }, { user }) => {
  const { to, file } = await sendTestEdition(user, id);
  return ok(undefined, file ? `No mail server is set up: the test was written to ${file}.` : `A test copy was sent to ${to}.`);
});
