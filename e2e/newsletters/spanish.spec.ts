/**
 * The newsletters in the Spanish edition (decision 0029), in a browser without JavaScript: the sign-up at the foot of
 * every /es/ page and at the end of a Spanish story is in Spanish and offers the Spanish lists; signing up there goes
 * on to the Spanish pages, the confirmation e-mail is in Spanish and links to them, and the reader, their lists and
 * the consent record are the Spanish edition's. axe on every page (in a browser with JavaScript). The desk (in
 * English) sees the Spanish daily digest waiting beside the English one.
 */
import { expect, test } from "../support/fixtures";
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import { testDb } from "../support/db";
import { createTestUser, uniqueId } from "../support/factories";
import { linkPath, waitForMail } from "../support/mail-files";
import { axeAt, readerWithoutJavaScript } from "../support/newsletter-readers";

/** A published Spanish story of this spec's own, dated years back (off the front page), in Culture ("cultura"). */
async function spanishStory() {
  const id = uniqueId();
  const author = await createTestUser("JOURNALIST");
  const section = await testDb().section.findUniqueOrThrow({ where: { slug: "culture" }, select: { id: true } });
  const local = await testDb().sectionTranslation.findUniqueOrThrow({ where: { sectionId_editionId: { sectionId: section.id, editionId: "es" } }, select: { slug: true } });
  const body = documentFromParagraphs([`Una nota de prueba ${id} sobre el museo.`]);
  const article = await testDb().article.create({
    data: {
      slug: `boletin-${id}`,
      headline: `El museo abre de noche ${id}`,
      body: body as unknown as Prisma.InputJsonValue,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      sectionId: section.id,
      editionId: "es",
      searchConfig: "spanish",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 3 * 365 * 86_400_000),
      createdById: author.id,
      authors: { create: [{ userId: author.id, position: 0 }] },
    },
    select: { slug: true },
  });
  return `/es/${local.slug}/${article.slug}`;
}

test("the sign-up forms of a Spanish story are in Spanish and offer the Spanish lists", async ({ browser, page: axePage }) => {
  const { page, close } = await readerWithoutJavaScript(browser);
  const path = await spanishStory();
  await page.goto(path);

  const atTheEnd = page.getByRole("region", { name: "Más notas por correo" });
  await expect(atTheEnd.getByRole("group", { name: "Boletines" })).toBeVisible();
  await expect(atTheEnd.getByRole("checkbox", { name: /^El resumen diario/ })).toBeChecked();
  await expect(atTheEnd.getByRole("checkbox", { name: /^Alertas de última hora/ })).not.toBeChecked();
  await expect(atTheEnd.getByRole("checkbox")).toHaveCount(2);
  await expect(atTheEnd.getByLabel("Correo electrónico")).toBeVisible();
  await expect(atTheEnd.getByRole("button", { name: "Suscribirme" })).toBeVisible();

  const footer = page.getByRole("region", { name: "Reciba las noticias por correo" });
  await expect(footer.getByRole("checkbox", { name: /^El resumen diario/ })).toHaveValue("es:DIGEST");
  await expect(footer.getByRole("checkbox", { name: /^Alertas de última hora/ })).toHaveValue("es:BREAKING");
  await expect(footer.getByText("Le enviamos un enlace para confirmar.", { exact: false })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /daily digest|Breaking news/ })).toHaveCount(0);
  await axeAt(axePage, path);
  await close();
});

test("a Spanish sign-up: the Spanish pages, a Spanish confirmation e-mail, the Spanish lists and consent", async ({ browser, page: axePage }) => {
  const { page, close } = await readerWithoutJavaScript(browser);
  const email = `lectora-${uniqueId()}@readers.e2e.dateline.test`;
  await page.goto("/es");
  const signUp = page.getByRole("region", { name: "Reciba las noticias por correo" });
  await signUp.getByRole("checkbox", { name: /^Alertas de última hora/ }).check();
  await signUp.getByLabel("Correo electrónico").fill(email);
  await signUp.getByRole("button", { name: "Suscribirme" }).click();
  await expect(page).toHaveURL(/\/es\/newsletters\/check-your-email$/);
  await expect(page.getByRole("heading", { level: 1, name: "Revise su correo" })).toBeVisible();
  await axeAt(axePage, "/es/newsletters/check-your-email");

  const mail = await waitForMail(email, /\/es\/newsletters\/confirm\?token=/);
  expect(mail.subject).toMatch(/^Confirme su suscripción a los boletines de /);
  expect(mail.text).toContain("Confirme aquí:");
  const confirmPath = linkPath(mail.text, "/es/newsletters/confirm");
  await page.goto(confirmPath);
  // The page is the Spanish edition's: its shell says so to assistive technology.
  await expect(page.locator("[data-reader-document]")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Confirme su suscripción" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await axeAt(axePage, confirmPath);
  await page.getByRole("button", { name: "Confirmar mi suscripción" }).click();

  await expect(page).toHaveURL(/\/es\/newsletters\/preferences\?token=/);
  await expect(page.getByRole("heading", { level: 1, name: "Sus boletines" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Su suscripción está confirmada. ¡Le damos la bienvenida!");
  const choices = page.getByRole("group", { name: "Envíenme" });
  await expect(choices.getByRole("checkbox", { name: /^El resumen diario/ })).toBeChecked();
  await expect(choices.getByRole("checkbox", { name: /^Alertas de última hora/ })).toBeChecked();
  await axeAt(axePage, new URL(page.url()).pathname + new URL(page.url()).search);
  await choices.getByRole("checkbox", { name: /^El resumen diario/ }).uncheck();
  await page.getByRole("button", { name: "Guardar mis opciones" }).click();
  await expect(page).toHaveURL(/\/es\/newsletters\/preferences\?token=.*&saved=1$/);
  await expect(page.getByRole("status")).toHaveText("Guardamos sus opciones.");

  const subscriber = await testDb().subscriber.findUniqueOrThrow({ where: { email }, include: { lists: true, consents: { orderBy: { createdAt: "asc" } } } });
  expect(subscriber.language).toBe("es");
  expect(subscriber.lists.map((l) => l.list)).toEqual(["es:BREAKING"]);
  expect(subscriber.consents.map((c) => [c.action, c.source, c.language])).toEqual([
    ["sign_up", "footer", "es"],
    ["confirm", "e-mail", "es"],
    ["preferences", "preferences", "es"],
  ]);

  // The confirmation link, used once, works no more: said in Spanish, with the way back to the Spanish sign-up.
  await page.goto(confirmPath);
  await expect(page.getByRole("heading", { level: 1, name: "Este enlace no funciona" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Boletines" })).toHaveAttribute("href", "/es/newsletters");
  await axeAt(axePage, confirmPath);
  await close();
});

test("the desk sees each edition's daily digest waiting, the Spanish one named as such", async ({ page, login }) => {
  await login({ role: "EDITOR" });
  await page.goto("/dashboard/newsletters");
  const rows = page.getByRole("table", { name: "Editions, newest first" }).getByRole("row");
  await expect(rows.filter({ hasText: "Daily digest · Español" }).filter({ hasText: "Scheduled" }).first()).toContainText("las noticias del día");
  await expect(rows.filter({ hasText: "Daily digest" }).filter({ hasText: "the day's news" }).filter({ hasText: "Scheduled" }).first()).not.toContainText("Español");
});
