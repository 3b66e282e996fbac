import type { Language } from "../../engine";

/** `echeance report --help`, in the user's language. */
const USAGE_TEXT = {
  fr: `Usage : echeance report REGISTRE.xlsx|REGISTRE.csv --closing AAAA-MM-JJ --kind received|issued [options]
        echeance report REGISTRE.xlsx|REGISTRE.csv --kind statement --vendor ID --as-of AAAA-MM-JJ [options]

--kind received|issued : le tableau des délais de paiement de l'article D441-6 I du Code de commerce
(factures non réglées à la date de clôture, par retard : 0, 1 à 30, 31 à 60, 61 à 90, 91 jours et plus)
et une balance âgée par fournisseur, dans un nouveau classeur (ou un fichier CSV).

--kind statement : le relevé des pénalités de retard par client (décompte) à une date d'arrêté — par
facture en retard : principal, paiements, chaque période d'intérêts (du, au, jours, taux et sa
source), intérêts, indemnité de 40 €, total (celui de CGV.LATEFEE) ; puis les totaux du client. Une
feuille par client (ou une pour tous avec --one-sheet), ou un CSV : une ligne par période ou
indemnité, les totaux du client sur une ligne sans n° de facture.

Options :
  --kind TYPE             received (factures reçues, fournisseurs) | issued (factures émises, clients) |
                          statement (relevé par client) (obligatoire)
  --closing DATE          received, issued : date de clôture de l'exercice (obligatoire)
  --total-excl-vat N      received, issued : achats (received) ou chiffre d'affaires (issued) HT de
                          l'exercice, pour les pourcentages
  --as-of DATE            statement : date d'arrêté (par défaut : aujourd'hui)
  --client NOM            statement : ce client seulement (casse, accents et espaces ignorés)
  --one-sheet             statement : tous les clients sur une feuille (par défaut : une feuille par client)
  --vendor ID             fournisseur des lignes sans colonne Fournisseur (omi, sillage…)
  --sheet NOM             feuille à lire (par défaut : la première qui porte un registre)
  --header-row N          ligne des en-têtes (par défaut : trouvée parmi les premières lignes)
  -o, --out FICHIER       classeur de sortie .xlsx, ou .csv (par défaut : REGISTRE.d441-6.xlsx, ou
                          REGISTRE.releve.xlsx pour le relevé, à côté)
  --rates FICHIER         lignes de taux à ajouter (CSV : half-year,legal-professional,legal-consumer,ecb ; ou JSON)
  --ignore-stored-terms   n'utilise pas les conditions enregistrées dans le classeur
  --vendor-file FICHIER   un profil fournisseur (ID.echeance-vendor.json) utilisable comme un fournisseur livré ; répétable
  --lang fr|en            langue des messages (par défaut fr ; le tableau garde les intitulés légaux)
Une colonne intitulée « Litige » (oui/non) marque les factures litigieuses, reportées à part en section (B),
et écartées du relevé (avec les avoirs et les clients en procédure collective, listés à part).
Code de sortie : 0 si un fichier est écrit, 1 si rien ne peut l'être, 2 pour une erreur d'usage.
`,
  en: `Usage: echeance report INPUT.xlsx|INPUT.csv --closing YYYY-MM-DD --kind received|issued [options]
       echeance report INPUT.xlsx|INPUT.csv --kind statement --vendor ID --as-of YYYY-MM-DD [options]

--kind received|issued: the payment-delay table of Code de commerce D441-6 I (invoices unpaid at the
closing date by days past due: 0, 1–30, 31–60, 61–90, 91+) and an aging view by vendor, in a new
workbook (or a CSV file).

--kind statement: the late-payment statement per client as of a date — per late invoice: principal,
payments, each interest period (from, to, days, rate and its source), interest, the 40 € fee, total
(CGV.LATEFEE's); then the client's totals. A sheet per client (or one for all with --one-sheet), or a
CSV: one line per period or fee, the client's totals on a line without an invoice number.

Options:
  --kind KIND             received (supplier invoices) | issued (customer invoices) | statement
                          (statement per client) (required)
  --closing DATE          received, issued: closing date of the financial year (required)
  --total-excl-vat N      received, issued: the year's purchases (received) or revenue (issued) excl.
                          VAT, for the percentages
  --as-of DATE            statement: the statement date (default: today)
  --client NAME           statement: this client only (case, accents and spaces ignored)
  --one-sheet             statement: every client on one sheet (default: a sheet per client)
  --vendor ID             vendor for rows without a Fournisseur/Vendor column (omi, sillage…)
  --sheet NAME            worksheet to read (default: the first that holds a register)
  --header-row N          the header row (default: found among the first rows)
  -o, --out FILE          output workbook .xlsx, or .csv (default: INPUT.d441-6.xlsx, or
                          INPUT.statement.xlsx for the statement, next to the input)
  --rates FILE            rate rows to add (CSV: half-year,legal-professional,legal-consumer,ecb; or JSON)
  --ignore-stored-terms   do not use the terms stored in the workbook
  --vendor-file FILE      a vendor profile (ID.echeance-vendor.json) usable like a shipped vendor; repeatable
  --lang fr|en            language of messages (default fr; the table keeps the legal French headings)
A column headed "Litige" (oui/non) marks disputed invoices, reported apart in section (B), and left
out of the statement (with credit notes and clients in collective proceedings, listed apart).
Exit code: 0 when a file is written, 1 when none can be, 2 on a usage error.
`,
} as const;

export const reportUsage = (lang: Language): string => USAGE_TEXT[lang];
