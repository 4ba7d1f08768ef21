/** Who is told about each kind of story event (lib/notifications/audience.ts), and what they read (lib/notifications/text.ts). */
import { describe, expect, it } from "vitest";
import { AUDIENCE, recipientsOf } from "@/lib/notifications/audience";
import { notificationEmail, notificationQuote, notificationSentence } from "@/lib/notifications/text";

describe("the audience of a story event", () => {
  const groups = { authors: ["ana", "tomas"], desk: ["eva", "ana", "admin"], participants: ["eva", "luis"], scheduler: ["eva"] };

  it("joins the kind's groups, names each person once, and never the actor", () => {
    expect(recipientsOf("SUBMITTED", groups, "ana")).toEqual(["tomas", "eva", "admin"]);
    expect(recipientsOf("SENT_BACK", groups, "eva")).toEqual(["ana", "tomas"]);
    expect(recipientsOf("NOTE", groups, "tomas")).toEqual(["ana", "eva", "luis"]);
    expect(recipientsOf("PUBLISHED_BY_SCHEDULE", groups, null)).toEqual(["ana", "tomas", "eva"]);
  });

  it("tells only the authors about what the desk did to their story", () => {
    for (const kind of ["SENT_BACK", "PUBLISHED", "CORRECTED", "UPDATE_SENT_BACK", "UPDATE_PUBLISHED"] as const) expect(AUDIENCE[kind]).toEqual(["authors"]);
    for (const kind of ["SUBMITTED", "UPDATE_SUBMITTED"] as const) expect(AUDIENCE[kind]).toEqual(["authors", "desk"]);
  });
});

describe("what a notification says", () => {
  it("names who did what to which story, and quotes their words", () => {
    const sentBack = { kind: "SENT_BACK" as const, actor: "Eva Soto", headline: "Water plan", detail: "Add the mayor." };
    expect(notificationSentence(sentBack)).toBe("Eva Soto sent “Water plan” back: changes requested.");
    expect(notificationQuote(sentBack)).toBe("Add the mayor.");
    expect(notificationSentence({ kind: "PUBLISHED", actor: null, headline: " ", detail: "" })).toBe("Someone published “Untitled”.");
  });

  it("credits the schedule and whoever set it, and quotes nothing more", () => {
    const live = { kind: "PUBLISHED_BY_SCHEDULE" as const, actor: null, headline: "Bridge reopens", detail: "Ana Ruiz" };
    expect(notificationSentence(live)).toBe("“Bridge reopens” was published by the schedule (set by Ana Ruiz).");
    expect(notificationQuote(live)).toBeNull();
  });

  it("makes an e-mail with the sentence as subject, the words quoted, the story's link and how to stop them", () => {
    const mail = notificationEmail({
      kind: "NOTE",
      actor: "Luis Paz",
      headline: "Water plan",
      detail: "Checked.\nAll good.",
      to: "ana@example.test",
      siteName: "Dateline",
      articleUrl: "https://news.example/dashboard/articles/a1",
      profileUrl: "https://news.example/dashboard/profile",
    });
    expect(mail.subject).toBe("Dateline: Luis Paz left a note on “Water plan”");
    expect(mail.text).toBe(
      [
        "Luis Paz left a note on “Water plan”.",
        "",
        "> Checked.",
        "> All good.",
        "",
        "Open the story: https://news.example/dashboard/articles/a1",
        "",
        "You get these e-mails about stories you work on in the Dateline newsroom. Turn them off in your profile: https://news.example/dashboard/profile",
      ].join("\n"),
    );
  });
});
