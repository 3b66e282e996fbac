import { UsageError } from "./io";

/** One command-line option: its spellings, whether it takes a value, and the values it accepts. */
export interface OptionSpec {
  readonly names: readonly string[];
  readonly value?: boolean;
  /** Accepted values (compared case-insensitively, returned lower-case). */
  readonly choices?: readonly string[];
}

export interface ParsedOptions<K extends string> {
  readonly options: Partial<Record<K, string | true>>;
  readonly positional: readonly string[];
}

/**
 * Reads `--name value`, `--name=value`, `-o value` and bare flags against a spec; anything else
 * starting with "-" is a usage error, the rest is positional.
 */
export function readOptions<K extends string>(
  argv: readonly string[],
  spec: Readonly<Record<K, OptionSpec>>,
): ParsedOptions<K> {
  const byName = new Map<string, [K, OptionSpec]>();
  for (const key of Object.keys(spec) as K[])
    for (const name of spec[key].names) byName.set(name, [key, spec[key]]);
  const options: Partial<Record<K, string | true>> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const entry = byName.get(flag);
    if (!entry) {
      if (raw.startsWith("-") && raw.length > 1) throw new UsageError(`unknown option ${flag}.`);
      positional.push(raw);
      continue;
    }
    const [key, option] = entry;
    if (!option.value) {
      options[key] = true;
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = raw.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith("-") && value.length > 1 && !/^-\d/.test(value)))
        throw new UsageError(`${flag} needs a value.`);
      i++;
    }
    if (option.choices) {
      const lower = value.toLowerCase();
      if (!option.choices.includes(lower))
        throw new UsageError(`${flag} must be ${option.choices.join(" or ")} (got "${value}").`);
      value = lower;
    }
    options[key] = value;
  }
  return { options, positional };
}
