import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * An ad's HTML snippet runs in a frame that allows no scripts (components/article/ad-slot.tsx). axe runs as a script
 * in every frame, so it cannot look inside one, and waiting for it to answer stalls the whole run: such frames are
 * left out (their content is the advertiser's; the ad specs check the frame's own title).
 */
const SCRIPTLESS_FRAME = "iframe[sandbox]:not([sandbox~='allow-scripts'])";

/** Fails the test with the list of violations when axe finds any WCAG 2.1 A/AA problem on the page. */
export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next sets the new page's <title> a moment after its content: check a settled page
  // (a page that never gets a title still fails, here).
  await expect(page, "the page has a title").toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).exclude(SCRIPTLESS_FRAME).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")})`);
  expect(summary, "axe-core violations").toEqual([]);
}
