import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * An ad's HTML snippet runs in a frame that allows no scripts (components/article/ad-slot.tsx). axe runs as a script
 * in every frame, so it cannot look inside one, and waiting for it to answer stalls the whole run: such frames are
 * left out (their content is the advertiser's; the ad specs check the frame's own title).
 */
const SCRIPTLESS_FRAME = "iframe[sandbox]:not([sandbox~='allow-scripts'])";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Fails the test with the list of violations when axe finds any WCAG 2.1 A/AA problem on the page; with
 * `bestPractices`, axe's best-practice rules too (heading order, landmarks: what Lighthouse and outside audits run),
 * which every public page type passes (e2e/public/reader-documents.spec.ts).
 */
export async function expectNoAxeViolations(page: Page, options: { bestPractices?: boolean } = {}) {
  // After a client-side navigation Next sets the new page's <title> a moment after its content: check a settled page
  // (a page that never gets a title still fails, here).
  await expect(page, "the page has a title").toHaveTitle(/\S/);
  const tags = options.bestPractices ? [...WCAG, "best-practice"] : WCAG;
  const results = await new AxeBuilder({ page }).withTags(tags).exclude(SCRIPTLESS_FRAME).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")})`);
  expect(summary, "axe-core violations").toEqual([]);
}
