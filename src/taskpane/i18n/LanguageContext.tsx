import * as React from "react";
import type { Language } from "../../engine";
import { STRINGS, type Strings } from "./strings";

interface LanguageState {
  readonly lang: Language;
  readonly setLang: (lang: Language) => void;
}

const LanguageContext = React.createContext<LanguageState>({ lang: "fr", setLang: () => undefined });

export function LanguageProvider({ initial, children }: { initial: Language; children: React.ReactNode }) {
  const [lang, setLang] = React.useState<Language>(initial);
  const value = React.useMemo(() => ({ lang, setLang }), [lang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return React.useContext(LanguageContext);
}

/** The pane-wide text (i18n/strings.ts) in the pane's language. */
export function useStrings(): Strings {
  return STRINGS[useLanguage().lang];
}

/** A view's catalogue (`{ fr: {…}, en: {…} }`, kept beside the view) in the pane's language. */
export function useCatalogue<C extends Readonly<Record<Language, object>>>(catalogue: C): C[Language] {
  return catalogue[useLanguage().lang];
}
