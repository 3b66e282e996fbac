import type { AmountClause, Interpretation, LatePaymentRule, PenaltyRate, RateFloor } from "../engine";
import { normaliseFrench } from "../engine";
import {
  citationOf,
  decimalText,
  sentences,
  sourceOf,
  titlesOf,
  uniqueCitations,
  type ImportContext,
  type Located,
} from "./context";
import { LATE_MESSAGES } from "./late-messages";
import type { NotFound, Proposal, Question } from "./report";

/**
 * The late-payment rule: the rate (3 × the legal rate, ECB + N points, a fixed yearly rate, a rate
 * per month, « taux légal »), the floor, its base, when it starts, the recovery fee and any discount
 * for early payment (escompte). What the text does not say is the law's (L441-10 II, D441-5).
 */

export interface LateFindings {
  readonly rule: LatePaymentRule;
  readonly interpretations: readonly Interpretation[];
  readonly amounts: readonly AmountClause[];
  readonly proposals: readonly Proposal[];
  readonly notFound: readonly NotFound[];
  readonly questions: readonly Question[];
}

const LATE =
  /retard|penalit|interets?(?![a-z])|indemnite|recouvrement|non paiement|defaut de paiement|echeance/;
const NUMBER = String.raw`(\d{1,3}(?:\.\d{1,4})?)`;

const ECB = /(?:bce|banque centrale europeenne)/;
const ECB_POINTS = new RegExp(
  String.raw`(?:majore|augmente|plus|\+|additionne|ajoute)(?: de)? ${NUMBER} points?`,
);
const FLOOR = /inferieure? a (\d{1,2}) fois (?:le |au )?taux/;
const MULTIPLE = new RegExp(String.raw`${NUMBER} fois (?:le |au )?taux (?:de l |d )?(?:interet )?legal`);
const LEGAL_MINIMUM =
  /taux (?:d interet )?legal minimum|minimum legal|taux minimum legal|taux legal (?:en vigueur )?applicable entre professionnels/;
const YEARLY = new RegExp(String.raw`${NUMBER} ?% (?:l an|par an|annuels?|l annee|par annee|annuellement)`);
const MONTHLY = new RegExp(String.raw`${NUMBER} ?% (?:par mois|mensuels?|le mois)`);
const BARE = new RegExp(String.raw`(?:penalit|interet|taux)[a-z ]{0,80}?(?:^|[^\d.])${NUMBER} ?%`);
const LEGAL_RATE = /taux (?:de l |d )?(?:interet )?legal/;

const INCL_VAT = /(?:montant |prix )?(?:ttc|toutes taxes comprises)/;
const SUM_DUE = /(?:toute|toutes les|des|les) sommes? (?:due|dues|restant dues|restant a payer)/;
const START =
  /lendemain de (?:l |la date d )?echeance|jour suivant (?:la date (?:de reglement|de paiement|d echeance)|l echeance)|(?:a compter|a partir) (?:de |du )(?:la |ladite )?(?:date d )?echeance|des le jour suivant[a-z ]{0,60}/;
const FEE = /(?:indemnite|frais) forfaitaire|recouvrement/;
const FEE_AMOUNT = new RegExp(String.raw`(?:^|[^\d.])(\d{2,4}(?:\.\d{1,2})?) ?(?:euros?|€)`);
const JUSTIFIED = /superieur|complementaire|sur justification|justifi|reellement (?:engages|exposes)|au dela/;
const NO_DISCOUNT = /(?:aucun|pas d|sans) escompte/;
const DISCOUNT = new RegExp(String.raw`escompte(?: de)? ${NUMBER} ?%`);

const LATE_TITLE = /retard|penalit|sanction|impaye|non paiement|recouvrement/;

/**
 * Sentences about late payment: those that say so, those of an article about it, and the one right
 * after such a sentence (« … inférieur à trois fois le taux légal. (Le taux de référence est celui de
 * la BCE majoré de 10 points.) »).
 */
function lateSentences(ctx: ImportContext): Located[] {
  const out: Located[] = [];
  let after: Located | undefined;
  for (const at of sentences(ctx)) {
    const cue = LATE.test(at.sentence.plain);
    const follows = after !== undefined && after.article === at.article && after.index === at.index - 1;
    if (cue || follows || LATE_TITLE.test(titlesOf(at.article, normaliseFrench))) out.push(at);
    after = cue ? at : undefined;
  }
  return out;
}

interface Hit {
  readonly at: Located;
  readonly match: RegExpExecArray;
}

function findIn(list: readonly Located[], re: RegExp): Hit | undefined {
  for (const at of list) {
    const match = re.exec(at.sentence.plain);
    if (match) return { at, match };
  }
  return undefined;
}

