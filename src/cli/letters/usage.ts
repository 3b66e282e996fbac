import type { Language } from "../../engine";

/** `echeance letters --help`, in the user's language. */
const USAGE_TEXT = {
  fr: `Usage : echeance letters REGISTRE.xlsx|REGISTRE.csv --vendor ID --as-of AAAA-MM-JJ [--level NIVEAU] -o DOSSIER [options]

Écrit les lettres de relance d'un registre de factures émises, un document Word (.docx) par client : le
rappel, la relance, la mise en demeure (article 1344 du Code civil ; L441-10 II et D441-5 du Code de
commerce ; la clause du fournisseur citée), ou la note de débit des pénalités (hors champ de la TVA,
numérotée ND-AAAA-NNN dans sa propre série). Les montants sont ceux du relevé (echeance report --kind
statement), facture par facture ; chaque lettre reprend les factures impayées et échues du client. Le
registre lu n'est jamais modifié ; les documents sont écrits ensemble ou pas du tout.

Options :
  --vendor ID             fournisseur (omi, sillage…), facultatif si le registre a une colonne Fournisseur
  --level NIVEAU          rappel | relance | mise-en-demeure | note-de-debit ; sans --level, chaque client
                          reçoit le niveau qui suit sa « Dernière relance » (rappel s'il n'en a pas)
  --as-of DATE            date d'arrêté et date des lettres (par défaut : aujourd'hui)
  -o, --out DOSSIER       dossier des documents (par défaut : REGISTRE.lettres à côté du registre)
  --one-document          un seul document, une page par client
  --template MODÈLE.docx  votre modèle de lettre Word, avec des champs {{client}}, {{total}},
                          {{factures}}… (voir docs/recovery.md) ; refusé entier s'il ne peut servir
  --company FICHIER.json  « Mon entreprise » (l'expéditeur), si le classeur ne l'enregistre pas :
                          { "raison_sociale": "OMI SAS", "forme_juridique": "SAS", "adresse": "18 rue des
                          Lilas\\n75011 Paris", "siren": "732829320", "iban": "FR76…", "bic": "…",
                          "email": "…", "telephone": "…", "ville": "Paris" } (clés anglaises acceptées)
  --record                enregistre les lettres comme envoyées : « Dernière relance » (niveau et date) dans
                          la copie du registre, où « Prochaine action » propose la suite
  --register-out FICHIER  la copie du registre (par défaut : REGISTRE.echeance.xlsx à côté) ; les notes de
                          débit y enregistrent toujours leur série, qui continue au prochain lancement
  --client NOM            ce client seulement (casse, accents et espaces ignorés)
  --deadline-days N       délai de paiement donné par la relance et la mise en demeure (par défaut 8 jours)
  --letter-lang fr|en     langue des documents (par défaut fr : la lettre française fait foi)
  --sheet NOM             feuille à lire (par défaut : la première qui porte un registre)
  --header-row N          ligne des en-têtes (par défaut : trouvée parmi les premières lignes)
  --rates FICHIER         lignes de taux à ajouter (CSV : half-year,legal-professional,legal-consumer,ecb ; ou JSON)
  --ignore-stored-terms   n'utilise pas les conditions enregistrées dans le classeur
  --vendor-file FICHIER   un profil fournisseur (ID.echeance-vendor.json) utilisable comme un fournisseur livré ; répétable
  --lang fr|en            langue des messages (par défaut fr)
  -h, --help              cette aide

Colonnes lues en plus de celles d'apply : « Client » (obligatoire), « Adresse » (sinon la lettre porte
« adresse à compléter »), « Commentaire » ou « Litige » (une facture en litige est écartée),
« Procédure collective » (pas de lettre : la créance se déclare au mandataire), « Dernière relance ».
Code de sortie : 0 si des documents sont écrits, 1 si aucun ne peut l'être, 2 pour une erreur d'usage
(option, modèle, « Mon entreprise »).
`,
  en: `Usage: echeance letters INPUT.xlsx|INPUT.csv --vendor ID --as-of YYYY-MM-DD [--level LEVEL] -o FOLDER [options]

Writes the recovery letters of a register of issued invoices, one Word document (.docx) per client: the
reminder (rappel), the second reminder (relance), the formal notice (mise en demeure: Code civil 1344;
Code de commerce L441-10 II and D441-5; the vendor's clause quoted), or the penalty note (note de débit,
outside the scope of VAT, numbered ND-YYYY-NNN in its own series). The amounts are the statement's
(echeance report --kind statement), invoice by invoice; each letter lists the client's unpaid invoices
past due. The input is never modified; the documents are written together or not at all.

Options:
  --vendor ID             vendor (omi, sillage…), optional when the register has a Vendor column
  --level LEVEL           rappel | relance | mise-en-demeure | note-de-debit; without --level, each client
                          gets the level after its « Dernière relance » (rappel when it has none)
  --as-of DATE            statement date and the letters' date (default: today)
  -o, --out FOLDER        the documents' folder (default: INPUT.letters next to the register)
  --one-document          one document only, a page per client
  --template FILE.docx    your Word letter template, with {{client}}, {{total}}, {{factures}}…
                          placeholders (see docs/recovery.md); refused whole when it cannot serve
  --company FILE.json     « Mon entreprise » (the sender), when the workbook does not store it:
                          { "name": "OMI SAS", "legalForm": "SAS", "address": "18 rue des Lilas\\n75011
                          Paris", "siren": "732829320", "iban": "FR76…", "bic": "…", "email": "…",
                          "phone": "…", "place": "Paris" } (French keys accepted)
  --record                records the letters as sent: « Dernière relance » (level and date) in the
                          register's copy, where « Prochaine action » proposes what comes next
  --register-out FILE     the register's copy (default: INPUT.echeance.xlsx next to it); penalty notes
                          always store their series there, which the next run continues
  --client NAME           this client only (case, accents and spaces ignored)
  --deadline-days N       days to pay given by the second reminder and the formal notice (default 8)
  --letter-lang fr|en     the documents' language (default fr: the French letter has legal effect)
  --sheet NAME            worksheet to read (default: the first that holds a register)
  --header-row N          the header row (default: found among the first rows)
  --rates FILE            rate rows to add (CSV: half-year,legal-professional,legal-consumer,ecb; or JSON)
  --ignore-stored-terms   do not use the terms stored in the workbook
  --vendor-file FILE      a vendor profile (ID.echeance-vendor.json) usable like a shipped vendor; repeatable
  --lang fr|en            language of messages (default fr)
  -h, --help              this help

Columns read besides apply's: « Client » (required), « Adresse » (else the letter says "address to be
completed"), « Commentaire » or « Litige » (a disputed invoice is left out), « Procédure collective »
(no letter: the claim is declared to the mandataire), « Dernière relance ».
Exit code: 0 when documents were written, 1 when none could be, 2 on a usage error (option, template,
« Mon entreprise »).
`,
} as const;

export const lettersUsage = (lang: Language): string => USAGE_TEXT[lang];
