import { zipSync, strToU8 } from "fflate";
import { docxText, DOCX_LIMITS } from "../../src/documents/docx-text";
import { termsDocx } from "../support/terms-docx";

/**
 * A .docx read for the terms-of-sale import (issue 23): its text read back with mammoth; a file that
 * is not a .docx, or a zip that would inflate to gigabytes, refused with a sentence and nothing read.
 */

const fr = (r: Awaited<ReturnType<typeof docxText>>) => (r.ok ? r.text : r.message.fr);

describe("a Word document's text", () => {
  test("headings, paragraphs and a table come back as lines of text", async () => {
    const bytes = await termsDocx(
      [
        "ARTICLE 7 – Conditions de paiement",
        "Nos factures sont payables à quarante-cinq jours fin de mois, sans escompte.",
        "| Acompte | 30 % à la commande |",
        "| Solde | 45 jours fin de mois |",
      ].join("\n"),
    );
    const r = await docxText(bytes);
    expect(r.ok).toBe(true);
    const lines = fr(r)
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    expect(lines).toEqual([
      "ARTICLE 7 – Conditions de paiement",
      "Nos factures sont payables à quarante-cinq jours fin de mois, sans escompte.",
      "Acompte",
      "30 % à la commande",
      "Solde",
      "45 jours fin de mois",
    ]);
  });
});

describe("what is not a .docx, or would inflate beyond a document, is refused unread", () => {
  test("a text file named .docx", async () => {
    expect(fr(await docxText(strToU8("Conditions générales de vente")))).toMatch(
      /^Ce fichier n'est pas un \.docx/,
    );
  });

  test("an old Word .doc", async () => {
    expect(fr(await docxText(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toMatch(
      /^C'est un ancien document Word \(\.doc\)/,
    );
  });

  test("a zip that is not a Word document (an .xlsx, say)", async () => {
    const xlsx = zipSync({
      "xl/workbook.xml": strToU8("<workbook/>"),
      "[Content_Types].xml": strToU8("<Types/>"),
    });
    expect(fr(await docxText(xlsx))).toBe(
      "Cette archive zip n'est pas un document Word (elle n'a pas de word/document.xml) : ouvrez les conditions générales en .docx ou en .txt.",
    );
  });

  test("a truncated .docx", async () => {
    const bytes = await termsDocx("ARTICLE 1 – Objet\nTexte.");
    expect(fr(await docxText(bytes.subarray(0, Math.floor(bytes.length / 2))))).toMatch(
      /^Ce \.docx ne peut pas être lu/,
    );
  });

  test("a zip bomb is refused from its declared sizes, before anything is inflated", async () => {
    // 64 MB of zeros deflate to about 64 KB: a ratio near 1 000, where XML gives about 10.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = zipSync({ "word/document.xml": zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const t0 = process.hrtime.bigint();
    const r = await docxText(bomb);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(fr(r)).toMatch(
      /^Ce \.docx se décompresserait bien au-delà de ce que contient un document \(word\/document\.xml/,
    );
    expect(ms).toBeLessThan(500); // read the directory, inflated nothing
  });

  test("a bomb whose headers lie about its size is stopped while inflating, memory bounded", async () => {
    // 48 MB of zeros, headers rewritten to declare 2 000 bytes: the declared check passes, the
    // streamed inflate counts the real bytes and stops past 2 000.
    const bomb = zipSync({ "word/document.xml": new Uint8Array(48 * 1024 * 1024) }, { level: 9 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 4 <= bomb.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 2000, true); // local header: uncompressed size
      if (sig === 0x02014b50) view.setUint32(i + 24, 2000, true); // central directory: uncompressed size
    }
    const before = process.memoryUsage().rss;
    const r = await docxText(bomb);
    const grown = (process.memoryUsage().rss - before) / (1024 * 1024);
    expect(fr(r)).toMatch(/^Ce \.docx se décompresserait bien au-delà/);
    expect(grown).toBeLessThan(40);
  });

  test("a file over the size limit is refused before it is opened", async () => {
    const big = new Uint8Array(DOCX_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(fr(await docxText(big))).toBe(
      "Le fichier .docx dépasse 20 Mo, la taille la plus grande que l'import lit.",
    );
  });
});
