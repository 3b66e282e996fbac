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

export function useStrings(): Strings {
  return STRINGS[useLanguage().lang];
}
