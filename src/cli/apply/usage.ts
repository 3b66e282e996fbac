import type { Language } from "../../engine";

/** `echeance apply --help`, in the user's language. */
const USAGE_TEXT = {
  fr: `Usage : echeance apply REGISTRE.xlsx|REGISTRE.csv --vendor ID [options]

Applique les conditions d'un fournisseur à un registre (factures ou abonnements) et écrit une copie avec
de nouvelles colonnes : échéance, jours de retard, intérêts, indemnité, total, statut — ou prochain
renouvellement, date limite de préavis, jours restants, fin si préavis, statut. Le registre lu n'est
jamais modifié ; relancée sur son propre résultat, la commande réécrit ses colonnes à leur place.

Options :
  --vendor ID           omi, sillage, xiahdeh, injenius, digitalli, loi (conditions légales), ou un nom
                        (« Sillage.ai »), avec ses options : xiahdeh+flat (facultatif si le registre a une
                        colonne Fournisseur ; --vendor loi calcule aussi les lignes de fournisseurs inconnus)
  --vendor-file FICHIER un profil fournisseur (ID.echeance-vendor.json, d'« echeance vendor import » ou du
                        volet) utilisable comme un fournisseur livré, et enregistré dans le classeur produit ;
                        répétable
  --sheet NOM           feuille à lire (par défaut : la première qui porte un registre)
  --header-row N        ligne des en-têtes (par défaut : trouvée parmi les premières lignes)
  --mode MODE           invoices (factures) | subscriptions (abonnements) (par défaut : d'après les en-têtes)
  --as-of AAAA-MM-JJ    date d'arrêté, fixe (par défaut, ou --as-of today : aujourd'hui, et le classeur
                        mémorise « aujourd'hui » pour --all)
  --output TYPE         values (par défaut ; une note sur le premier en-tête dit le fournisseur, le
                        profil et la date du calcul) | formulas (formules CGV.* vivantes, pour le
                        complément) | portable (formules Excel natives, sans le complément, qui lisent
                        une feuille de référence des taux et jours fériés)
  --rates FICHIER       lignes de taux à ajouter (CSV : half-year,legal-professional,legal-consumer,ecb ; ou JSON)
  --ignore-stored-terms n'utilise pas les conditions enregistrées dans le classeur (fournisseurs, taux, réglages)
  --all                 recalcule tous les registres que le classeur mémorise (chacun avec son fournisseur,
                        son mode et sa date d'arrêté, « aujourd'hui » devenant la date du jour)
  --highlight-days N    surligne les échéances à venir dans les N jours (par défaut 30 ; 0 : seulement les retards)
  --no-highlight        pas de mise en forme conditionnelle
  --ics FICHIER         exporte aussi les échéances à venir en calendrier iCalendar
  --alarm-days N        rappel N jours avant chaque événement du calendrier (par défaut 7 ; 0 : le jour même)
  -o, --out FICHIER     fichier de sortie, .xlsx, .xlsm ou .csv (par défaut : REGISTRE.echeance.xlsx à côté)
  --explain LIGNE       affiche l'explication de la ligne LIGNE de la feuille (avec les articles) ; n'écrit rien
  --lang fr|en          langue des statuts, en-têtes et messages (par défaut fr)
  --kind ID             type de facture des lignes qui n'en ont pas (par ex. deposit)
  --plan ID             formule des lignes qui n'en ont pas (par ex. no-commitment)
  --client pro|consumer type de client des lignes qui n'en ont pas (par défaut pro)
  -h, --help            cette aide

Code de sortie : 0 si au moins une ligne est calculée, 1 si aucune, 2 pour une erreur d'usage.
`,
  en: `Usage: echeance apply INPUT.xlsx|INPUT.csv --vendor ID [options]

Applies a vendor's terms to a register (invoices or subscriptions) and writes a copy with new columns:
due date, days late, interest, recovery fee, total, status — or next renewal, notice deadline, days
left, end date if notice is given, status. The input file is never modified; run again on its own
output, the command rewrites its columns in place.

Options:
  --vendor ID           omi, sillage, xiahdeh, injenius, digitalli, loi (statutory terms), or a name
                        ("Sillage.ai"), with its options: xiahdeh+flat (optional when the register has a
                        Vendor column; --vendor loi also computes the rows of unknown vendors)
  --vendor-file FILE    a vendor profile (ID.echeance-vendor.json, from "echeance vendor import" or the
                        pane) usable like a shipped vendor, and stored in the output workbook; repeatable
  --sheet NAME          worksheet to read (default: the first that holds a register)
  --header-row N        the header row (default: found among the first rows)
  --mode MODE           invoices | subscriptions (default: from the headers)
  --as-of YYYY-MM-DD    "as of" date, fixed (default, or --as-of today: today, and the workbook
                        remembers "today" for --all)
  --output KIND         values (default; a note on the first new header gives the vendor, profile and
                        date computed) | formulas (live CGV.* formulas, for the add-in) | portable
                        (native Excel formulas that work without the add-in, reading a reference sheet
                        of rates per half-year and public holidays)
  --rates FILE          rate rows to add (CSV: half-year,legal-professional,legal-consumer,ecb; or JSON)
  --ignore-stored-terms do not use the terms stored in the workbook (vendors, rates, settings)
  --all                 recalculate every register the workbook remembers (each with its vendor, mode
                        and as-of date, "today" becoming today's date)
  --highlight-days N    highlight deadlines within N days (default 30; 0: overdue only)
  --no-highlight        no conditional formatting
  --ics FILE            also export the coming due dates / notice deadlines as an iCalendar file
  --alarm-days N        alarm N days before each calendar event (default: 7; 0 = on the day)
  -o, --out FILE        output file, .xlsx, .xlsm or .csv (default: INPUT.echeance.xlsx next to the input)
  --explain ROW         print the explanation of sheet row ROW (with clause citations); writes nothing
  --lang fr|en          language of statuses, headers and messages (default: fr)
  --kind ID             invoice kind for rows without one (e.g. deposit)
  --plan ID             plan for rows without one (e.g. no-commitment)
  --client pro|consumer client type for rows without one (default: pro)
  -h, --help            this help

Exit code: 0 when at least one row was computed, 1 when none could be, 2 on a usage error.
`,
} as const;

export const applyUsage = (lang: Language): string => USAGE_TEXT[lang];
