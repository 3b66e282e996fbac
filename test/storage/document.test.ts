import fc from "fast-check";
import { createHash } from "node:crypto";
import { buildRateTable, halfYearOf, iso, parseHalfYear } from "../../src/engine";
import {
  canonicalJson,
  captureState,
  contentHash,
  MAX_DOCUMENT_CHARS,
  MAX_PROFILES,
  parseStoredDocument,
  serializeState,
  sha256OfText,
  STORAGE_NAMESPACE,
  type StoredState,
  withRegister,
} from "../../src/storage";
import { acme, acmeJson, prototypeKeys, shipped } from "./fixtures";

const PROTO_BEFORE = prototypeKeys();
afterEach(() => {
  // No hostile document may add anything to Object.prototype.
  expect(prototypeKeys()).toEqual(PROTO_BEFORE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function sample(): StoredState {
  return captureState({
    settings: { holidays: "alsace-moselle", endOfMonthMethod: "eom-then-days", readings: ["flat"] },
    rateRows: [
      { halfYear: "2026-H2", legalProfessional: "2.5", ecb: "2.15", source: "arrêté du 20 juin 2026" },
    ],
    profiles: [acme(), shipped("omi")],
  });
}

function ok(xml: string) {
  const r = parseStoredDocument(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}

function refused(xml: unknown): string {
  const r = parseStoredDocument(xml);
  expect(r.ok).toBe(false);
  return r.issues.map((i) => i.text.en).join(" | ");
}

/** A stored document with one <profile> holding `json` verbatim (hash attribute as given). */
function docWithProfile(json: string, id = "acme", hash = "sha256:0"): string {
  return `<?xml version="1.0"?><terms xmlns="${STORAGE_NAMESPACE}" format="1" revision="1"><settings holidays="metropole" endOfMonthMethod="days-then-eom" readings=""/><profile id="${id}" version="1.0.0" hash="${hash}"><![CDATA[${json}]]></profile></terms>`;
}

describe("content hash", () => {
  test("SHA-256 gives the FIPS 180-4 test vectors", () => {
    expect(sha256OfText("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256OfText("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256OfText("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  test("SHA-256 of non-ASCII text hashes its UTF-8 bytes, like Node's crypto", () => {
    for (const text of ["Échéance — 40 €", "日本語 🎉", "a".repeat(1000)])
      expect(sha256OfText(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  test("the hash of a profile does not depend on the order its keys were written in", () => {
    const reversed = Object.fromEntries(Object.entries(acmeJson()).reverse());
    expect(canonicalJson(reversed)).toBe(canonicalJson(acmeJson()));
    expect(contentHash(reversed)).toBe(contentHash(acmeJson()));
    expect(contentHash({ ...acmeJson(), name: "ACME 2" })).not.toBe(contentHash(acmeJson()));
  });
});

describe("the stored document round-trips", () => {
  test("settings, rate rows and profiles read back as they were saved, with version and hash", () => {
    const state = sample();
    const xml = serializeState(state);
    expect(xml).toContain(`xmlns="${STORAGE_NAMESPACE}"`);
    const r = ok(xml);
    expect(r.issues).toEqual([]);
    expect(r.hashMismatches).toEqual([]);
    expect(r.state).toEqual(state);
    expect(r.state.profiles.map((p) => [p.profile.id, p.version, p.hash.slice(0, 7)])).toEqual([
      ["acme", "1.0.0", "sha256:"],
      ["omi", "1.1.0", "sha256:"],
    ]);
  });

  test("a restored rate row is a half-year of the rate table", () => {
    const r = ok(serializeState(sample()));
    const table = buildRateTable(r.state.rateRows);
    const key = parseHalfYear("2026-H2")!;
    expect(halfYearOf(iso("2026-08-01"))).toBe(key);
    // 2.5 % typed by the user → 0.025 as a fraction.
    expect(table.byHalfYear.get(key)?.legalProfessional?.toString()).toBe("0.025");
  });

  test("scripts and markup in a profile's strings are stored as text and read back unchanged", () => {
    const hostile = '<script>alert("x")</script> ]]> & <![CDATA[ </profile> &amp;';
    const p = { ...acmeJson(), name: hostile.slice(0, 100), business: { en: hostile, fr: hostile } };
    const state = captureState({ profiles: [acme(), { ...acme(), ...p, id: "acme-hostile" } as never] });
    const xml = serializeState(state);
    expect(xml).not.toContain("<script");
    expect(xml.match(/\]\]>/g)).toHaveLength(2); // only the two CDATA ends
    const r = ok(xml);
    expect(r.state.profiles[1]?.profile.business.en).toBe(hostile);
  });

  test("a part a host rewrote with a namespace prefix and entities instead of CDATA still reads", () => {
    const state = captureState({ profiles: [acme()] });
    const json = JSON.stringify(acme()).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const xml = `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<ns0:terms xmlns:ns0="${STORAGE_NAMESPACE}" format="1" revision="7">
  <ns0:settings holidays="metropole" endOfMonthMethod="days-then-eom" readings=""/>
  <ns0:profile id="acme" version="1.0.0" hash="${state.profiles[0]!.hash}">${json}</ns0:profile>
</ns0:terms>`;
    const r = ok(xml);
    expect(r.state.revision).toBe(7);
    expect(r.state.profiles[0]?.profile).toEqual(acme());
    expect(r.hashMismatches).toEqual([]);
  });
});

describe("remembered registers", () => {
  const register = {
    sheet: "Factures 2025",
    range: "B3:H51",
    vendor: "xiahdeh+flat",
    mode: "invoices" as const,
    write: "values" as const,
    asOf: "today",
    invoiceKind: "deposit",
    clientType: "consumer" as const,
    headers: ["N° facture", "Date facture", "Montant TTC"],
    appliedOn: "2026-12-03",
  };

  test("a register Apply wrote reads back as it was saved, and a second Apply at the same place replaces it", () => {
    const table = {
      ...register,
      range: undefined,
      table: "Abonnements",
      mode: "subscriptions" as const,
      asOf: "2026-06-30",
      write: "portable" as const,
    };
    const { range: _unused, ...inTable } = table;
    const state = withRegister(withRegister(captureState({}), register), inTable);
    const back = ok(serializeState(state)).state.registers;
    expect(back).toEqual([register, inTable]);
    const again = withRegister(state, { ...register, vendor: "omi", appliedOn: "2026-12-04" });
    expect(again.registers).toHaveLength(2);
    expect(again.registers.find((r) => r.range === "B3:H51")?.vendor).toBe("omi");
  });

  test("a remembered register with a bad range or as-of date is skipped with a message, the rest loads", () => {
    const xml = serializeState(withRegister(captureState({}), register))
      .replace('range="B3:H51"', 'range="B3:=cmd"')
      .replace(
        "</terms>",
        `  <register sheet="X" range="A1:B2" vendor="omi" mode="invoices" write="values" asOf="demain" appliedOn="2026-12-03" headers=""/>\n</terms>`,
      );
    const r = ok(xml);
    expect(r.state.registers).toEqual([]);
    expect(r.issues.map((i) => i.where)).toEqual(["register[1]", "register[2]"]);
    expect(r.issues[0]?.text.fr).toMatch(/^Registre mémorisé sur « Factures 2025 » non valide/);
  });
});

describe("hostile stored documents", () => {
  test("a document over the size limit is refused before it is parsed", () => {
    const huge = docWithProfile(`"${"x".repeat(MAX_DOCUMENT_CHARS)}"`);
    expect(refused(huge)).toMatch(/too large/);
  });

  test("a DOCTYPE with an external entity (XXE) is refused", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE terms [<!ENTITY x SYSTEM "file:///etc/passwd">]><terms xmlns="${STORAGE_NAMESPACE}" format="1"><settings holidays="&x;"/></terms>`;
    expect(refused(xxe)).toMatch(/DOCTYPE or entity declaration/);
  });

  test("an entity expansion bomb (billion laughs) is refused", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><terms xmlns="${STORAGE_NAMESPACE}" format="1">&lol2;</terms>`;
    expect(refused(bomb)).toMatch(/DOCTYPE/);
    expect(refused(bomb.replace("DOCTYPE", "doctype"))).toMatch(/DOCTYPE/);
  });

  test("text that is not XML, not well-formed, or not ours is refused with a message", () => {
    expect(refused(42)).toMatch(/not text/);
    expect(refused("{}")).toMatch(/not well-formed/);
    expect(refused(`<terms xmlns="${STORAGE_NAMESPACE}" format="1"><settings></terms>`)).toMatch(
      /not well-formed/,
    );
    expect(refused(`<terms xmlns="urn:other" format="1"/>`)).toMatch(/not an Échéance terms document/);
    expect(refused(`<other xmlns="${STORAGE_NAMESPACE}" format="1"/>`)).toMatch(
      /not an Échéance terms document/,
    );
  });

  test("a document of a newer format is refused, not guessed at", () => {
    expect(refused(`<terms xmlns="${STORAGE_NAMESPACE}" format="3"/>`)).toMatch(
      /format 3.*reads formats 1 and 2/,
    );
  });

  test("elements named __proto__ or constructor do not pollute Object.prototype", () => {
    const xml = `<terms xmlns="${STORAGE_NAMESPACE}" format="1"><__proto__><polluted>yes</polluted></__proto__><constructor><prototype><polluted>yes</polluted></prototype></constructor></terms>`;
    const r = parseStoredDocument(xml);
    // Refused by the XML parser's own guard, or read with the elements ignored: either way inert.
    if (r.ok) expect(r.state.profiles).toEqual([]);
    else expect(r.issues[0]?.text.en).toMatch(/could not be read|not well-formed/);
  });

  test("a stored profile with __proto__ and constructor keys loads without them and pollutes nothing", () => {
    const json = JSON.stringify(acmeJson()).replace(
      /^\{/,
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},',
    );
    const r = ok(docWithProfile(json));
    const p = r.state.profiles[0]!.profile;
    expect(Object.prototype.hasOwnProperty.call(p, "__proto__")).toBe(false);
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect((p as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("deeply nested JSON in a profile is skipped with a message, the rest still loads", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const xml = docWithProfile(deep).replace(
      "</terms>",
      `<profile id="acme2" version="1" hash=""><![CDATA[${JSON.stringify({ ...acmeJson(), id: "acme2" })}]]></profile></terms>`,
    );
    const r = ok(xml);
    expect(r.state.profiles.map((p) => p.profile.id)).toEqual(["acme2"]);
    expect(r.issues[0]?.where).toBe("profile[acme]");
    expect(r.issues[0]?.text.en).toMatch(/nested too deeply|not valid JSON/);
  });

  test("a profile with wrong types is skipped with the JSON path of each problem", () => {
    const bad = {
      ...acmeJson(),
      clients: "pro",
      invoiceKinds: [{ id: 7, label: "x", term: { kind: "days", days: "30" } }],
    };
    const r = ok(docWithProfile(JSON.stringify(bad)));
    expect(r.state.profiles).toEqual([]);
    const text = r.issues[0]!.text.en;
    expect(text).toContain("$.clients: expected an array");
    expect(text).toContain("$.invoiceKinds[0].id: expected a string");
    expect(text).toContain("$.invoiceKinds[0].term.days: expected a whole number");
  });

  test("a profile whose content no longer matches its hash is loaded and reported as changed outside Échéance", () => {
    const r = ok(docWithProfile(JSON.stringify(acmeJson()), "acme", "sha256:" + "0".repeat(64)));
    expect(r.state.profiles.map((p) => p.profile.id)).toEqual(["acme"]);
    expect(r.hashMismatches).toEqual(["acme"]);
    // The hash kept is the one of the content as it now reads.
    expect(r.state.profiles[0]?.hash).toBe(contentHash(acme()));
  });

  test("a profile stored under another id, or twice, is skipped", () => {
    const json = JSON.stringify(acmeJson());
    expect(ok(docWithProfile(json, "omi")).state.profiles).toEqual([]);
    const twice = docWithProfile(json).replace(
      "</terms>",
      `<profile id="acme" version="1" hash=""><![CDATA[${json}]]></profile></terms>`,
    );
    const r = ok(twice);
    expect(r.state.profiles).toHaveLength(1);
    expect(r.issues.some((i) => /appears twice/.test(i.text.en))).toBe(true);
  });

  test("more profiles than the limit: only the first ones are read, and the user is told", () => {
    const parts = Array.from({ length: MAX_PROFILES + 5 }, (_, i) => {
      const id = `v${i}`;
      return `<profile id="${id}" version="1" hash=""><![CDATA[${JSON.stringify({ ...acmeJson(), id })}]]></profile>`;
    }).join("");
    const r = ok(`<terms xmlns="${STORAGE_NAMESPACE}" format="1">${parts}</terms>`);
    expect(r.state.profiles).toHaveLength(MAX_PROFILES);
    expect(r.issues[0]?.text.en).toBe(
      `${MAX_PROFILES + 5} profiles: only the first ${MAX_PROFILES} are read.`,
    );
  });

  test("bad settings and rate rows fall back or are skipped, each with a message", () => {
    const xml = `<terms xmlns="${STORAGE_NAMESPACE}" format="1"><settings holidays="mars" endOfMonthMethod="eval(1)" readings="flat __proto__ Bad"/><rate halfYear="2026-H3" legalProfessional="1"/><rate halfYear="2026-H2" legalProfessional="1e9"/><rate halfYear="2026-H2" legalProfessional="150"/><rate halfYear="2027-H1" legalProfessional="2,4"/></terms>`;
    const r = ok(xml);
    expect(r.state.settings).toEqual({
      holidays: "metropole",
      endOfMonthMethod: "days-then-eom",
      readings: ["flat"],
    });
    expect(r.state.rateRows).toEqual([{ halfYear: "2027-H1", legalProfessional: "2,4" }]);
    expect(r.issues.map((i) => i.where)).toEqual([
      "settings",
      "settings",
      "settings",
      "rate[1]",
      "rate[2]",
      "rate[3]",
    ]);
    expect(r.issues[5]?.text.en).toMatch(/outside 0 % to 30 %/);
  });
});

describe("laws of the stored document", () => {
  test("any text in a profile's strings round-trips exactly (markup, CDATA ends, controls, astral characters)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ maxLength: 60 }), (en, fr) => {
        const p = { ...acmeJson(), business: { en, fr } };
        const state = captureState({ profiles: [p as never] });
        const r = parseStoredDocument(serializeState(state));
        expect(r.ok && r.state.profiles[0]?.profile.business).toEqual({ en, fr });
      }),
      { numRuns: 200 },
    );
  });

  test("a rate row's source with controls and markup is written as valid XML and reads back without the controls", () => {
    const state = captureState({
      rateRows: [
        { halfYear: "2026-H2", legalProfessional: "2.5", source: 'JO "n°1" <b>\u0001\tline\nnext & co' },
      ],
    });
    const r = ok(serializeState(state));
    expect(r.state.rateRows[0]?.source).toBe('JO "n°1" <b>\tline\nnext & co');
  });

  test("a lone surrogate in an attribute is stored as U+FFFD, a surrogate pair is kept, whatever the string", () => {
    // By hand: "a\ud800b" has a high surrogate with no low one after it, "\udc00x" a low one with no high
    // one before it; "\ud83d\ude00" (😀) is a pair.
    const source = (text: string) => {
      const state = captureState({
        rateRows: [{ halfYear: "2026-H2", legalProfessional: "2.5", source: text }],
      });
      return ok(serializeState(state)).state.rateRows[0]?.source;
    };
    expect(source("a\ud800b \udc00x \ud83d\ude00")).toBe("a\ufffdb \ufffdx \ud83d\ude00");
    // The definition, code unit by code unit: a high surrogate followed by a low one is a character,
    // any other surrogate is replaced.
    const reference = (text: string) => {
      let out = "";
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) out += text.slice(i, ++i + 1);
        else out += c >= 0xd800 && c <= 0xdfff ? "\ufffd" : text[i];
      }
      return out;
    };
    const units = fc.constantFrom("a", "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ude00", "é");
    fc.assert(
      fc.property(fc.array(units, { maxLength: 12 }), (parts) => {
        // A leading word: an empty source is not stored at all.
        const text = `JO ${parts.join("")}`;
        expect(source(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  test("any string given as the document is either read or refused with a message, never thrown", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseStoredDocument(`<terms xmlns="${STORAGE_NAMESPACE}" format="1">${text}</terms>`);
        expect(r.ok || r.issues.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
