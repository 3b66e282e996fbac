import { formatCitation, type Citation, type VendorProfile } from "../engine";

/**
 * The late-payment clause of each shipped vendor as its own text writes it, for the formal notice,
 * which quotes the clause with its article (CPC 1405 asks for the contract's penalty clause). Kept
 * apart from the profiles so the profiles' content hashes (stored in workbooks) do not change. A quote
 * is used only for the seed text it was copied from and the article the profile cites; a user's own
 * vendor has none, and the letter then cites the article and states the rule in words.
 */
interface ClauseQuote {
  readonly vendor: string;
  readonly seed: string;
  readonly article: string;
  readonly text: string;
}

const QUOTES: readonly ClauseQuote[] = [
  {
    vendor: "omi",
    seed: "000_c8a5dff9dfa2a55d.txt",
    article: "6.3",
    text: "Conformément à l’article L. 441-10 du Code de commerce, tout retard de paiement par le Client entraînera l'application de pénalités de retard égales à trois fois le taux d'intérêt légal ainsi que d’une indemnité de recouvrement de quarante (40) euros par facture. En complément, le Prestataire sera en droit de facturer au Client les frais réellement engagés pour le recouvrement si ceux-ci excèdent quarante (40) euros, sur présentation de documents en justifiant (par exemple, frais d’une agence de recouvrement).",
  },
  {
    vendor: "sillage",
    seed: "001_b5b57cd92b7db28d.txt",
    article: "7.4",
    text: "Tout retard de paiement entraîne de plein droit, sans mise en demeure préalable :\n- l’application des intérêts de retard au taux légal minimum applicable entre professionnels,\n- l’exigibilité de l’indemnité forfaitaire pour frais de recouvrement prévue par l’article L441-10 du Code de commerce (40 € actuellement), et, le cas échéant, l’application d’une indemnité complémentaire si les frais de recouvrement effectivement exposés sont supérieurs.",
  },
  {
    vendor: "xiahdeh",
    seed: "002_71f49a9e1aa64013.txt",
    article: "16.4",
    text: "Tout retard de paiement au-delà de trente (30) jours à compter de la date d’émission de la facture entraînera de plein droit, conformément à la loi, des pénalités de retard égales à 10 % du montant de la facture. Le point de départ des pénalités de retard est le lendemain de l’échéance. […] Tout CLIENT professionnel en situation de retard de paiement est redevable à l’égard du PRESTATAIRE d’une indemnité forfaitaire pour frais de recouvrement de 40 euros en plus des pénalités de retard.",
  },
  {
    vendor: "injenius",
    seed: "003_74085667897c81b6.txt",
    article: "11",
    text: "En cas de non-paiement à l’échéance, une indemnité forfaitaire de compensation des frais de recouvrement d’un montant de quarante (40) euros sera appliquée et toute somme due portera intérêt à compter de ladite date d’échéance et jusqu’à paiement intégral, au taux d’intérêt appliqué par la Banque Centrale Européenne à son opération de refinancement la plus récente, majoré de dix (10) points de pourcentage, et ce, sans formalités préalables.",
  },
  {
    vendor: "digitalli",
    seed: "004_42db4045a621ad17.txt",
    article: "9",
    text: "En cas de retard de paiement, la société DIGITALLI aura droit, de convention expresse, à appliquer un intérêt de retard qui ne pourra être inférieur à trois fois le taux de l’intérêt légal. (Le taux de référence est celui appliqué par la Banque Centrale Européenne (BCE) à son opération de refinancement la plus récente majoré de 10 points). Cet intérêt de retard sera calculé sur le montant TTC de la facture. […] En cas de retard de paiement, le Client sera également débiteur de plein droit, à l’égard de la société DIGITALLI, d’une indemnité forfaitaire pour frais de recouvrement d’un montant de 40 €.",
  },
];

export interface QuotedClause {
  readonly citation: Citation;
  /** « OMI CGA art. 6.3 » */
  readonly reference: string;
  /** The clause's text, when known. */
  readonly text: string | undefined;
}

/** The vendor's late-payment clause: its citation, and its text when this is a shipped vendor's own. */
export function latePaymentClause(profile: VendorProfile): QuotedClause {
  const citation = profile.latePayment.clause[0] ?? { document: profile.document.short, article: "" };
  const quote = QUOTES.find(
    (q) => q.vendor === profile.id && q.seed === profile.document.seed && q.article === citation.article,
  );
  return { citation, reference: formatCitation(citation), text: quote?.text };
}
