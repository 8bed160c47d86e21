/**
 * The command line as users run it: a child process on the TypeScript sources (through tsx), so
 * tests see its real exit code, standard output and standard error.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The CLI's entry, src/cli/main.ts. */
export const CLI_MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

/** What a run of the CLI gave. */
export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs `trd-classifier ...args`, with `input` on its standard input when given (else none). */
export async function runCli(args: readonly string[], input?: string): Promise<CliRun> {
  try {
    const child = run(process.execPath, ["--import", "tsx", CLI_MAIN, ...args], { maxBuffer: 1 << 30 });
    if (input !== undefined) child.child.stdin?.end(input);
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as CliRun;
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}
