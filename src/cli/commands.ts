/**
 * Commands as declarative tables of options: one table per command drives the parsing
 * (node:util parseArgs), the checking of each value, the usage errors and the command's --help.
 *
 * Every usage error is one line, `<what>, expected <form>`, naming the option.
 */
import { parseArgs } from "node:util";

/** A usage error: what is wrong, and the expected form. */
export class UsageError extends Error {
  /**
   * @param what - What is wrong ("--as-of 2024-13-01 is not a calendar date").
   * @param expected - The expected form ("--as-of YYYY-MM-DD"); filled in from the option's table entry when left out.
   * @param command - The command it concerns, for the hint to its --help.
   */
  constructor(
    readonly what: string,
    readonly expected?: string,
    readonly command?: string,
  ) {
    super(expected === undefined ? what : `${what}, expected ${expected}`);
    this.name = "UsageError";
  }
}

/** One option: how its value is written, what it means, and how the value is read (throwing a {@link UsageError}). */
export interface OptionSpec {
  readonly kind: "string" | "boolean";
  /** The value's form, e.g. "YYYY-MM-DD" or "ndjson|csv" (none for a flag). */
  readonly form?: string;
  readonly help: string;
  /** The text read when the option is not given (a flag: "false"). */
  readonly fallback?: string;
  /** The option may be given more than once; each value is read, and the value is their list. */
  readonly multiple?: boolean;
  readonly read: (raw: string, name: string) => unknown;
}

type ValueOf<S> = S extends { readonly read: (raw: string, name: string) => infer T }
  ? S extends { readonly multiple: true }
    ? readonly T[] | undefined
    : S extends { readonly fallback: string }
      ? T
      : T | undefined
  : never;

/** The values of a table of options, by option name. */
export type Values<O> = { readonly [K in keyof O]: ValueOf<O[K]> };

/** An option with a value, read (and checked) by `read`. */
export function value<const S extends { readonly form: string; readonly help: string; readonly fallback?: string; readonly read: (raw: string, name: string) => unknown }>(spec: S): S & { readonly kind: "string" } {
  return { ...spec, kind: "string" };
}

/** An option with a value that may be given more than once (its value: the list, in order). */
export function repeatable<const S extends { readonly form: string; readonly help: string; readonly read: (raw: string, name: string) => unknown }>(spec: S): S & { readonly kind: "string"; readonly multiple: true } {
  return { ...spec, kind: "string", multiple: true };
}

/** An option whose value is one of `choices`. */
export function choice<const C extends string, const F extends { readonly help: string; readonly fallback?: C }>(choices: readonly C[], spec: F): F & { readonly kind: "string"; readonly form: string; readonly read: (raw: string, name: string) => C } {
  return {
    ...spec,
    kind: "string",
    form: choices.join("|"),
    read: (raw, name) => {
      const found = choices.find((c) => c === raw);
      if (found === undefined) throw new UsageError(`${name} ${raw} is not ${choices.join(" or ")}`);
      return found;
    },
  };
}

/** An option without a value (a switch). */
export function flag(help: string): { readonly kind: "boolean"; readonly help: string; readonly fallback: "false"; readonly read: (raw: string) => boolean } {
  return { kind: "boolean", help, fallback: "false", read: (raw) => raw === "true" };
}

/** A command: its table of options, its one operand (if any), and what it runs. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The command's one operand; with `unless`, the option that replaces it (then an operand is a usage error). */
  readonly operand?: { readonly form: string; readonly help: string; readonly unless?: string };
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Runs with the checked values; resolves to the exit code. */
  readonly run: (values: Readonly<Record<string, unknown>>, operand: string) => Promise<number>;
}

/** A command with its values typed from its table of options. */
export function command<O extends Readonly<Record<string, OptionSpec>>>(spec: {
  readonly name: string;
  readonly summary: string;
  readonly operand?: { readonly form: string; readonly help: string; readonly unless?: string };
  readonly options: O;
  readonly run: (values: Values<O>, operand: string) => Promise<number>;
}): Command {
  return spec as unknown as Command;
}

function usageLine(cmd: Command): string {
  return `trd-classifier ${cmd.name}${cmd.operand === undefined ? "" : ` ${cmd.operand.form}`} [options]`;
}

function optionForm(name: string, spec: OptionSpec): string {
  return spec.kind === "boolean" ? `--${name}` : `--${name} ${spec.form ?? "VALUE"}${spec.multiple === true ? " (repeatable)" : ""}`;
}

