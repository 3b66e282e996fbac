import type { Language } from "../../engine";
import { frenchOf as de } from "../../engine";

/** Every sentence of the task pane, in French (default) and English. */
export const STRINGS = {
  fr: {
    appTitle: "Échéance",
    appSubtitle: "Appliquer les CGV d'un fournisseur à un registre",
    previewBanner: "Aperçu hors Excel",
    previewBannerBody:
      "Le volet fonctionne sur un classeur de démonstration en mémoire : rien n'est écrit dans un fichier.",
    // Start-up and exports' text fallback (issue 14): Office loading, office.js missing, Excel for Mac.
    officeLoading: "Connexion à Excel…",
    officeSlow:
      "Excel met du temps à répondre. Le volet l'attend et n'écrit rien d'ici là ; si cela dure, fermez le volet et rouvrez-le.",
    officeHostUnsupported: (host: string) =>
      `Échéance fonctionne dans Excel ; cette application (${host}) n'est pas prise en charge.`,
    officeStartFailed: (message: string) =>
      `Office n'a pas pu démarrer le volet (${message}). Fermez le volet et rouvrez-le.`,
    previewNoOfficeJs:
      "Office.js n'a pas pu être chargé depuis appsforoffice.microsoft.com (hors ligne ou bloqué). Dans Excel, vérifiez l'accès à ce site, puis rouvrez le volet.",
    exportShowText: "Afficher le texte",
    exportHideText: "Masquer le texte",
    exportTextLabel: (fileName: string) => `Contenu du fichier « ${fileName} »`,
    exportNoDownloadHere: (fileName: string) =>
      `Excel sur Mac et sur iPad ne télécharge pas de fichier depuis un volet : copiez ce texte et enregistrez-le sous « ${fileName} ».`,
    calendarAsText: (n: number) => `${n} échéance(s) à venir, dans le calendrier ci-dessous.`,
    exportCopy: "Copier",
    exportCopied: (fileName: string) => `Texte copié : collez-le dans un fichier « ${fileName} ».`,
    exportCopyRefused: (fileName: string) =>
      `Copie automatique refusée ici : le texte est sélectionné, copiez-le avec Ctrl+C (⌘C sur Mac) et collez-le dans un fichier « ${fileName} ».`,
    languageToggle: "English",
    languageToggleLabel: "Passer l'interface en anglais",
    vendorSection: "Fournisseur",
    vendorLabel: "Fournisseur",
    vendorPlaceholder: "Choisir un fournisseur",
    summaryTitle: "Conditions appliquées",
    paymentTerms: "Délais de paiement par type de facture",
    defaultMark: "par défaut",
    latePayment: "Retard de paiement",
    subscriptions: "Renouvellement et préavis",
    interpretations: "Interprétations retenues",
    contradictions: "Contradictions du texte",
    optionsTitle: "Options",
    eomMethod: "Méthode « jours fin de mois »",
    eomDaysThenEom: "Date + N jours, puis fin de mois (par défaut)",
    eomEomThenDays: "Fin de mois, puis + N jours",
    defaultKind: "Type de facture par défaut",
    defaultPlan: "Formule par défaut",
    clientType: "Type de client par défaut",
    clientPro: "Professionnel",
    clientConsumer: "Consommateur",
    asOfLabel: "Date d'arrêté",
    asOfHint: "Les retards et les préavis sont calculés à cette date.",
    asOfInvalid: "Saisissez une date valide.",
    asOfKindLabel: "Date d'arrêté mémorisée pour « Tout recalculer »",
    asOfToday: "aujourd'hui (suit la date du jour)",
    asOfFixed: "date fixe",
    sourceSection: "Registre",
    sourceKind: "Source",
    sourceRegion: "Zone autour de la cellule active",
    sourceSelection: "Plage sélectionnée",
    sourceTable: "Tableau Excel",
    readSource: "Lire le registre",
    reading: "Lecture…",
    sourceRead: (address: string, rows: number, table: string | undefined) =>
      `${address} — ${rows} ligne(s) de données${table ? ` (tableau ${table})` : ""}`,
    modeLabel: "Type de registre",
    modeInvoices: "Factures",
    modeSubscriptions: "Abonnements",
    mappingTitle: "Correspondance des colonnes",
    mappingNone: "— aucune —",
    required: "obligatoire",
    unrecognized: (names: string) => `Colonnes non reconnues (laissées telles quelles) : ${names}`,
    previousOutputs: (names: string) => `Colonnes d'un calcul précédent (réécrites) : ${names}`,
    previewTitle: "Aperçu",
    previewCaption: (n: number, total: number) =>
      `Les ${n} premières lignes sur ${total}, telles qu'elles seraient écrites.`,
    previewRegion: "Aperçu des valeurs à écrire",
    rowHeader: "Ligne",
    applySection: "Écrire",
    writeAs: "Écrire",
    writeValues: "des valeurs (recommandé)",
    writeFormulas: "des formules CGV.* en direct",
    writePortable: "des formules Excel natives (lisibles sans le complément)",
    calendarSection: "Calendrier",
    exportCalendar: "Exporter les échéances (.ics)",
    alarmDays: "Rappel (jours avant)",
    alarmDaysInvalid: "Un nombre de jours, de 0 à 999.",
    calendarName: "Échéances",
    calendarExported: (n: number) =>
      `${n} échéance(s) à venir exportée(s) : ouvrez le fichier avec Outlook ou votre agenda.`,
    portableHint:
      "EDATE, FIN.MOIS, SOMMEPROD… sur une feuille « taux et fériés » ajoutée au classeur : les résultats se recalculent chez un collègue sans Échéance.",
    formulasHint:
      "Les formules se recalculent, mais les fonctions personnalisées sont lentes sur de gros registres.",
    formulasUnavailable:
      "Formules indisponibles : les colonnes de résultat existantes ne sont pas contiguës.",
    apply: "Appliquer",
    cancel: "Annuler",
    phaseCounting: "Vérification des cellules de destination…",
    phaseComputing: (done: number, total: number) => `Calcul : ${done} / ${total} lignes`,
    phaseValues: (done: number, total: number) => `Écriture des valeurs : ${done} / ${total} lignes`,
    phaseFormats: (done: number, total: number) => `Mise en forme : ${done} / ${total} lignes`,
    progressLabel: "Progression de l'application",
    done: (rows: number, columns: number, added: number) =>
      `${rows} ligne(s) écrites dans ${columns} colonne(s), dont ${added} nouvelle(s).`,
    cancelled: (rows: number) => `Annulé : ${rows} ligne(s) écrites avant l'arrêt.`,
    editedDuringApply: (cell: string, rows: number) =>
      `Arrêté : la cellule ${cell} du registre a été modifiée pendant l'écriture. ${rows} ligne(s) écrites par lots entiers ; relancez Appliquer pour des résultats à jour.`,
    cancelledBeforeWrite: "Annulé avant toute écriture.",
    confirmTitle: "Remplacer des cellules ?",
    confirmBody: (n: number, address: string) =>
      `${n} cellule(s) non vide(s) ${de(address)} seraient remplacées. Les colonnes du registre ne sont jamais modifiées.`,
    confirmReplace: "Remplacer",
    confirmKeep: "Ne rien écrire",
    errorTitle: "Une erreur est survenue",
    errorRecover: "Recharger le volet",
    errorBoundaryBody:
      "Le volet a rencontré une erreur inattendue. Vos données n'ont pas été modifiées par cette erreur.",
    noTable: "Aucun tableau Excel à la cellule active ni sur la feuille.",
    emptySource: "La source est vide.",
    tooLarge: "La plage est trop grande pour être lue en une fois par Excel.",
    noSelection: "Aucune sélection.",
    sheetProtected:
      "La feuille du registre est protégée : rien n'est écrit. Ôtez la protection (Révision > Ôter la protection de la feuille) puis relancez Appliquer.",
    date1904:
      "Ce classeur compte les dates depuis 1904 (Fichier > Options > Options avancées) : ses dates seraient lues avec quatre ans d'écart. Décochez « Utiliser le calendrier depuis 1904 » ou copiez le registre dans un classeur au calendrier 1900.",
    mergedInOutput: (addresses: string) =>
      `Cellules fusionnées là où Appliquer écrirait (${addresses}) : Excel refuse d'écrire dans une partie de fusion, rien n'est écrit. Annulez la fusion (Accueil > Fusionner et centrer > Annuler Fusionner cellules) puis relancez Appliquer.`,
    noticesTitle: "À savoir sur ce registre",
    noticeMerges: (list: string) =>
      `Cellules fusionnées (${list}) : seule la cellule en haut à gauche d'une fusion a une valeur, les autres sont lues vides, comme dans Excel.`,
    noticeHidden: (n: number, list: string, filter: boolean) =>
      `${n} ligne(s) masquée(s)${filter ? " ou filtrée(s)" : ""} (${list}) : elles sont calculées comme les autres.`,
    noticeSheetFilter:
      "Filtre automatique sur la feuille : toutes les lignes sont calculées, filtrées ou non.",
    noticeTableFilter: (table: string) =>
      `Filtre actif sur le tableau ${table} : toutes les lignes sont calculées, filtrées ou non.`,
    demoTitle: "Classeur de démonstration",
    demoSheets: "Feuilles",
    demoGrid: (sheet: string) => `Contenu de la feuille ${sheet}`,
    notApplicable: "Sans objet",
    highlightLabel: "Mettre en évidence les retards et les échéances proches",
    highlightDays: "Échéances à moins de (jours)",
    highlightHint:
      "Mise en forme conditionnelle sur les colonnes écrites ; elle se met à jour avec les cellules.",
    daysInvalid: "Saisissez un nombre de jours entier.",
    highlightAdded: "Mise en évidence ajoutée : retards en rouge, échéances proches en orange.",
    highlightUnsupported:
      "Cette version d'Excel ne gère pas la mise en forme conditionnelle par formule (ExcelApi 1.6) : rien n'a été mis en évidence.",
    summaryTitle2: "Résumé",
    summaryComputed: "Lignes calculées",
    summaryErrors: "Lignes en erreur",
    summaryPenalties: "Total des pénalités",
    summaryLate: "Factures en retard",
    nextDeadlines: "Prochaines échéances",
    noDeadlines: "Aucune échéance à venir.",
    timelineLabel: (n: number, first: string, last: string) =>
      n === 0
        ? "Frise des prochaines échéances : aucune"
        : `Frise des ${n} prochaine(s) échéance(s), du ${first} au ${last}`,
    timelineTable: "Prochaines échéances (tableau)",
    deadlineDate: "Date",
    deadlineWhat: "Ligne",
    deadlineIn: "Dans",
    inDays: (n: number) => (n === 0 ? "aujourd'hui" : `${n} j`),
    explainTitle: "Expliquer une ligne",
    explainHint: "Sélectionnez une cellule d'une ligne du registre, puis expliquez-la.",
    explainHintPreview:
      "Cliquez une cellule du classeur de démonstration ci-dessous : sa ligne est expliquée.",
    explainButton: "Expliquer la cellule active",
    explainOutside: (address: string) =>
      `La cellule ${address} n'est pas dans une ligne de données du registre.`,
    explainRegion: "Explication de la ligne",
    tabApply: "Appliquer",
    tabReports: "Rapports",
    tabVendors: "Fournisseurs",
    vendorsSection: "Conditions enregistrées dans le classeur",
    storedHashMismatch: (id: string) =>
      `le fournisseur « ${id} » enregistré a été modifié hors d'Échéance (empreinte différente)`,
    viewSwitch: "Vue",
    reportsSection: "Rapport des délais de paiement (D441-6)",
    reportsIntro:
      "Tableau des factures non réglées à la date de clôture dont le terme est échu (C. com. L441-14, D441-6 I), depuis le registre ci-dessus.",
    closingLabel: "Date de clôture",
    reportKind: "Factures",
    reportReceived: "reçues (fournisseurs)",
    reportIssued: "émises (clients)",
    yearTotalReceived: "Total des achats de l'exercice HT",
    yearTotalIssued: "Chiffre d'affaires de l'exercice HT",
    yearTotalHint: "Laisser vide : pas de pourcentages.",
    excludedLabel: "Colonne des factures litigieuses ou non comptabilisées",
    withAging: "Ajouter la balance âgée (feuille séparée)",
    buildReport: "Créer la feuille",
    reportWritten: (names: string) => `Feuille(s) créée(s) : ${names}`,
    reportRowsSkipped: (n: number) => `${n} ligne(s) du registre non prises en compte (voir la feuille).`,
    reportNeedsInvoices: "Le rapport se construit sur un registre de factures.",
    agingTitle: "Échu non réglé à la clôture",
    agingByBand: "Par tranche de retard",
    agingByVendor: "Par fournisseur (total échu)",
    agingChartLabel: (what: string, parts: string) => `${what} : ${parts}`,
    agingEmpty: "Aucun montant non réglé à la clôture.",
    errorsInRows: (n: number) => `${n} ligne(s) en erreur : voir la colonne Statut.`,
    // Apply through the one use case and gateway (issues 14 and 15).
    multiArea:
      "La sélection compte plusieurs plages : sélectionnez une seule plage (sans Ctrl+clic), puis relisez le registre.",
    noteAsComment: "Note de provenance ajoutée en commentaire (cette version d'Excel n'a pas de notes).",
    noteNotAdded:
      "La note de provenance n'a pas pu être ajoutée (cette version d'Excel n'a ni notes ni commentaires) : les valeurs sont bien écrites.",
    formulasFrench:
      "Formules écrites avec les noms français des fonctions (CGV.DATEECHEANCE…) : les noms anglais donnaient #NOM? dans cet Excel.",
    formulasUnknown:
      "Cet Excel ne connaît pas les fonctions CGV.* (#NOM?) : le complément est-il chargé ? Écrivez plutôt des valeurs ou des formules natives.",
    summaryOf: (address: string) => `Registre ${address}`,
    // Rates kept current in the pane, and the workbook recalculated as of today (issue 13).
    // The statuses and explanations send the user to « Paramètres > Taux »: this tab, its « Taux » heading.
    tabRates: "Paramètres",
    ratesSection: "Taux d'intérêt par semestre",
    ratesIntro:
      "Les pénalités de retard se calculent avec le taux de l'intérêt légal et le taux de refinancement de la BCE de chaque semestre (Code de commerce, art. L441-10). Échéance est livré avec les taux publiés ; ajoutez chaque nouveau semestre dès sa publication (fin juin, fin décembre) : il est enregistré dans le classeur et voyage avec lui.",
    ratesKnown: (text: string) => `Connus : ${text}.`,
    ratesListLabel: "Taux par semestre, du plus récent au plus ancien",
    ratesLegalPro: "Taux légal (professionnels)",
    ratesLegalConsumer: "Taux légal (particuliers)",
    ratesEcb: (day: string) => `Taux BCE au ${day}`,
    ratesEcbFirstDay: "1er jour du semestre",
    ratesFirstOfJanuary: "1er janvier",
    ratesFirstOfJuly: "1er juillet",
    ratesOrigin: {
      shipped: "livré avec Échéance",
      user: "saisi par l'utilisateur",
      "user-changed-shipped": "saisi par l'utilisateur — modifie un taux livré",
      missing: "manquant",
    },
    ratesLacks: (which: string) => `Manque : ${which}`,
    ratesLegalWord: "taux légal",
    ratesEcbWord: "taux BCE",
    ratesSourceOf: (source: string) => `Source : ${source}`,
    ratesAddThis: "Ajouter",
    ratesFix: "Corriger",
    ratesRemove: "Retirer",
    ratesAddOther: "Ajouter ou corriger un semestre",
    ratesWhereTitle: "Où trouver les chiffres officiels",
    ratesFormTitle: (halfYear: string) => `Taux du ${halfYear}`,
    ratesFormNew: "Nouveau semestre",
    ratesHalfYear: "Semestre",
    ratesHalfYearHint: "De la forme 2026-H2 (H1 : janvier à juin ; H2 : juillet à décembre).",
    ratesPercentHint: "En % par an, par ex. 2,62 ; vide : inchangé.",
    ratesSourceLabel: "Source (facultatif)",
    ratesSourcePlaceholder: "arrêté du …",
    ratesSave: "Enregistrer dans le classeur",
    ratesCancel: "Annuler",
    ratesSaved: (halfYear: string) => `Taux du ${halfYear} enregistrés dans le classeur.`,
    ratesBackToShipped: (halfYear: string) =>
      `Ce sont les taux livrés : le ${halfYear} reprend les taux livrés avec Échéance.`,
    ratesNothingToSave: "Ce sont les taux livrés avec Échéance : rien à enregistrer.",
    ratesRemoved: (halfYear: string) => `Taux saisis du ${halfYear} retirés du classeur.`,
    ratesConfirmTitle: "Modifier un taux livré ?",
    ratesConfirmLine: (what: string, halfYear: string, shipped: string, given: string) =>
      `${what} du ${halfYear} : ${shipped} livré avec Échéance, remplacé par ${given}.`,
    ratesConfirmBody:
      "Les calculs de ce classeur utiliseront vos chiffres ; le semestre sera signalé « modifie un taux livré » et chaque explication dira que le taux est saisi par l'utilisateur.",
    ratesConfirmReplace: "Remplacer le taux livré",
    ratesInMemory: "Aperçu hors Excel : les taux saisis restent en mémoire.",
    // Apply met a half-year whose rate is missing.
    missingTitle: (n: number) => `${n} facture(s) sans intérêts de retard`,
    missingLine: (n: number, sentence: string) =>
      `${n} facture(s) — ${sentence}. Leur échéance, leurs jours de retard, l'indemnité et le statut sont calculés ; leurs intérêts ne sont pas comptés dans les totaux.`,
    missingAdd: (halfYear: string) => `Ajouter le ${halfYear}`,
    missingReapplying: "Taux enregistrés : nouveau calcul…",
    // « Tout recalculer ».
    recalcSection: "Recalculer le classeur",
    recalcIntro:
      "Les valeurs écrites par Appliquer vieillissent chaque jour. « Tout recalculer » applique de nouveau chaque registre mémorisé, en une fois ; ceux arrêtés « aujourd'hui » le sont à la date du jour.",
    recalcNone: "Aucun registre mémorisé dans ce classeur : appliquez d'abord un registre.",
    recalcListLabel: "Registres mémorisés",
    recalcAsOfToday: "arrêté à la date du jour",
    recalcAsOfFixed: (date: string) => `arrêté au ${date}`,
    recalcTable: (name: string) => `tableau ${name}`,
    recalcButton: "Tout recalculer",
    recalcProgress: (index: number, count: number, label: string) =>
      `Registre ${index} sur ${count} : ${label}`,
    recalcRows: (done: number, total: number) => `${done} / ${total} ligne(s)`,
    recalcDone: (applied: number, skipped: number) =>
      `${applied} registre(s) recalculé(s), ${skipped} ignoré(s) ou en erreur.`,
    recalcCancelled: "Recalcul interrompu : les registres suivants n'ont pas été recalculés.",
    recalcApplied: (label: string, rows: number, date: string) =>
      `${label} : ${rows} ligne(s) recalculée(s) au ${date}.`,
    recalcSkipped: (label: string, why: string) => `${label} : ignoré — ${why}.`,
    recalcFailed: (label: string, message: string) => `${label} : non recalculé — ${message}`,
    recalcNotRun: (label: string) => `${label} : non recalculé (interrompu).`,
    recalcPartial: (label: string, rows: number) => `${label} : interrompu après ${rows} ligne(s).`,
    recalcSheetGone: (sheet: string) => `la feuille « ${sheet} » n'existe plus`,
    recalcTableGone: (table: string) => `le tableau « ${table} » n'existe plus`,
    recalcBadRange: (range: string) => `la plage mémorisée « ${range} » n'est pas une adresse`,
    recalcColumnsMoved: (column: number, expected: string, found: string) =>
      expected === ""
        ? `les colonnes ont changé (colonne ${column} « ${found} » ajoutée) : appliquez-le de nouveau depuis le volet`
        : found === ""
          ? `les colonnes ont changé (colonne ${column} « ${expected} » absente) : appliquez-le de nouveau depuis le volet`
          : `les colonnes ont changé (colonne ${column} : « ${expected} » attendue, « ${found} » trouvée) : appliquez-le de nouveau depuis le volet`,
    recalcMapping: (what: string) => `colonnes non reconnues (${what})`,
    recalcWouldReplace: (count: number, address: string) =>
      `${count} cellule(s) d'autres données seraient remplacées (${address}) : appliquez-le depuis le volet pour confirmer`,
    // The pane at 320 px, dates typed as dd/mm/yyyy, registers below a title, ids kept out of labels (issue 15).
    datePlaceholder: "jj/mm/aaaa",
    dateTyped: "Date non reconnue : tapez-la sous la forme jj/mm/aaaa, par exemple 31/12/2025.",
    calendarLabel: "Calendrier",
    reportNoPrintSetup:
      "Mise en page d'impression non réglée (cette version d'Excel ne le permet pas à un complément) : dans Mise en page, choisissez Paysage et Ajuster à 1 page en largeur.",
    headerRowFound: (row: number, sheet: string) =>
      row === 2
        ? `Feuille « ${sheet} », en-têtes lus en ligne 2 ; la ligne 1 au-dessus (un titre) est laissée de côté.`
        : `Feuille « ${sheet} », en-têtes lus en ligne ${row} ; les lignes au-dessus (un titre) sont laissées de côté.`,
    headerRowMissing: (first: number, last: number, sheet: string) =>
      `${first === last ? `La ligne ${first} de la feuille « ${sheet} » ne porte pas` : `Aucune des lignes ${first} à ${last} de la feuille « ${sheet} » ne porte`} d'en-têtes reconnus (une date de facture et un montant, ou une date de début) : la ligne ${first} est lue comme ligne d'en-têtes. Cliquez une cellule du registre et relisez-le, ou choisissez les colonnes ci-dessous.`,
    idTooltip: (id: string) => `Identifiant à écrire dans le registre ou dans une formule : ${id}`,
    vendorTerms: (name: string) => `Conditions ${de(name)}`,
    previewRow: (reference: string) => `Ligne ${reference}`,
    demoRegister: (vendor: string) => `Registre des factures ${de(vendor)}`,
    demoVendorSheet: (vendor: string) =>
      `Le registre ${de(vendor)} est sur la feuille « Factures ${vendor} ».`,
  },
  en: {
    appTitle: "Échéance",
    appSubtitle: "Apply a vendor's terms of sale to a register",
    previewBanner: "Preview outside Excel",
    previewBannerBody: "The pane runs on an in-memory demo workbook: nothing is written to a file.",
    // Start-up and exports' text fallback (issue 14): Office loading, office.js missing, Excel for Mac.
    officeLoading: "Connecting to Excel…",
    officeSlow:
      "Excel is slow to answer. The pane waits for it and writes nothing meanwhile; if this lasts, close the pane and open it again.",
    officeHostUnsupported: (host: string) =>
      `Échéance runs in Excel; this application (${host}) is not supported.`,
    officeStartFailed: (message: string) =>
      `Office could not start the pane (${message}). Close the pane and open it again.`,
    previewNoOfficeJs:
      "Office.js could not be loaded from appsforoffice.microsoft.com (offline or blocked). In Excel, check that this site can be reached, then open the pane again.",
    exportShowText: "Show the text",
    exportHideText: "Hide the text",
    exportTextLabel: (fileName: string) => `Content of the file "${fileName}"`,
    exportNoDownloadHere: (fileName: string) =>
      `Excel on Mac and iPad does not download files from a pane: copy this text and save it as "${fileName}".`,
    calendarAsText: (n: number) => `${n} coming deadline(s), in the calendar below.`,
    exportCopy: "Copy",
    exportCopied: (fileName: string) => `Text copied: paste it into a file named "${fileName}".`,
    exportCopyRefused: (fileName: string) =>
      `Automatic copy refused here: the text is selected, copy it with Ctrl+C (⌘C on a Mac) and paste it into a file named "${fileName}".`,
    languageToggle: "Français",
    languageToggleLabel: "Switch the interface to French",
    vendorSection: "Vendor",
    vendorLabel: "Vendor",
    vendorPlaceholder: "Choose a vendor",
    summaryTitle: "Terms applied",
    paymentTerms: "Payment terms per invoice kind",
    defaultMark: "default",
    latePayment: "Late payment",
    subscriptions: "Renewal and notice",
    interpretations: "Interpretations",
    contradictions: "Contradictions in the text",
    optionsTitle: "Options",
    eomMethod: '"Days end of month" method',
    eomDaysThenEom: "Date + N days, then end of month (default)",
    eomEomThenDays: "End of month, then + N days",
    defaultKind: "Default invoice kind",
    defaultPlan: "Default plan",
    clientType: "Default client type",
    clientPro: "Professional",
    clientConsumer: "Consumer",
    asOfLabel: "As-of date",
    asOfHint: "Lateness and notices are computed as of this date.",
    asOfInvalid: "Enter a valid date.",
    asOfKindLabel: 'As-of date remembered for "Recalculate all"',
    asOfToday: "today (follows the current date)",
    asOfFixed: "fixed date",
    sourceSection: "Register",
    sourceKind: "Source",
    sourceRegion: "Region around the active cell",
    sourceSelection: "Selected range",
    sourceTable: "Excel table",
    readSource: "Read the register",
    reading: "Reading…",
    sourceRead: (address: string, rows: number, table: string | undefined) =>
      `${address} — ${rows} data row(s)${table ? ` (table ${table})` : ""}`,
    modeLabel: "Register type",
    modeInvoices: "Invoices",
    modeSubscriptions: "Subscriptions",
    mappingTitle: "Column mapping",
    mappingNone: "— none —",
    required: "required",
    unrecognized: (names: string) => `Unrecognised columns (left as they are): ${names}`,
    previousOutputs: (names: string) => `Columns of an earlier run (rewritten): ${names}`,
    previewTitle: "Preview",
    previewCaption: (n: number, total: number) =>
      `The first ${n} rows of ${total}, as they would be written.`,
    previewRegion: "Preview of the values to write",
    rowHeader: "Row",
    applySection: "Write",
    writeAs: "Write",
    writeValues: "values (recommended)",
    writeFormulas: "live CGV.* formulas",
    writePortable: "native Excel formulas (readable without the add-in)",
    calendarSection: "Calendar",
    exportCalendar: "Export the deadlines (.ics)",
    alarmDays: "Reminder (days before)",
    alarmDaysInvalid: "A number of days, 0 to 999.",
    calendarName: "Deadlines",
    calendarExported: (n: number) =>
      `${n} coming deadline(s) exported: open the file with Outlook or your calendar.`,
    portableHint:
      "EDATE, EOMONTH, SUMPRODUCT… over a rates-and-holidays sheet added to the workbook: a colleague without Échéance sees the results recalculate.",
    formulasHint: "Formulas recalculate, but custom functions are slow on large registers.",
    formulasUnavailable: "Formulas unavailable: the existing result columns are not contiguous.",
    apply: "Apply",
    cancel: "Cancel",
    phaseCounting: "Checking the target cells…",
    phaseComputing: (done: number, total: number) => `Computing: ${done} / ${total} rows`,
    phaseValues: (done: number, total: number) => `Writing values: ${done} / ${total} rows`,
    phaseFormats: (done: number, total: number) => `Formatting: ${done} / ${total} rows`,
    progressLabel: "Apply progress",
    done: (rows: number, columns: number, added: number) =>
      `${rows} row(s) written in ${columns} column(s), ${added} of them new.`,
    cancelled: (rows: number) => `Cancelled: ${rows} row(s) written before stopping.`,
    editedDuringApply: (cell: string, rows: number) =>
      `Stopped: register cell ${cell} was edited while Apply was writing. ${rows} row(s) written in whole batches; run Apply again for up-to-date results.`,
    cancelledBeforeWrite: "Cancelled before anything was written.",
    confirmTitle: "Replace cells?",
    confirmBody: (n: number, address: string) =>
      `${n} non-empty cell(s) of ${address} would be replaced. The register's own columns are never modified.`,
    confirmReplace: "Replace",
    confirmKeep: "Write nothing",
    errorTitle: "Something went wrong",
    errorRecover: "Reload the pane",
    errorBoundaryBody: "The pane hit an unexpected error. Your data was not changed by this error.",
    noTable: "No Excel table at the active cell nor on the sheet.",
    emptySource: "The source is empty.",
    tooLarge: "The range is too large for Excel to read at once.",
    noSelection: "Nothing is selected.",
    sheetProtected:
      "The register's sheet is protected: nothing is written. Unprotect it (Review > Unprotect Sheet) and apply again.",
    date1904:
      'This workbook counts dates from 1904 (File > Options > Advanced): its dates would be read four years off. Untick "Use 1904 date system" or copy the register into a 1900-system workbook.',
    mergedInOutput: (addresses: string) =>
      `Merged cells where Apply would write (${addresses}): Excel refuses to write to part of a merge, so nothing is written. Unmerge them (Home > Merge & Center > Unmerge Cells) and apply again.`,
    noticesTitle: "About this register",
    noticeMerges: (list: string) =>
      `Merged cells (${list}): only the top-left cell of a merge holds a value, the others read blank, as in Excel.`,
    noticeHidden: (n: number, list: string, filter: boolean) =>
      `${n} hidden${filter ? " or filtered-out" : ""} row(s) (${list}): computed like the others.`,
    noticeSheetFilter: "Autofilter on the sheet: every row is computed, filtered out or not.",
    noticeTableFilter: (table: string) =>
      `Filter on the table ${table}: every row is computed, filtered out or not.`,
    demoTitle: "Demo workbook",
    demoSheets: "Sheets",
    demoGrid: (sheet: string) => `Contents of sheet ${sheet}`,
    notApplicable: "Not applicable",
    highlightLabel: "Highlight overdue rows and coming deadlines",
    highlightDays: "Deadlines within (days)",
    highlightHint: "Conditional formatting on the written columns; it follows the cells.",
    daysInvalid: "Enter a whole number of days.",
    highlightAdded: "Highlighting added: overdue in red, coming deadlines in amber.",
    highlightUnsupported:
      "This Excel does not support formula conditional formats (ExcelApi 1.6): nothing was highlighted.",
    summaryTitle2: "Summary",
    summaryComputed: "Rows computed",
    summaryErrors: "Rows in error",
    summaryPenalties: "Total penalties",
    summaryLate: "Late invoices",
    nextDeadlines: "Next deadlines",
    noDeadlines: "No deadline ahead.",
    timelineLabel: (n: number, first: string, last: string) =>
      n === 0
        ? "Timeline of the next deadlines: none"
        : `Timeline of the next ${n} deadline(s), ${first} to ${last}`,
    timelineTable: "Next deadlines (table)",
    deadlineDate: "Date",
    deadlineWhat: "Row",
    deadlineIn: "In",
    inDays: (n: number) => (n === 0 ? "today" : `${n} d`),
    explainTitle: "Explain a row",
    explainHint: "Select a cell in a row of the register, then explain it.",
    explainHintPreview: "Click a cell of the demo workbook below: its row is explained.",
    explainButton: "Explain the active cell",
    explainOutside: (address: string) => `Cell ${address} is not in a data row of the register.`,
    explainRegion: "Row explanation",
    tabApply: "Apply",
    tabReports: "Reports",
    tabVendors: "Vendors",
    vendorsSection: "Terms stored in the workbook",
    storedHashMismatch: (id: string) => `stored vendor "${id}" was changed outside Échéance (hash differs)`,
    viewSwitch: "View",
    reportsSection: "Payment-delay report (D441-6)",
    reportsIntro:
      "Table of invoices unpaid at the closing date and past due (Code de commerce L441-14, D441-6 I), from the register above.",
    closingLabel: "Closing date",
    reportKind: "Invoices",
    reportReceived: "received (suppliers)",
    reportIssued: "issued (customers)",
    yearTotalReceived: "Year's purchases excl. VAT",
    yearTotalIssued: "Year's revenue excl. VAT",
    yearTotalHint: "Leave blank: no percentages.",
    excludedLabel: "Column marking disputed or unbooked invoices",
    withAging: "Add the aging table (separate sheet)",
    buildReport: "Create the sheet",
    reportWritten: (names: string) => `Sheet(s) created: ${names}`,
    reportRowsSkipped: (n: number) => `${n} register row(s) left out (listed on the sheet).`,
    reportNeedsInvoices: "The report is built from an invoice register.",
    agingTitle: "Past due and unpaid at closing",
    agingByBand: "By delay band",
    agingByVendor: "By vendor (total past due)",
    agingChartLabel: (what: string, parts: string) => `${what}: ${parts}`,
    agingEmpty: "Nothing unpaid at closing.",
    errorsInRows: (n: number) => `${n} row(s) in error: see the Status column.`,
    // Apply through the one use case and gateway (issues 14 and 15).
    multiArea:
      "The selection has several ranges: select a single range (without Ctrl+click), then read the register again.",
    noteAsComment: "Provenance note added as a comment (this Excel has no notes).",
    noteNotAdded:
      "The provenance note could not be added (this Excel has neither notes nor comments): the values are written.",
    formulasFrench:
      "Formulas written with the French function names (CGV.DATEECHEANCE…): the English names gave #NAME? in this Excel.",
    formulasUnknown:
      "This Excel does not know the CGV.* functions (#NAME?): is the add-in loaded? Write values or native formulas instead.",
    summaryOf: (address: string) => `Register ${address}`,
    // Rates kept current in the pane, and the workbook recalculated as of today (issue 13).
    tabRates: "Settings",
    ratesSection: "Interest rates per half-year",
    ratesIntro:
      "Late-payment penalties use the French legal interest rate and the ECB main refinancing rate of each half-year (Code de commerce, art. L441-10). Échéance ships with the published rates; add each new half-year when it is published (late June, late December): it is stored in the workbook and travels with it.",
    ratesKnown: (text: string) => `Known: ${text}.`,
    ratesListLabel: "Rates per half-year, most recent first",
    ratesLegalPro: "Legal rate (professionals)",
    ratesLegalConsumer: "Legal rate (consumers)",
    ratesEcb: (day: string) => `ECB rate on ${day}`,
    ratesEcbFirstDay: "the half-year's first day",
    ratesFirstOfJanuary: "1 January",
    ratesFirstOfJuly: "1 July",
    ratesOrigin: {
      shipped: "shipped with Échéance",
      user: "entered by the user",
      "user-changed-shipped": "entered by the user — changes a shipped rate",
      missing: "missing",
    },
    ratesLacks: (which: string) => `Missing: ${which}`,
    ratesLegalWord: "legal rate",
    ratesEcbWord: "ECB rate",
    ratesSourceOf: (source: string) => `Source: ${source}`,
    ratesAddThis: "Add",
    ratesFix: "Correct",
    ratesRemove: "Remove",
    ratesAddOther: "Add or correct a half-year",
    ratesWhereTitle: "Where to find the official figures",
    ratesFormTitle: (halfYear: string) => `Rates for the ${halfYear}`,
    ratesFormNew: "New half-year",
    ratesHalfYear: "Half-year",
    ratesHalfYearHint: "Of the form 2026-H2 (H1: January to June; H2: July to December).",
    ratesPercentHint: "In % a year, e.g. 2.62; blank: unchanged.",
    ratesSourceLabel: "Source (optional)",
    ratesSourcePlaceholder: "arrêté du …",
    ratesSave: "Store in the workbook",
    ratesCancel: "Cancel",
    ratesSaved: (halfYear: string) => `Rates for the ${halfYear} stored in the workbook.`,
    ratesBackToShipped: (halfYear: string) =>
      `These are the shipped rates: the ${halfYear} is back to the rates shipped with Échéance.`,
    ratesNothingToSave: "These are the rates shipped with Échéance: nothing to store.",
    ratesRemoved: (halfYear: string) => `Rates entered for the ${halfYear} removed from the workbook.`,
    ratesConfirmTitle: "Change a shipped rate?",
    ratesConfirmLine: (what: string, halfYear: string, shipped: string, given: string) =>
      `${what} for the ${halfYear}: ${shipped} shipped with Échéance, replaced by ${given}.`,
    ratesConfirmBody:
      "This workbook's computations will use your figures; the half-year will be flagged « changes a shipped rate » and every explanation will say the rate was entered by the user.",
    ratesConfirmReplace: "Replace the shipped rate",
    ratesInMemory: "Preview outside Excel: the rates entered stay in memory.",
    // Apply met a half-year whose rate is missing.
    missingTitle: (n: number) => `${n} invoice(s) without late interest`,
    missingLine: (n: number, sentence: string) =>
      `${n} invoice(s) — ${sentence}. Their due date, days late, recovery fee and status are computed; their interest is left out of the totals.`,
    missingAdd: (halfYear: string) => `Add the ${halfYear}`,
    missingReapplying: "Rates stored: computing again…",
    // « Tout recalculer ».
    recalcSection: "Recalculate the workbook",
    recalcIntro:
      "The values Apply wrote age every day. « Recalculate all » applies every remembered register again, in one run; those as of « today » are computed as of today's date.",
    recalcNone: "No register remembered in this workbook: apply a register first.",
    recalcListLabel: "Remembered registers",
    recalcAsOfToday: "as of today's date",
    recalcAsOfFixed: (date: string) => `as of ${date}`,
    recalcTable: (name: string) => `table ${name}`,
    recalcButton: "Recalculate all",
    recalcProgress: (index: number, count: number, label: string) =>
      `Register ${index} of ${count}: ${label}`,
    recalcRows: (done: number, total: number) => `${done} / ${total} row(s)`,
    recalcDone: (applied: number, skipped: number) =>
      `${applied} register(s) recalculated, ${skipped} skipped or failed.`,
    recalcCancelled: "Recalculation cancelled: the registers after it were not recalculated.",
    recalcApplied: (label: string, rows: number, date: string) =>
      `${label}: ${rows} row(s) recalculated as of ${date}.`,
    recalcSkipped: (label: string, why: string) => `${label}: skipped — ${why}.`,
    recalcFailed: (label: string, message: string) => `${label}: not recalculated — ${message}`,
    recalcNotRun: (label: string) => `${label}: not recalculated (cancelled).`,
    recalcPartial: (label: string, rows: number) => `${label}: cancelled after ${rows} row(s).`,
    recalcSheetGone: (sheet: string) => `the sheet "${sheet}" no longer exists`,
    recalcTableGone: (table: string) => `the table "${table}" no longer exists`,
    recalcBadRange: (range: string) => `the remembered range "${range}" is not an address`,
    recalcColumnsMoved: (column: number, expected: string, found: string) =>
      expected === ""
        ? `the columns changed (column ${column} "${found}" added): apply it again from the pane`
        : found === ""
          ? `the columns changed (column ${column} "${expected}" missing): apply it again from the pane`
          : `the columns changed (column ${column}: "${expected}" expected, "${found}" found): apply it again from the pane`,
    recalcMapping: (what: string) => `columns not recognised (${what})`,
    recalcWouldReplace: (count: number, address: string) =>
      `${count} cell(s) of other data would be replaced (${address}): apply it from the pane to confirm`,
    // The pane at 320 px, dates typed as dd/mm/yyyy, registers below a title, ids kept out of labels (issue 15).
    datePlaceholder: "dd/mm/yyyy",
    dateTyped: "Date not recognised: type it as dd/mm/yyyy, for example 31/12/2025.",
    calendarLabel: "Calendar",
    reportNoPrintSetup:
      "Print setup not made (this Excel does not let an add-in make it): in Page Layout, choose Landscape and Fit to 1 page wide.",
    headerRowFound: (row: number, sheet: string) =>
      row === 2
        ? `Sheet "${sheet}", headers read on row 2; row 1 above (a title) is left aside.`
        : `Sheet "${sheet}", headers read on row ${row}; the rows above (a title) are left aside.`,
    headerRowMissing: (first: number, last: number, sheet: string) =>
      `${first === last ? `Row ${first} of the sheet "${sheet}" holds no` : `None of rows ${first} to ${last} of the sheet "${sheet}" holds`} recognised headers (an invoice date and an amount, or a start date): row ${first} is read as the header row. Click a cell of the register and read it again, or choose the columns below.`,
    idTooltip: (id: string) => `Id to write in the register or in a formula: ${id}`,
    vendorTerms: (name: string) => `${name}'s terms`,
    previewRow: (reference: string) => `Row ${reference}`,
    demoRegister: (vendor: string) => `Invoices from ${vendor}`,
    demoVendorSheet: (vendor: string) => `${vendor}'s register is on the sheet "Factures ${vendor}".`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Strings = (typeof STRINGS)[Language];

/** The UI language from Office's display language ("fr-FR", "en-US"…): English when it says so, else French. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale !== undefined && /^en\b/i.test(locale) ? "en" : "fr";
}
