import { checkTermsText, decodeTermsBytes, importTermsText, MAX_TERMS_CHARS } from "../../src/terms-import";

/**
 * Bad input (issue 23): a text with no payment clause, an empty text, binary content, a 50 MB paste.
 * Each gets a sentence the user can act on and nothing else; and the reader stays linear in the
 * text's length.
 */

const refusal = (r: { ok: boolean; message?: { fr: string; en: string } }) =>
  r.ok ? "accepted" : r.message?.fr;

describe("what the import refuses, and how it says so", () => {
  test.each(["", "   \n\t\n", "\ufeff"])("an empty text (%j) asks for the terms of sale", (text) => {
    expect(refusal(importTermsText(text))).toBe(
      "Le texte est vide : collez les conditions générales, ou ouvrez un fichier .txt ou .docx.",
    );
  });

  test("a 50 MB paste is refused at once, naming the limit, without reading it", () => {
    const paste = "Le solde est payable à 30 jours. ".repeat(1_600_000); // 52.8 million characters
    const t0 = process.hrtime.bigint();
    const r = importTermsText(paste);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(refusal(r)).toBe(
      "Le texte compte 52,8 millions de caractères ; l'import en lit au plus 2 millions (des conditions générales dépassent rarement 300 000). Collez les seules conditions générales.",
    );
    expect(ms).toBeLessThan(50);
  });

  test("text with NUL bytes or full of control characters is binary", () => {
    expect(refusal(checkTermsText("Article 1\u0000\u0000"))).toMatch(/^Ce n'est pas du texte/);
    expect(refusal(checkTermsText("\u0001\u0002\u0003abc".repeat(100)))).toMatch(/^Ce n'est pas du texte/);
  });

  test("a text with no payment clause is refused: nothing imported", () => {
    const privacy = [
      "Politique de confidentialité",
      "1. Données collectées",
      "Nous collectons votre nom et votre adresse électronique pour répondre à vos demandes.",
      "2. Durée de conservation",
      "Les données sont conservées le temps nécessaire à la relation commerciale.",
    ].join("\n");
    expect(refusal(importTermsText(privacy))).toBe(
      "Aucune clause de paiement n'a été trouvée dans ce texte : s'agit-il de conditions générales ? Rien n'a été importé.",
    );
  });
});

describe("a text file's bytes", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  test("UTF-8, with or without its byte-order mark, is read as is", () => {
    const r = decodeTermsBytes(utf8("\ufeffPaiement à trente jours."));
    expect(r.ok && r.text).toBe("Paiement à trente jours.");
  });

  test("Windows-1252 (an older editor's .txt) is read, and the note says so", () => {
    // « é » is 0xE9 in Windows-1252, invalid alone in UTF-8.
    const bytes = Uint8Array.from([
      0x44, 0xe9, 0x6c, 0x61, 0x69, 0x20, 0x64, 0x65, 0x20, 0x33, 0x30, 0x20, 0x6a,
    ]);
    const r = decodeTermsBytes(bytes);
    expect(r.ok && [r.text, r.note?.fr]).toEqual([
      "Délai de 30 j",
      "Le fichier a été lu comme du texte Windows-1252 (il n'est pas en UTF-8).",
    ]);
  });

  test("UTF-16 with its byte-order mark (Word's « texte Unicode ») is read", () => {
    const text = "Paiement à 30 jours";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const r = decodeTermsBytes(bytes);
    expect(r.ok && r.text).toBe(text);
  });

  test.each([
    [
      "a PNG image",
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d],
      /^Ce n'est pas du texte/,
    ],
    ["a PDF", [...utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj")], /^Ce fichier est un PDF/],
    ["a zip (a .docx given as text)", [0x50, 0x4b, 0x03, 0x04, 0x14, 0], /^Ce fichier est une archive zip/],
    ["an empty file", [], /^Le texte est vide/],
  ])("%s is refused with a sentence saying what it is", (_what, bytes, message) => {
    expect(refusal(decodeTermsBytes(Uint8Array.from(bytes as number[])))).toMatch(message);
  });

  test("a file over the limit is refused before it is decoded", () => {
    const r = decodeTermsBytes(new Uint8Array(4 * MAX_TERMS_CHARS + 1));
    expect(refusal(r)).toBe(
      "Le fichier dépasse 8 Mo, la taille la plus grande que l'import lit comme fichier texte.",
    );
  });
});

describe("the reader is linear in the text's length", () => {
  /** Terms of sale of `articles` articles, each different (a repeated text would be read once). */
  function terms(articles: number): string {
    const out = ["Conditions générales de vente", ""];
    for (let i = 1; i <= articles; i++) {
      const n = `${Math.floor((i - 1) / 50) + 1}.${((i - 1) % 50) + 1}`;
      out.push(
        i % 50 === 1 ? `${Math.floor((i - 1) / 50) + 1}. Conditions de la série ${i}` : "",
        `${n}. Modalités de paiement n° ${i}`,
        `Le solde de la commande ${i} est payable à trente (30) jours fin de mois à compter de la date d'émission de la facture, sans escompte.`,
        `Tout retard de paiement entraîne des pénalités égales à trois fois le taux d'intérêt légal et une indemnité forfaitaire de 40 € (référence ${i}).`,
        `Le contrat est conclu pour une durée de douze (12) mois et se renouvelle par tacite reconduction, sauf préavis de deux (2) mois (clause ${i}).`,
        "",
      );
    }
    return out.join("\n");
  }

  test("1 MB and 8 MB of terms: the time grows with the length, not faster", () => {
    const time = (text: string) => {
      const t0 = process.hrtime.bigint();
      const r = importTermsText(text, { maxChars: 10_000_000 });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      expect(r.ok).toBe(true);
      return ms;
    };
    const perArticle = terms(1).length;
    const small = terms(Math.round(1_000_000 / perArticle));
    const large = terms(Math.round(8_000_000 / perArticle));
    time(terms(200)); // warm-up
    const a = time(small);
    const b = time(large);
    const mbps = (chars: number, ms: number) => (chars / 1e6 / (ms / 1000)).toFixed(1);
    console.log(
      `importTermsText: ${(small.length / 1e6).toFixed(1)} MB in ${a.toFixed(0)} ms (${mbps(small.length, a)} MB/s), ` +
        `${(large.length / 1e6).toFixed(1)} MB in ${b.toFixed(0)} ms (${mbps(large.length, b)} MB/s), time ratio ${(b / a).toFixed(2)} for 8 × the text`,
    );
    // Linear: 8 × the text takes about 8 × as long; quadratic would take 64 ×.
    expect(b / a).toBeLessThan(16);
  });
});
