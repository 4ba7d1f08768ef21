/**
 * A reader's newsletters, in a browser without JavaScript: the footer's sign-up (labelled, the same answer for a
 * known address), the confirmation link from the e-mail the server wrote, the preferences page, the unsubscribe page
 * (an e-mail's link leaves its own list; a link naming no edition leaves all);
 * forged and used links refused. axe on every page (in a browser with JavaScript: axe runs as a script).
 */
import { expect, test } from "@playwright/test";
import { linkToken } from "@/lib/data/newsletters/links";
import { expectNoAxeViolations } from "../support/axe";
import { testDb } from "../support/db";
import { uniqueId } from "../support/factories";
import { linkPath, waitForMail } from "../support/mail-files";
import { axeAt, readerWithoutJavaScript } from "../support/newsletter-readers";

test("sign up from the footer, confirm from the e-mail, choose lists, and leave", async ({ browser, page: axePage }) => {
  const { page, close } = await readerWithoutJavaScript(browser);
  const email = `reader-${uniqueId()}@readers.e2e.dateline.test`;
  await page.goto("/");
  const signUp = page.getByRole("region", { name: "Get the news by e-mail" });
  await expect(signUp.getByRole("checkbox", { name: /The daily digest/ })).toBeChecked();
  await signUp.getByRole("checkbox", { name: /Breaking news alerts/ }).check();
  await signUp.getByLabel("E-mail address").fill(email);
  await signUp.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/newsletters\/check-your-email$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await axeAt(axePage, "/newsletters/check-your-email");

  const mail = await waitForMail(email, /\/newsletters\/confirm\?token=/);
  expect(mail.subject).toMatch(/Confirm your .* newsletter subscription/);
  const confirmPath = linkPath(mail.text, "/newsletters/confirm");
  await page.goto(confirmPath);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your subscription" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await axeAt(axePage, confirmPath);
  await page.getByRole("button", { name: "Confirm my subscription" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Your newsletters" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Your subscription is confirmed. Welcome!");
  const choices = page.getByRole("group", { name: "Send me" });
  await expect(choices.getByRole("checkbox", { name: /The daily digest/ })).toBeChecked();
  await expect(choices.getByRole("checkbox", { name: /Breaking news alerts/ })).toBeChecked();
  await axeAt(axePage, new URL(page.url()).pathname + new URL(page.url()).search);
  await choices.getByRole("checkbox", { name: /The daily digest/ }).uncheck();
  await choices.getByRole("checkbox", { name: /^Business/ }).check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByRole("status")).toHaveText("Your choices are saved.");
  const subscriber = await testDb().subscriber.findUniqueOrThrow({ where: { email }, include: { lists: true } });
  const business = await testDb().section.findUniqueOrThrow({ where: { slug: "business" } });
  expect(subscriber.lists.map((l) => l.list).sort()).toEqual(["BREAKING", `SECTION:${business.id}`].sort());

  // The confirmation link, used once, works no more.
  await page.goto(confirmPath);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();

  // The footer link of an e-mail: the page asks, the button unsubscribes from everything.
  const unsubscribePath = `/newsletters/unsubscribe?token=${linkToken("unsubscribe", subscriber.id)}`;
  await page.goto(unsubscribePath);
  await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
  await axeAt(axePage, unsubscribePath);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(email);
  expect((await testDb().subscriber.findUniqueOrThrow({ where: { email } })).status).toBe("UNSUBSCRIBED");
  await page.getByRole("link", { name: "Choose your newsletters" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your newsletters" })).toBeVisible();
  await expect(page.getByText("You are unsubscribed from all of them")).toBeVisible();
  await axeAt(axePage, `${unsubscribePath}&done=1`);
  await close();
});

test("a known address gets the same answer; forged links are refused", async ({ browser, page: axePage }) => {
  const { page, close } = await readerWithoutJavaScript(browser);
  const known = await testDb().subscriber.create({ data: { email: `known-${uniqueId()}@readers.e2e.dateline.test`, status: "CONFIRMED" } });
  await page.goto("/newsletters");
  const form = page.getByRole("region", { name: "Sign up" });
  await form.getByLabel("E-mail address").fill(known.email);
  await form.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/newsletters\/check-your-email$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();

  const token = linkToken("preferences", known.id);
  for (const path of [`/newsletters/preferences?token=${token}x`, `/newsletters/confirm?token=${token}`, `/newsletters/unsubscribe?token=${token}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "This link does not work" }), path).toBeVisible();
  }
  await axeAt(axePage, `/newsletters/preferences?token=${token}x`);
  await axeAt(axePage, "/newsletters?error=email");
  await page.goto(`/newsletters/preferences?token=${token}`);
  await expect(page.getByText(`Newsletters sent to ${known.email}.`)).toBeVisible();
  await close();
});

test("the sign-up at the end of an article offers its section", async ({ page }) => {
  await page.goto("/business");
  await page.getByRole("main").getByRole("article").first().getByRole("heading").getByRole("link").click();
  const signUp = page.getByRole("region", { name: "Business and more, by e-mail" });
  await expect(signUp.getByRole("checkbox", { name: /^Business/ })).toBeVisible();
  await expect(signUp.getByLabel("E-mail address")).toHaveAttribute("type", "email");
  await expectNoAxeViolations(page);
});

test("the footer link of a digest leaves the digest only; the preferences page leaves the rest", async ({ browser, page: axePage }) => {
  const { page, close } = await readerWithoutJavaScript(browser);
  const reader = await testDb().subscriber.create({ data: { email: `two-lists-${uniqueId()}@readers.e2e.dateline.test`, status: "CONFIRMED" } });
  await testDb().newsletterMembership.createMany({ data: [{ subscriberId: reader.id, list: "DIGEST", kind: "DIGEST" }, { subscriberId: reader.id, list: "BREAKING", kind: "BREAKING" }] });
  const digest = await testDb().edition.create({ data: { kind: "DIGEST", subject: `The day's news ${uniqueId()}`, status: "SENT" } });
  const unsubscribePath = `/newsletters/unsubscribe?token=${linkToken("unsubscribe", reader.id, digest.id)}`;
  await page.goto(unsubscribePath);
  await expect(page.getByText(`Stop the daily digest to ${reader.email}?`)).toBeVisible();
  await axeAt(axePage, unsubscribePath);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(`You will no longer receive the daily digest at ${reader.email}.`);
  await axeAt(axePage, `${unsubscribePath}&done=1`);

  await page.getByRole("link", { name: "Choose your newsletters" }).click();
  const choices = page.getByRole("group", { name: "Send me" });
  await expect(choices.getByRole("checkbox", { name: /The daily digest/ })).not.toBeChecked();
  await expect(choices.getByRole("checkbox", { name: /Breaking news alerts/ })).toBeChecked();
  await choices.getByRole("checkbox", { name: /Breaking news alerts/ }).uncheck();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByRole("status")).toHaveText("Your choices are saved.");
  const after = await testDb().subscriber.findUniqueOrThrow({ where: { id: reader.id }, include: { lists: true } });
  expect([after.status, after.lists]).toEqual(["UNSUBSCRIBED", []]);
  await close();
});
