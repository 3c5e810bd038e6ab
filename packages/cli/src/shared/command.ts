/**
 * A command is data: its name, help text and options (parsed with node:util parseArgs), plus
 * a `run` that gets typed option values. Parsing, `--help` and usage errors are handled here,
 * the same way for every command.
 */
import { parseArgs } from 'node:util';
import { usageError } from './errors.js';
import type { Io } from './io.js';

export interface OptionDef {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Placeholder in the help text: `--seed <n>`. */
  readonly value?: string;
  readonly description: string;
  /** Default of a string option (also shown in the help text). */
  readonly default?: string;
  /** A string option that may be given several times (`--encoder A --encoder B`): an array. */
  readonly multiple?: boolean;
}

export type OptionDefs = Readonly<Record<string, OptionDef>>;

export type OptionValues<O extends OptionDefs> = {
  -readonly [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K] extends { readonly multiple: true }
      ? string[]
      : O[K] extends { readonly default: string }
        ? string
        : string | undefined;
};

export interface CommandSpec<O extends OptionDefs> {
  /** As typed after `hcard`: `read`, `card new`. */
  readonly name: string;
  /** One line for `hcard --help`. */
  readonly summary: string;
  /** Paragraphs for `hcard <name> --help`. */
  readonly description: string;
  readonly options: O;
  readonly examples?: readonly string[];
  /** Resolves with the exit code; failures throw (HcardErrors become one line and their exit code). */
  run(options: OptionValues<O>, io: Io): Promise<number>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  help(): string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

const HELP_OPTION: OptionDef = { type: 'boolean', short: 'h', description: 'show this help' };

export function defineCommand<const O extends OptionDefs>(spec: CommandSpec<O>): Command {
  const all: OptionDefs = { ...spec.options, help: HELP_OPTION };
  const help = () => renderHelp(spec, all);
  return {
    name: spec.name,
    summary: spec.summary,
    help,
    run: async (argv, io) => {
      const values = parseOptions(`hcard ${spec.name}`, all, argv);
      if (values.help) {
        io.out(help());
        return 0;
      }
      return spec.run(values as OptionValues<O>, io);
    },
  };
}

function parseOptions(command: string, defs: OptionDefs, argv: readonly string[]): Record<string, unknown> {
  const config = Object.fromEntries(
    Object.entries(defs).map(([name, d]) => [
      name,
      {
        type: d.type,
        ...(d.short ? { short: d.short } : {}),
        ...(d.multiple ? { multiple: true } : {}),
        ...(d.type === 'boolean'
          ? { default: false }
          : d.default === undefined
            ? {}
            : { default: d.default }),
      },
    ]),
  );
  try {
    const values: Record<string, unknown> = parseArgs({
      args: [...argv],
      options: config,
      strict: true,
      allowPositionals: false,
    }).values;
    for (const [name, d] of Object.entries(defs)) if (d.multiple) values[name] ??= [];
    return values;
  } catch (e) {
    throw usageError(describeParseError(e), command);
  }
}

/** parseArgs messages, shortened to their first sentence and lower-cased. */
function describeParseError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const positional = /^Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument "${positional[1]}"`;
  const first = message.split(/\.\s/)[0]!.replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function renderHelp(spec: CommandSpec<OptionDefs>, options: OptionDefs): string {
  const rows = Object.entries(options).map(([name, d]) => {
    const flag = `${d.short ? `-${d.short}, ` : '    '}--${name}${d.value ? ` <${d.value}>` : ''}${d.multiple ? ' …' : ''}`;
    const extra = d.default === undefined ? '' : ` (default ${d.default})`;
    return [flag, `${d.description}${extra}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = [
    `Usage: hcard ${spec.name} [options]`,
    '',
    spec.description.trim(),
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
  ];
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}
