import { formatIsoDay, iso } from "../../src/engine";
import {
  formatLastReminder,
  levelWarnings,
  nextAction,
  nextLevel,
  parseLastReminder,
  parseLevel,
  proposedLevel,
} from "../../src/recovery";
import { book, invoices } from "./fixtures";

describe("the order of the letters", () => {
  test("reminder, second reminder, formal notice, then nothing (the court)", () => {
    expect(nextLevel(undefined)).toBe("rappel");
    expect(nextLevel({ level: "rappel", date: iso("2026-07-01") })).toBe("relance");
    expect(nextLevel({ level: "relance", date: iso("2026-07-16") })).toBe("mise-en-demeure");
    expect(nextLevel({ level: "mise-en-demeure", date: iso("2026-07-31") })).toBeUndefined();
  });

  test("a level is read as users write it", () => {
    expect(parseLevel("mise-en-demeure")).toBe("mise-en-demeure");
    expect(parseLevel("Mise en demeure")).toBe("mise-en-demeure");
    expect(parseLevel("RAPPEL")).toBe("rappel");
    expect(parseLevel("relance 2")).toBe("relance");
    expect(parseLevel("formal notice")).toBe("mise-en-demeure");
    expect(parseLevel("injonction")).toBeUndefined();
  });

  test("« Dernière relance » is written and read back", () => {
    const sent = { level: "relance" as const, date: iso("2026-07-15") };
    expect(formatLastReminder(sent, "fr")).toBe("Relance — 15/07/2026");
    expect(parseLastReminder("Relance — 15/07/2026")).toEqual(sent);
    expect(parseLastReminder("Mise en demeure du 30/07/2026")).toEqual({
      level: "mise-en-demeure",
      date: iso("2026-07-30"),
    });
    expect(parseLastReminder("rappel 2026-07-01")).toEqual({ level: "rappel", date: iso("2026-07-01") });
    expect(parseLastReminder("")).toBeUndefined();
    const bad = parseLastReminder("appelé le client");
    expect(bad && "problem" in bad && bad.problem.fr).toContain("Relance — 15/07/2026");
    expect(parseLastReminder("Relance — 31/02/2026")).toHaveProperty("problem");
  });

  test("« Prochaine action » proposes the next level 15 days after the last, and the court after a formal notice", () => {
    const due = iso("2026-05-31");
    const first = nextAction(due, undefined);
    expect([first.level, formatIsoDay(first.from), first.text.fr]).toEqual([
      "rappel",
      "2026-06-01",
      "Rappel à partir du 01/06/2026",
    ]);
    const second = nextAction(due, { level: "rappel", date: iso("2026-06-05") });
    expect(second.text.fr).toBe("Relance à partir du 20/06/2026");
    const after = nextAction(due, { level: "mise-en-demeure", date: iso("2026-07-01") });
    // 8 days to pay from 01/07: the deadline is 09/07, the court from 10/07.
    expect(after.level).toBeUndefined();
    expect(after.text.fr).toBe(
      "Injonction de payer à envisager à partir du 10/07/2026 (délai de la mise en demeure échu)",
    );
  });
});

describe("a level out of order is allowed and said", () => {
  const { book: b } = book(
    "omi",
    "2026-06-30",
    invoices(
      { ref: "A", client: "Client A", amount: "100", due: "2026-03-31" },
      { ref: "B", client: "Client A", amount: "100", due: "2026-03-31", last: ["rappel", "2026-04-10"] },
      {
        ref: "C",
        client: "Client A",
        amount: "100",
        due: "2026-03-31",
        last: ["mise-en-demeure", "2026-05-10"],
      },
    ),
  );
  const client = b.clients[0]!;

  test("the client's proposal follows its most advanced letter", () => {
    expect(client.lastReminder).toEqual({ level: "mise-en-demeure", date: iso("2026-05-10") });
    expect(proposedLevel(client)).toBeUndefined();
  });

  test("a formal notice with no reminder recorded, and a reminder after a formal notice, are named per invoice", () => {
    const med = levelWarnings(client, "mise-en-demeure").map((t) => t.fr);
    expect(med).toEqual([
      "Client A, facture A : mise en demeure sans rappel ni relance enregistrés — niveau pris hors de l'ordre habituel (permis : les pénalités sont dues sans relance).",
      "Client A, facture B : mise en demeure après un rappel — niveau pris hors de l'ordre habituel (permis : les pénalités sont dues sans relance).",
    ]);
    const back = levelWarnings(client, "rappel").map((t) => t.fr);
    expect(back).toEqual([
      "Client A, facture C : rappel alors qu'une mise en demeure a déjà été envoyée le 10/05/2026.",
    ]);
  });
});
