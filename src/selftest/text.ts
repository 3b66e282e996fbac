import type { Language, Text } from "../engine";

/**
 * Everything the self-test says, in French and English: the report's labels, the words of its
 * differences, and each step's title, findings and failures — the self-test layer's one catalogue.
 * Values shown inside a sentence come in already worded for their language (`shown`, lists).
 */

const NONE: Text = { en: "none", fr: "aucune" };

/** A list as a sentence shows it: comma-separated, or « aucune » / "none". */
const listOr = (items: readonly (string | number)[], lang: Language): string =>
  items.join(", ") || NONE[lang];

const YES_NO = {
  yes: { en: "yes", fr: "oui" },
  no: { en: "no", fr: "non" },
} as const;

export const SELF_TEST_TEXT = {
  // --- The report (report.ts) ---
  report: {
    title: { en: "Échéance — self-test", fr: "Échéance — autotest" },
    date: { en: "Date", fr: "Date" },
    addinVersion: { en: "Add-in version", fr: "Version du complément" },
    host: { en: "Host", fr: "Hôte" },
    preview: (host: string): Text => ({
      en: `preview outside Excel, in-memory workbook (${host})`,
      fr: `aperçu hors Excel, classeur en mémoire (${host})`,
    }),
    browserLanguage: { en: "Browser's language", fr: "Langue du navigateur" },
    excelLanguage: { en: "Excel's language", fr: "Langue d'Excel" },
    requirementSets: { en: "Requirement sets", fr: "Ensembles de conditions requises" },
    supported: YES_NO,
    setSeparator: { en: "; ", fr: " ; " },
    /** French puts a space before the colon. */
    colon: { en: ":", fr: " :" },
    result: (passed: number, failed: number, skipped: number, took: Text): Text => ({
      en: `Result: ${passed} passed, ${failed} failed, ${skipped} not run — ${took.en}`,
      fr: `Résultat : ${passed} réussie(s), ${failed} échouée(s), ${skipped} non exécutée(s) — ${took.fr}`,
    }),
    noSheetLeft: { en: "no scratch sheet left", fr: "aucune feuille de test restante" },
    sheetsLeft: (names: string): Text => ({
      en: `sheet(s) to delete by hand: ${names}`,
      fr: `feuille(s) à supprimer à la main : ${names}`,
    }),
    termsUnchanged: {
      en: "workbook's stored terms unchanged",
      fr: "termes enregistrés du classeur inchangés",
    },
    termsChanged: {
      en: "WARNING: workbook's stored terms changed",
      fr: "ATTENTION : termes enregistrés du classeur modifiés",
    },
    termsUnknown: {
      en: "workbook's stored terms not checked",
      fr: "termes enregistrés du classeur non vérifiés",
    },
    selectionRestored: { en: "selection restored", fr: "sélection rétablie" },
    selectionNotRestored: { en: "selection not restored", fr: "sélection non rétablie" },
    cleanup: (removed: number, left: Text, terms: Text, selection: Text): Text => ({
      en: `Cleanup: ${removed} sheet(s) removed; ${left.en}; ${terms.en}; ${selection.en}.`,
      fr: `Nettoyage : ${removed} feuille(s) supprimée(s) ; ${left.fr} ; ${terms.fr} ; ${selection.fr}.`,
    }),
  },

  // --- Differences between what was written and what was read (check.ts) ---
  check: {
    empty: { en: "empty", fr: "vide" },
    quoted: (value: string): Text => ({ en: `"${value}"`, fr: `« ${value} »` }),
    number: (value: number): Text => ({ en: String(value), fr: String(value).replace(".", ",") }),
    difference: (cell: string, expected: Text, actual: Text): Text => ({
      en: `${cell} : expected ${expected.en}, read ${actual.en}`,
      fr: `${cell} : attendu ${expected.fr}, lu ${actual.fr}`,
    }),
    differences: (what: Text, count: number, list: Text): Text => ({
      en: `${what.en}: ${count} cell(s) differ — ${list.en}.`,
      fr: `${what.fr} : ${count} cellule(s) différente(s) — ${list.fr}.`,
    }),
  },

  // --- The run (run.ts) ---
  run: {
    skipped1904: {
      en: "1904 workbook: the pane refuses its registers (see the date-system step).",
      fr: "Classeur au calendrier 1904 : le volet refuse ses registres (voir l'étape du calendrier).",
    },
    gatewayRefused: (text: string): Text => ({
      en: `Gateway refused: ${text}`,
      fr: `Refus de la passerelle : ${text}`,
    }),
  },

  // --- The registers laid out on scratch sheets (fixtures.ts) ---
  fixtures: {
    readElsewhere: (read: string, scratch: string): Text => ({
      en: `The register was read from "${read}", not from the scratch sheet "${scratch}".`,
      fr: `Le registre a été lu dans « ${read} », pas dans la feuille de test « ${scratch} ».`,
    }),
  },

  // --- Checks shared by the steps that apply a register (steps/apply-checks.ts) ---
  apply: {
    stopped: (written: number, rows: number, editedCell: string | undefined): Text => ({
      en: `Apply stopped after ${written} of ${rows} rows${editedCell ? ` (cell ${editedCell} reported as edited)` : ""}.`,
      fr: `Appliquer s'est arrêté après ${written} ligne(s) sur ${rows}${editedCell ? ` (cellule ${editedCell} signalée comme modifiée)` : ""}.`,
    }),
    columnHeaders: { en: "Column headers", fr: "En-têtes de colonne" },
    noDueDateColumn: {
      en: "Apply wrote no due-date column.",
      fr: "Appliquer n'a pas écrit de colonne d'échéance.",
    },
    dueDates: {
      en: "Due dates (30 days after the invoice date)",
      fr: "Échéances (30 jours après la date de facture)",
    },
    inputsChanged: { en: "The register's own cells changed", fr: "Les cellules du registre ont changé" },
  },

  // --- The steps (steps/*.ts), in the order they run ---
  sheet: {
    title: {
      en: "Scratch sheets: added under a free name, written, read back",
      fr: "Feuilles de test : ajout sous un nom libre, écriture, relecture",
    },
    nameTaken: (first: string): Text => ({
      en: `The scratch sheet took the name of an existing sheet ("${first}").`,
      fr: `La feuille de test a pris le nom d'une feuille existante (« ${first} »).`,
    }),
    namesClash: (first: string, second: string): Text => ({
      en: `Two scratch sheets got the names "${first}" and "${second}": expected two names of at most 31 characters that differ.`,
      fr: `Deux feuilles de test ont reçu les noms « ${first} » et « ${second} » : il fallait deux noms différents d'au plus 31 caractères.`,
    }),
    sheetsMissing: (missing: string): Text => ({
      en: `After adding the scratch sheets, these sheets are not there: ${missing}.`,
      fr: `Après l'ajout des feuilles de test, ces feuilles sont absentes : ${missing}.`,
    }),
    cellsWritten: { en: "Cells written on the scratch sheet", fr: "Cellules écrites sur la feuille de test" },
    names: (first: string, second: string): Text => ({
      en: `"${first}", "${second}"`,
      fr: `« ${first} », « ${second} »`,
    }),
  },

  dateSystem: {
    title: { en: "Date system (1900 or 1904)", fr: "Calendrier du classeur (1900 ou 1904)" },
    probeOdd: (probe: Text, in1900: number): Text => ({
      en: `=DATE(1904,1,1) gave ${probe.en} in H1: expected ${in1900} (1900 date system) or 0 (1904).`,
      fr: `=DATE(1904;1;1) a donné ${probe.fr} en H1 : attendu ${in1900} (calendrier 1900) ou 0 (1904).`,
    }),
    readAs1900: {
      en: "This workbook counts dates from 1904, yet the pane read its register as if from 1900 (dates four years off).",
      fr: "Ce classeur compte les dates depuis 1904, et pourtant le volet a lu son registre comme depuis 1900 (dates décalées de quatre ans).",
    },
    refusedAs1904: {
      en: "This workbook counts dates from 1900, yet the pane refused its register as a 1904 workbook.",
      fr: "Ce classeur compte les dates depuis 1900, et pourtant le volet a refusé son registre comme un classeur 1904.",
    },
    is1904: {
      en: "1904 date system: the pane refuses registers here, as it should (the register steps are not run).",
      fr: "Calendrier 1904 : le volet refuse les registres de ce classeur, comme prévu (les étapes sur un registre ne sont pas exécutées).",
    },
    is1900: { en: "1900 date system", fr: "Calendrier 1900" },
  },

  read: {
    title: {
      en: "Reading a register with hidden rows, a filter and merged cells",
      fr: "Lecture d'un registre avec lignes masquées, filtre et cellules fusionnées",
    },
    address: (read: string, expected: string): Text => ({
      en: `The register read is ${read}: expected ${expected}.`,
      fr: `Le registre lu est ${read} : attendu ${expected}.`,
    }),
    rowsRead: {
      en: "Rows read (hidden and filtered-out rows included)",
      fr: "Lignes lues (lignes masquées et filtrées comprises)",
    },
    hiddenRows: (got: readonly number[], expected: readonly number[]): Text => ({
      en: `Hidden rows reported: ${listOr(got, "en")}; expected ${listOr(expected, "en")}.`,
      fr: `Lignes masquées signalées : ${listOr(got, "fr")} ; attendu ${listOr(expected, "fr")}.`,
    }),
    filterMissed: {
      en: "The sheet's filter was not reported.",
      fr: "Le filtre de la feuille n'a pas été signalé.",
    },
    filterInvented: {
      en: "A filter was reported where there is none.",
      fr: "Un filtre a été signalé alors qu'il n'y en a pas.",
    },
    merges: (got: readonly string[], expected: readonly string[]): Text => ({
      en: `Merged cells reported: ${listOr(got, "en")}; expected ${listOr(expected, "en")}.`,
      fr: `Cellules fusionnées signalées : ${listOr(got, "fr")} ; attendu ${listOr(expected, "fr")}.`,
    }),
    merge: { en: "merge", fr: "fusion" },
    hiddenRow: { en: "hidden row", fr: "ligne masquée" },
    filter: { en: "filter", fr: "filtre" },
    seen: (hidden: readonly number[], filter: boolean, merges: readonly string[]): Text => ({
      en: `hidden: ${listOr(hidden, "en")}; filter: ${filter ? "yes" : "no"}; merges: ${listOr(merges, "en")}`,
      fr: `masquées : ${listOr(hidden, "fr")} ; filtre : ${filter ? "oui" : "non"} ; fusions : ${listOr(merges, "fr")}`,
    }),
    notLaidOut: (seen: Text, names: Text): Text => ({
      en: `${seen.en} (not laid out in this Excel: ${names.en})`,
      fr: `${seen.fr} (non disposé dans cet Excel : ${names.fr})`,
    }),
  },

  values: {
    title: { en: "Apply as values", fr: "Appliquer en valeurs" },
    replacedOnEmpty: (count: number, address: string): Text => ({
      en: `The confirmation counted ${count} cell(s) to replace on an empty scratch sheet (${address}).`,
      fr: `La confirmation a compté ${count} cellule(s) à remplacer sur une feuille de test vide (${address}).`,
    }),
    valuesWritten: { en: "Values written", fr: "Valeurs écrites" },
    numberFormats: { en: "Number formats", fr: "Formats de nombre" },
    size: (rows: number, columns: number): Text => ({
      en: `${rows} rows × ${columns} columns`,
      fr: `${rows} lignes × ${columns} colonnes`,
    }),
  },

  note: {
    title: {
      en: "Provenance note (added, then replaced)",
      fr: "Note de provenance (ajout, puis remplacement)",
    },
    notesMissing: (got: "comment" | "none"): Text => ({
      en: `This Excel claims ExcelApi 1.18, yet the note went ${got === "comment" ? "into a comment" : "nowhere"}: its office.js lacks workbook.notes.`,
      fr: `Cet Excel annonce ExcelApi 1.18, et pourtant la note ${got === "comment" ? "a été ajoutée en commentaire" : "n'a pas été ajoutée"} : son office.js n'a pas workbook.notes.`,
    }),
    wentElsewhere: (got: "note" | "comment" | "none", expected: "comment" | "none"): Text => ({
      en: `The note went ${got === "none" ? "nowhere" : `into a ${got}`}; expected a ${expected} (ExcelApi ${expected === "comment" ? "1.10" : "1.18"}).`,
      fr: `La note ${got === "none" ? "n'a pas été ajoutée" : got === "comment" ? "a été ajoutée en commentaire" : "a été ajoutée en note"} ; attendu : ${expected === "comment" ? "un commentaire (ExcelApi 1.10)" : "une note (ExcelApi 1.18)"}.`,
    }),
    neither: {
      en: "This Excel has neither notes nor comments: the values stand without a note.",
      fr: "Cet Excel n'a ni notes ni commentaires : les valeurs sont écrites sans note.",
    },
    notFound: (kind: "note" | "comment", at: string): Text => ({
      en: `No ${kind} found on ${at}.`,
      fr: `Aucun${kind === "note" ? "e note" : " commentaire"} trouvé${kind === "note" ? "e" : ""} en ${at}.`,
    }),
    reads: (
      found: "note" | "comment",
      at: string,
      read: Text,
      expected: "note" | "comment",
      text: Text,
    ): Text => ({
      en: `The ${found} on ${at} reads ${read.en}: expected the ${expected} ${text.en}.`,
      fr: `${found === "note" ? "La note" : "Le commentaire"} en ${at} contient ${read.fr} : attendu ${text.fr}.`,
    }),
    excelNote: { en: "Excel note", fr: "Note Excel" },
    comment: { en: "Comment (no notes in this Excel)", fr: "Commentaire (pas de notes dans cet Excel)" },
  },

  highlight: {
    title: {
      en: "Highlighting (conditional formats), then replaced",
      fr: "Mise en évidence (mise en forme conditionnelle), puis remplacement",
    },
    answered: (got: string, expected: string): Text => ({
      en: `Highlighting answered "${got}": expected "${expected}" (ExcelApi 1.6 ${expected === "added" ? "claimed" : "missing"}).`,
      fr: `La mise en évidence a répondu « ${got} » : attendu « ${expected} » (ExcelApi 1.6 ${expected === "added" ? "annoncé" : "absent"}).`,
    }),
    unsupported: {
      en: "ExcelApi 1.6 missing: no highlighting.",
      fr: "ExcelApi 1.6 absent : pas de mise en évidence.",
    },
    formats: (at: string, listed: string, expected: string): Text => ({
      en: `Conditional formats on ${at}: ${listed}; expected ${expected}.`,
      fr: `Mises en forme conditionnelles sur ${at} : ${listed} ; attendu ${expected}.`,
    }),
    replaced: { en: "2 rules, replaced on a second Apply", fr: "2 règles, remplacées au second Appliquer" },
  },

  formulas: {
    title: { en: "Apply as live CGV.* formulas", fr: "Appliquer en formules CGV.* en direct" },
    frenchTitle: {
      en: "Live formulas in a French Excel",
      fr: "Formules en direct dans un Excel en français",
    },
    notFrench: (language: string | undefined): Text => ({
      en: `Excel's language is ${language ?? "not known"}: the English names are Excel's own.`,
      fr: `La langue d'Excel est ${language ?? "inconnue"} : les noms anglais sont ceux de cet Excel.`,
    }),
    written: { en: "Formulas written", fr: "Formules écrites" },
    none: { en: "No formula was written.", fr: "Aucune formule n'a été écrite." },
    asOfLabel: { en: "As of", fr: "Date d'arrêté" },
    asOfCells: { en: "As-of date cells", fr: "Cellules de la date d'arrêté" },
    frenchNames: { en: "French names through formulasLocal", fr: "noms français par formulasLocal" },
    englishNames: { en: "English names", fr: "noms anglais" },
    computed: (how: Text, computed: number): Text => ({
      en: `${how.en}; ${computed} cell(s) computed by Excel as the pane did`,
      fr: `${how.fr} ; ${computed} cellule(s) calculée(s) par Excel comme par le volet`,
    }),
    readAsWritten: (how: Text): Text => ({
      en: `${how.en}; formulas read back as written`,
      fr: `${how.fr} ; formules relues telles qu'écrites`,
    }),
    functionsUnknown: {
      en: "This Excel does not know the CGV.* functions (#NAME? with English and French names): the add-in's shared runtime is not loaded.",
      fr: "Cet Excel ne connaît pas les fonctions CGV.* (#NOM? avec les noms anglais comme français) : le runtime partagé du complément n'est pas chargé.",
    },
  },

  portable: {
    title: {
      en: "Apply as native formulas (portable), with their reference sheet",
      fr: "Appliquer en formules natives (portables), avec leur feuille de référence",
    },
    bothSheets: (fr: string, en: string): Text => ({
      en: `This workbook has both "${fr}" and "${en}": the self-test does not touch them.`,
      fr: `Ce classeur contient déjà « ${fr} » et « ${en} » : l'autotest n'y touche pas.`,
    }),
    noReferenceSheet: (name: string): Text => ({
      en: `No reference sheet "${name}" was written.`,
      fr: `La feuille de référence « ${name} » n'a pas été écrite.`,
    }),
    computed: (formulas: number): Text => ({
      en: `${formulas} formulas, computed by Excel as the pane did`,
      fr: `${formulas} formules, calculées par Excel comme par le volet`,
    }),
    readAsWritten: (formulas: number): Text => ({
      en: `${formulas} formulas without CGV.*, read back as written`,
      fr: `${formulas} formules sans CGV.*, relues telles qu'écrites`,
    }),
  },

  edit: {
    title: {
      en: "An edit of the register while Apply writes",
      fr: "Une modification du registre pendant l'écriture",
    },
    unsupported: {
      en: "ExcelApi 1.7 missing: edits made while Apply writes are not watched.",
      fr: "ExcelApi 1.7 absent : les modifications pendant l'écriture ne sont pas surveillées.",
    },
    notNoticed: (address: string, seconds: number, written: number, rows: number): Text => ({
      en: `The edit of ${address} was not noticed within ${seconds} s: Apply wrote ${written} of ${rows} rows.`,
      fr: `La modification de ${address} n'a pas été vue en ${seconds} s : Appliquer a écrit ${written} ligne(s) sur ${rows}.`,
    }),
    wrongCell: (named: string, address: string): Text => ({
      en: `Apply named ${named} as the edited cell: expected ${address}.`,
      fr: `Appliquer a désigné ${named} comme cellule modifiée : attendu ${address}.`,
    }),
    stoppedAt: (written: number, chunk: number): Text => ({
      en: `Apply stopped after ${written} rows: expected ${chunk} (the first chunk only).`,
      fr: `Appliquer s'est arrêté après ${written} lignes : attendu ${chunk} (le premier lot seulement).`,
    }),
    rowsAfterStop: { en: "Rows after the stop", fr: "Lignes après l'arrêt" },
    stopped: (chunk: number, cell: string, waited: number): Text => ({
      en: `stopped after ${chunk} rows, naming ${cell} (told after ${waited} ms)`,
      fr: `arrêt après ${chunk} lignes, cellule ${cell} désignée (signalée après ${waited} ms)`,
    }),
  },

  sizes: {
    title: {
      en: "Requests sized by bytes: a block over 5 MB written and read back",
      fr: "Requêtes dimensionnées en octets : un bloc de plus de 5 Mo écrit puis relu",
    },
    underLimit: { en: "The test block is under 5 MB.", fr: "Le bloc de test fait moins de 5 Mo." },
    rowsRead: (read: number, expected: number): Text => ({
      en: `The block read back has ${read} rows: expected ${expected}.`,
      fr: `Le bloc relu compte ${read} lignes : attendu ${expected}.`,
    }),
    readBack: { en: "Large block read back", fr: "Grand bloc relu" },
    done: (rows: number, megabytes: string): Text => ({
      en: `${rows.toLocaleString("en")} rows, ${megabytes} MB written and read back`,
      fr: `${rows.toLocaleString("fr").replace(/\s/g, " ")} lignes, ${megabytes.replace(".", ",")} Mo écrits et relus`,
    }),
  },

  terms: {
    title: {
      en: "Stored terms: write, read, replace, remove",
      fr: "Termes enregistrés : écriture, lecture, remplacement, suppression",
    },
    noStore: {
      en: "This Excel has neither custom XML parts nor document settings.",
      fr: "Cet Excel n'a ni parties XML personnalisées ni paramètres de document.",
    },
    notRemoved: (count: number): Text => ({
      en: `The self-test's store still holds ${count} document(s) after removal.`,
      fr: `Le stockage de l'autotest contient encore ${count} document(s) après suppression.`,
    }),
    written: { en: "Written", fr: "Écriture" },
    replaced: { en: "Replaced", fr: "Remplacement" },
    documentCount: (what: Text, count: number): Text => ({
      en: `${what.en}: ${count} stored document(s) read back; expected exactly one.`,
      fr: `${what.fr} : ${count} document(s) enregistré(s) relu(s) ; attendu un seul.`,
    }),
    differ: (what: Text, issues: Text | undefined): Text => ({
      en: `${what.en}: the terms read back differ from those written${issues ? ` (${issues.en})` : ""}.`,
      fr: `${what.fr} : les termes relus diffèrent de ceux écrits${issues ? ` (${issues.fr})` : ""}.`,
    }),
    left: (count: number): Text => ({
      en: `After removal, ${count} document(s) of the self-test remain.`,
      fr: `Après suppression, ${count} document(s) de l'autotest restent.`,
    }),
    workbookChanged: {
      en: "The workbook's own stored terms changed during the step.",
      fr: "Les termes enregistrés du classeur ont changé pendant l'étape.",
    },
    customXmlPart: { en: "custom XML part", fr: "partie XML personnalisée" },
    documentSettings: { en: "document settings", fr: "paramètres du document" },
    reformatted: (kind: Text): Text => ({
      en: `${kind.en}; the XML came back reformatted, with the same content`,
      fr: `${kind.fr} ; le XML est revenu remis en forme, au même contenu`,
    }),
  },

  usedRange: {
    title: {
      en: "A whole-column selection on a sheet formatted down to its last row: only the rows with values read",
      fr: "Sélection de colonnes entières sur une feuille mise en forme jusqu'à sa dernière ligne : seules les lignes remplies lues",
    },
    unsupported: {
      en: "ExcelApi 1.2 missing: the used range counts formatted cells, so such a selection reads down to the last formatted row.",
      fr: "ExcelApi 1.2 absent : la plage utilisée compte les cellules mises en forme, une telle sélection est lue jusqu'à la dernière ligne mise en forme.",
    },
    readTooMuch: (read: string, rows: number, expected: string, expectedRows: number): Text => ({
      en: `The selection A:C was read as ${read} (${rows} rows): expected ${expected} (${expectedRows} rows).`,
      fr: `La sélection A:C a été lue comme ${read} (${rows} lignes) : attendu ${expected} (${expectedRows} lignes).`,
    }),
    read: (address: string, rows: number): Text => ({
      en: `${address}: ${rows} rows, though the sheet is formatted down to row 1,048,576`,
      fr: `${address} : ${rows} lignes, bien que la feuille soit mise en forme jusqu'à la ligne 1 048 576`,
    }),
  },

  functionsStart: {
    title: {
      en: "CGV functions: the workbook's terms read before the first answer",
      fr: "Fonctions CGV : conditions du classeur lues avant la première réponse",
    },
    outsideExcel: {
      en: "Outside Excel there is no shared runtime: the functions are checked inside Excel only.",
      fr: "Hors d'Excel, pas de runtime partagé : les fonctions ne se vérifient que dans Excel.",
    },
    notHeld: {
      en: "The functions' runtime did not wait for the workbook at start: its first answers may have used the shipped terms.",
      fr: "Le runtime des fonctions n'a pas attendu le classeur au démarrage : ses premières réponses ont pu utiliser les conditions livrées.",
    },
    failed: (why: Text | undefined): Text => ({
      en: `The workbook's stored terms could not be read at start${why ? `: ${why.en}` : "."}`,
      fr: `Les conditions enregistrées du classeur n'ont pas pu être lues au démarrage${why ? ` : ${why.fr}` : "."}`,
    }),
    stillLoading: {
      en: "The workbook's stored terms are still being read: the functions answered without them.",
      fr: "Les conditions enregistrées du classeur sont encore en cours de lecture : les fonctions ont répondu sans elles.",
    },
    answeredWithout: (without: number, answers: number): Text => ({
      en: `${without} of ${answers} answer(s) were given before the workbook's terms were read (the 30-second wait ran out): those cells were recalculated once the terms came.`,
      fr: `${without} réponse(s) sur ${answers} ont été données avant la lecture des conditions du classeur (l'attente de 30 s a expiré) : ces cellules ont été recalculées une fois les conditions lues.`,
    }),
    loaded: (answers: number): Text => ({
      en: `terms read before any answer; ${answers} answer(s) since, all with them`,
      fr: `conditions lues avant toute réponse ; ${answers} réponse(s) depuis, toutes avec elles`,
    }),
    noneStored: (answers: number): Text => ({
      en: `no terms stored in this workbook (the shipped ones apply); ${answers} answer(s) since`,
      fr: `aucune condition enregistrée dans ce classeur (les conditions livrées s'appliquent) ; ${answers} réponse(s) depuis`,
    }),
  },

  paneVisibility: {
    title: {
      en: "The pane told when Office shows it (it reads the register again)",
      fr: "Le volet averti quand Office l'affiche (il relit le registre)",
    },
    outsideExcel: {
      en: "Outside Excel the pane is never hidden by Office.",
      fr: "Hors d'Excel, Office ne masque jamais le volet.",
    },
    unsupported: {
      en: 'SharedRuntime 1.1 or Office.addin.onVisibilityModeChanged missing: the pane reads the register when it opens only (press "Read the register" after reopening it).',
      fr: "SharedRuntime 1.1 ou Office.addin.onVisibilityModeChanged absent : le volet ne lit le registre qu'à son ouverture (cliquez « Lire le registre » après l'avoir rouvert).",
    },
    refused: (error: string): Text => ({
      en: `Office refused the pane's visibility handler: ${error}`,
      fr: `Office a refusé le gestionnaire d'affichage du volet : ${error}`,
    }),
    notRegistered: {
      en: "The pane's visibility handler is not registered.",
      fr: "Le gestionnaire d'affichage du volet n'est pas enregistré.",
    },
    registered: (shown: number, hidden: number): Text => ({
      en: `registered; since the page loaded, shown ${shown} time(s), hidden ${hidden} time(s)`,
      fr: `enregistré ; depuis le chargement de la page, affiché ${shown} fois, masqué ${hidden} fois`,
    }),
  },
} as const;
