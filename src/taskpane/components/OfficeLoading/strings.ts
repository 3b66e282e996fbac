import type { Language } from "../../../engine";

/** What the pane says while Office starts, or when it cannot run on what Office answered. */
export const OFFICE_LOADING_STRINGS = {
  fr: {
    connecting: "Connexion à Excel…",
    slow: "Excel met du temps à répondre. Le volet l'attend et n'écrit rien d'ici là ; si cela dure, fermez le volet et rouvrez-le.",
    hostUnsupported: (host: string) =>
      `Échéance fonctionne dans Excel ; cette application (${host}) n'est pas prise en charge.`,
    startFailed: (message: string) =>
      `Office n'a pas pu démarrer le volet (${message}). Fermez le volet et rouvrez-le.`,
  },
  en: {
    connecting: "Connecting to Excel…",
    slow: "Excel is slow to answer. The pane waits for it and writes nothing meanwhile; if this lasts, close the pane and open it again.",
    hostUnsupported: (host: string) => `Échéance runs in Excel; this application (${host}) is not supported.`,
    startFailed: (message: string) =>
      `Office could not start the pane (${message}). Close the pane and open it again.`,
  },
} as const satisfies Record<Language, Record<string, unknown>>;