/** The --help of a command. */
export function commandHelp(cmd: Command, footer: string): string {
  const rows: [string, string][] = [...Object.entries(cmd.options).map(([name, spec]): [string, string] => [optionForm(name, spec), spec.help]), ["-h, --help", "show this help"]];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: ${usageLine(cmd)}`,
    "",
    `${cmd.summary.charAt(0).toUpperCase()}${cmd.summary.slice(1)}.`,
    ...(cmd.operand === undefined ? [] : ["", `  ${cmd.operand.form.padEnd(width)}${cmd.operand.help}`]),
    "",
    "Options:",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    "",
    footer,
  ].join("\n");
}

/** The general help: the commands. */
export function generalHelp(commands: readonly Command[], footer: string): string {
  const width = Math.max(...commands.map((c) => usageLine(c).length)) + 2;
  return [
    "Usage:",
    ...commands.map((c) => `  ${usageLine(c).padEnd(width)}${c.summary}`),
    `  ${"trd-classifier help <command>".padEnd(width)}the options of a command (or: trd-classifier <command> --help)`,
    `  ${"trd-classifier --version".padEnd(width)}the version`,
    "",
    footer,
  ].join("\n");
}

/**
 * `--name -5` becomes `--name=-5` for an option that takes a value, when the next argument is not
 * itself an option of the command: parseArgs would otherwise call it ambiguous, and the value is
 * then read (and rejected, or accepted) like any other.
 */
function joinDashValues(cmd: Command, args: readonly string[]): string[] {
  const isOption = (arg: string): boolean => arg === "-h" || arg === "--" || (arg.startsWith("--") && (arg.slice(2).split("=")[0] ?? "") in cmd.options) || arg === "--help";
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const next = args[i + 1];
    const spec = arg.startsWith("--") ? cmd.options[arg.slice(2)] : undefined;
    if (spec?.kind === "string" && next !== undefined && next.startsWith("-") && !isOption(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** The option named in one of parseArgs' error messages ("Unknown option '--x'..."). */
function namedIn(message: string): string {
  return /'(-{1,2}[^' =]*)/.exec(message)?.[1] ?? "an option";
}

/** Parses a command's arguments: its checked values and operand, or "help" when --help or -h is among them. */
export function parseCommand(cmd: Command, args: readonly string[]): "help" | { values: Record<string, unknown>; operand: string } {
  const end = args.indexOf("--");
  if ((end === -1 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h")) return "help";
  let parsed: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: joinDashValues(cmd, args), allowPositionals: true, strict: true, options: Object.fromEntries(Object.entries(cmd.options).map(([name, spec]) => [name, { type: spec.kind, multiple: spec.multiple === true }])) }) as typeof parsed;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const name = namedIn(e.message ?? "");
    const spec = cmd.options[name.replace(/^--/, "")];
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option ${name} for ${cmd.name}`, `one of ${Object.keys(cmd.options).map((o) => `--${o}`).join(", ")}`, cmd.name);
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && spec !== undefined) {
      if (spec.kind === "boolean") throw new UsageError(`${name} takes no value`, `${name} alone`, cmd.name);
      throw new UsageError(`${name} needs a value`, optionForm(name.slice(2), spec), cmd.name);
    }
    throw new UsageError(`cannot read the arguments of ${cmd.name} (${e.message ?? String(error)})`, usageLine(cmd), cmd.name);
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(cmd.options)) {
    const given = parsed.values[name];
    const raw = given === undefined ? spec.fallback : String(given);
    try {
      if (Array.isArray(given)) values[name] = given.map((item) => spec.read(item, `--${name}`));
      else values[name] = raw === undefined ? undefined : spec.read(raw, `--${name}`);
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(error.what, error.expected ?? optionForm(name, spec), cmd.name);
      throw error;
    }
  }
  const operands = parsed.positionals;
  if (cmd.operand === undefined) {
    if (operands.length > 0) throw new UsageError(`${cmd.name} takes no input, got "${operands[0] ?? ""}"`, usageLine(cmd), cmd.name);
    return { values, operand: "" };
  }
  const replacedBy = cmd.operand.unless;
  if (replacedBy !== undefined && values[replacedBy] !== undefined) {
    if (operands.length > 0) throw new UsageError(`${cmd.name} --${replacedBy} reads no input file, got "${operands[0] ?? ""}"`, `${cmd.name} --${replacedBy} ${cmd.options[replacedBy]?.form ?? "VALUE"} without a file`, cmd.name);
    return { values, operand: "" };
  }
  if (operands.length === 0) throw new UsageError(`${cmd.name} needs ${cmd.operand.form === "<file|->" ? "a file, or - for standard input" : cmd.operand.form}`, usageLine(cmd), cmd.name);
  if (operands.length > 1) throw new UsageError(`${cmd.name} takes one input, got ${operands.length}`, usageLine(cmd), cmd.name);
  return { values, operand: operands[0] ?? "" };
}
