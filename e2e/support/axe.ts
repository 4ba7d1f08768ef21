import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails the test with the list of violations when axe finds any WCAG 2.1 A/AA problem on the page. */
export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next sets the new page's <title> a moment after its content: check a settled page
  // (a page that never gets a title still fails, here).
  await expect(page, "the page has a title").toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")})`);
  expect(summary, "axe-core violations").toEqual([]);
}