export function extractLatePayment(ctx: ImportContext): LateFindings {
  const late = lateSentences(ctx);
  const proposals: Proposal[] = [];
  const notFound: NotFound[] = [];
  const questions: Question[] = [];
  const interpretations: Interpretation[] = [];
  const cite = (h: Hit) => citationOf(ctx, h.at);
  let rate: PenaltyRate = { kind: "ecb-plus", points: "10" };
  let floor: RateFloor = "none";
  let rateHit: Hit | undefined;
  let flatAlternative: LatePaymentRule["flatAlternative"];

  const ecb = findIn(late, ECB);
  const ecbPoints = ecb ? ECB_POINTS.exec(ecb.at.sentence.plain) : null;
  const floorHit = findIn(late, FLOOR);
  const multiple = findIn(late, MULTIPLE);
  const minimum = findIn(late, LEGAL_MINIMUM);
  const yearly = findIn(late, YEARLY);
  const monthly = findIn(late, MONTHLY);
  const bare = findIn(late, BARE);
  const legal = findIn(late, LEGAL_RATE);
  if (ecb && ecbPoints) {
    rateHit = ecb;
    rate = { kind: "ecb-plus", points: decimalText(ecbPoints[1]) };
    // « ne pourra être inférieur à trois fois le taux légal »: the contract's own floor (Digitalli 9).
    floor = floorHit ? "contractual" : rate.points === "10" ? "none" : "statutory";
    if (floorHit) proposals.push(LATE_MESSAGES.floorProposal([sourceOf(floorHit.at)]));
    else if (rate.points === "10") interpretations.push(LATE_MESSAGES.defaultRestated([cite(ecb)]));
  } else if (multiple) {
    rateHit = multiple;
    rate = { kind: "legal-multiple", factor: Math.max(1, Math.round(Number(multiple.match[1]))) };
    floor = "statutory";
  } else if (minimum) {
    rateHit = minimum;
    rate = { kind: "legal-multiple", factor: 3 };
    floor = "statutory";
    interpretations.push(LATE_MESSAGES.legalMinimumRead([cite(minimum)]));
  } else if (yearly) {
    rateHit = yearly;
    rate = { kind: "fixed", annualPercent: decimalText(yearly.match[1]) };
    floor = "statutory";
  } else if (monthly) {
    rateHit = monthly;
    const perMonth = decimalText(monthly.match[1]);
    rate = {
      kind: "fixed",
      annualPercent: decimalText(String(Math.round(Number(perMonth) * 12 * 10000) / 10000)),
    };
    floor = "statutory";
    interpretations.push(LATE_MESSAGES.monthlyRead(perMonth, rate.annualPercent, [cite(monthly)]));
  } else if (bare) {
    // « 10 % du montant de la facture » with no period: a rate a year (client-favourable) or a flat sum.
    rateHit = bare;
    const percent = decimalText(bare.match[1]);
    rate = { kind: "fixed", annualPercent: percent };
    floor = "statutory";
    flatAlternative = { option: "flat", percent, clause: [cite(bare)] };
    interpretations.push(LATE_MESSAGES.percentNoPeriodNote(percent, [cite(bare)]));
    questions.push(LATE_MESSAGES.percentNoPeriod(percent, [sourceOf(bare.at)]));
  } else if (legal) {
    rateHit = legal;
    rate = { kind: "legal-multiple", factor: 1 };
    floor = "statutory";
    interpretations.push(LATE_MESSAGES.legalRateRead([cite(legal)]));
  }
  if (rateHit) proposals.push(LATE_MESSAGES.rateProposal(rate, floor, [sourceOf(rateHit.at)]));
  else notFound.push(LATE_MESSAGES.noRate);

  const inclVat = findIn(late, INCL_VAT);
  const sumDue = findIn(late, SUM_DUE);
  const baseHit = inclVat ?? sumDue;
  const base = inclVat ? "amount-incl-vat" : sumDue ? "sum-due" : "invoice-amount";
  if (baseHit) proposals.push(LATE_MESSAGES.baseProposal(base, [sourceOf(baseHit.at)]));
  else notFound.push(LATE_MESSAGES.noBase);

  const start = findIn(late, START);
  if (start) {
    proposals.push(LATE_MESSAGES.startProposal([sourceOf(start.at)]));
    if (/a compter|a partir/.test(start.match[0]))
      interpretations.push(LATE_MESSAGES.startFromDueDate([cite(start)]));
  } else notFound.push(LATE_MESSAGES.noStart);

  const feeSentences = late.filter((at) => FEE.test(at.sentence.plain));
  const fee = findIn(feeSentences, FEE_AMOUNT);
  const amount = fee ? decimalText(fee.match[1]) : "40";
  const justified = findIn(feeSentences, JUSTIFIED);
  if (fee)
    proposals.push(
      LATE_MESSAGES.feeProposal(amount, justified !== undefined, [
        sourceOf(fee.at),
        ...(justified && justified.at !== fee.at ? [sourceOf(justified.at)] : []),
      ]),
    );
  else notFound.push(LATE_MESSAGES.noFee);

  const amounts: AmountClause[] = [];
  const all = [...sentences(ctx)].filter((at) => at.sentence.plain.includes("escompte"));
  const discount = findIn(all, DISCOUNT);
  const noDiscount = findIn(all, NO_DISCOUNT);
  if (discount) {
    const percent = decimalText(discount.match[1]);
    amounts.push(LATE_MESSAGES.discountClause(percent, [cite(discount)]));
    proposals.push(LATE_MESSAGES.discountProposal(percent, [sourceOf(discount.at)]));
  } else if (noDiscount) proposals.push(LATE_MESSAGES.noDiscountProposal([sourceOf(noDiscount.at)]));

  const clause = uniqueCitations(
    [rateHit, baseHit, start].filter((h): h is Hit => h !== undefined).map(cite),
  );
  const feeClause = uniqueCitations([fee, justified].filter((h): h is Hit => h !== undefined).map(cite));
  return {
    rule: {
      rate,
      floor,
      base,
      recoveryFee: {
        amount,
        // L441-10 II: justified costs above the fixed fee may be claimed by every creditor.
        justifiedCostsAbove: true,
        clause: feeClause.length > 0 ? feeClause : [LATE_MESSAGES.lawFee],
      },
      clause: clause.length > 0 ? clause : [LATE_MESSAGES.lawPenalties],
      ...(flatAlternative ? { flatAlternative } : {}),
    },
    interpretations,
    amounts,
    proposals,
    notFound,
    questions,
  };
}
