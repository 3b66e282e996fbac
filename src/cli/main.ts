import type { Language } from "../engine";
import { applyUsage, runApply } from "./apply";
import { languageOf } from "./args";
import { fnUsage, runFn } from "./fn";
import { lettersUsage, runLetters } from "./letters";
import { UsageError, type CliIo } from "./io";

export { processIo } from "./io";
import { ratesUsage, runRates } from "./rates";
import { reportUsage, runReport } from "./report";
import { runVendor, runVendorsList, vendorUsage } from "./vendor";
import { commandError } from "./messages";

/**
 * The `echeance` command: `fn` evaluates one CGV function, `apply` applies terms to a register, `report`
 * builds D441-6 or the statement per client, `letters` writes the recovery letters and penalty notes.
 */

declare const ECHEANCE_VERSION: string | undefined;

const USAGE_TEXT: Readonly<Record<Language, string>> = {
  fr: `echeance — les conditions générales de vente (CGV) de fournisseurs français en dates et en montants

Commandes :
  echeance fn FONCTION [ARG…] [--json] [--lang fr|en]
      Calcule une fonction CGV exactement comme Excel, par exemple
      echeance fn DATEECHEANCE omi 2025-03-10        → 2025-04-09
  echeance apply REGISTRE.xlsx|REGISTRE.csv --vendor ID [options]
      Applique les conditions d'un fournisseur à un registre de factures ou d'abonnements.
      « echeance apply --help » pour ses options.
  echeance report REGISTRE.xlsx|REGISTRE.csv --closing AAAA-MM-JJ --kind received|issued [options]
      Le tableau des délais de paiement de l'article D441-6 du Code de commerce et une balance âgée.
      « echeance report --help » pour ses options.
  echeance report REGISTRE.xlsx|REGISTRE.csv --kind statement --vendor ID --as-of AAAA-MM-JJ [--client NOM]
      Le relevé des pénalités de retard par client (décompte), une feuille par client ou un CSV.
  echeance letters REGISTRE.xlsx|REGISTRE.csv --vendor ID --level rappel|relance|mise-en-demeure|note-de-debit
                   --as-of AAAA-MM-JJ -o DOSSIER [--template MODÈLE.docx] [--record]
      Les lettres de relance, la mise en demeure ou la note de débit, un document Word par client.
      « echeance letters --help » pour ses options.
  echeance rates [--rates FICHIER]
      La table des taux (taux légal, taux BCE) par semestre, leur origine et où trouver les chiffres officiels.
  echeance vendor import CGV.txt|CGV.docx|- [--id ID] [--name NOM] [-o FICHIER]
      Lit des conditions générales et écrit le brouillon d'un profil fournisseur, avec son rapport.
  echeance vendor check FICHIER | echeance vendor show ID|FICHIER | echeance vendors
      Les contrôles légaux d'un profil, son résumé, la liste des fournisseurs.
      « echeance vendor --help » pour leurs options ; --vendor-file FICHIER sur fn, apply, report et letters.
  echeance --version

Les messages sont en français ; --lang en les donne en anglais.`,
  en: `echeance — French vendors' terms of sale (CGV) as dates and amounts

Commands:
  echeance fn FUNCTION [ARG…] [--json] [--lang en|fr]
      Evaluates one CGV function exactly as Excel does, e.g.
      echeance fn DUEDATE omi 2025-03-10            → 2025-04-09
  echeance apply INPUT.xlsx|INPUT.csv --vendor ID [options]
      Applies a vendor's terms to a register of invoices or subscriptions.
      Run "echeance apply --help" for its options.
  echeance report INPUT.xlsx|INPUT.csv --closing YYYY-MM-DD --kind received|issued [options]
      The payment-delay table of Code de commerce D441-6 and an aging view.
      Run "echeance report --help" for its options.
  echeance report INPUT.xlsx|INPUT.csv --kind statement --vendor ID --as-of YYYY-MM-DD [--client NAME]
      The late-payment statement per client, a sheet per client or a CSV.
  echeance letters INPUT.xlsx|INPUT.csv --vendor ID --level rappel|relance|mise-en-demeure|note-de-debit
                   --as-of YYYY-MM-DD -o FOLDER [--template FILE.docx] [--record]
      Reminders, the formal notice or the penalty note, one Word document per client.
      Run "echeance letters --help" for its options.
  echeance rates [--rates FILE]
      The rate table (legal rate, ECB rate) per half-year, where each came from, where to find official figures.
  echeance vendor import TERMS.txt|TERMS.docx|- [--id ID] [--name NAME] [-o FILE]
      Reads terms of sale and writes a draft vendor profile, with its report.
  echeance vendor check FILE | echeance vendor show ID|FILE | echeance vendors
      A profile's legal checks, its summary, the list of vendors.
      Run "echeance vendor --help" for their options; --vendor-file FILE on fn, apply, report and letters.
  echeance --version

Messages are in French by default; --lang en gives them in English.`,
};

type Command = (argv: string[], io: CliIo) => number | Promise<number>;

const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ["fn", runFn],
  ["apply", runApply],
  ["report", runReport],
  ["letters", runLetters],
  ["rates", runRates],
  ["vendor", runVendor],
  ["vendors", runVendorsList],
]);

const USAGES: ReadonlyMap<string, (lang: Language) => string> = new Map([
  ["fn", fnUsage],
  ["apply", applyUsage],
  ["report", reportUsage],
  ["letters", lettersUsage],
  ["rates", ratesUsage],
  ["vendor", vendorUsage],
  ["vendors", vendorUsage],
]);

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const lang = languageOf(argv);
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(`${USAGE_TEXT[lang]}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.stdout.write(`${typeof ECHEANCE_VERSION === "string" ? ECHEANCE_VERSION : "development"}\n`);
    return 0;
  }
  const run = COMMANDS.get(command);
  if (!run) {
    io.stderr.write(
      `${{ fr: `Commande inconnue : « ${command} ».`, en: `Unknown command "${command}".` }[lang]}\n\n${USAGE_TEXT[lang]}\n`,
    );
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      const usage = USAGES.get(command)?.(lang) ?? USAGE_TEXT[lang];
      io.stderr.write(`${commandError(command, e.message, lang)}\n\n${usage}\n`);
      return 2;
    }
    throw e;
  }
}
