/**
 * Which configuration applies to a file: the configuration files found from the file's folder upward
 * (nearest wins; `root: true` stops the search), or the single file given with --config. Produces the
 * rule set (with house rules), per-rule settings after overrides, the language, ignores and codebook.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { LintSettings } from '../rules/engine.js';
import type { RuleSet } from '../rules/types.js';
import type { Lang, SeveritySetting } from '../types.js';
import { withCustomRules } from './custom-rules.js';
import { CONFIG_FILE_NAMES, ConfigError, optionProblem, readConfigFile, type LoadedConfig, type RuleSettingValue } from './load-config.js';

export interface EffectiveConfig {
  ruleSet: RuleSet;
  settings: LintSettings;
  lang?: Lang | 'auto';
  /** The file matches an `ignores` glob of its configuration. */
  ignored: boolean;
  /** Codebook aliases added by the configuration files (kind → tags). */
  codebook: Record<string, string[]>;
  configs: LoadedConfig[];
  maxFileSize?: number;
  /** Front-matter fields never reported. */
  privateFields: string[];
  /** Front-matter fields whose values --redact replaces (besides participant, interviewer, company). */
  redactFields: string[];
}

/** `dir` strictly contains `path`. */
function isAncestorOf(dir: string, path: string): boolean {
  return dir !== path && path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function normaliseSetting(value: RuleSettingValue): { severity?: SeveritySetting; options?: Record<string, unknown> } {
  if (typeof value === 'string') return { severity: value };
  if (Array.isArray(value)) return { severity: value[0], ...(value[1] ? { options: value[1] } : {}) };
  return value;
}

function relativeTo(dir: string, file: string): string {
  return relative(dir, resolve(file)).split(sep).join('/');
}

function matches(globs: string[] | undefined, path: string): boolean {
  if (!globs || globs.length === 0 || path.startsWith('../')) return false;
  return picomatch(globs, { dot: true, matchBase: !globs.some((g) => g.includes('/')) })(path);
}

export class ConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig | null>();
  private readonly chains = new Map<string, LoadedConfig[]>();
  private readonly ruleSets = new Map<string, RuleSet>();
  private readonly explicit?: LoadedConfig;

  constructor(
    private readonly base: RuleSet,
    explicitFile?: string,
    /** Where notices go (a configuration found above the search's end): stderr by default. */
    private readonly onNotice: (line: string) => void = (line) => {
      try {
        process.stderr.write(`${line}\n`);
      } catch {
        // stderr is gone
      }
    },
  ) {
    if (explicitFile) {
      if (!existsSync(explicitFile)) throw new ConfigError('no such configuration file', explicitFile);
      const loaded = readConfigFile(explicitFile);
      if (!loaded) throw new ConfigError(`no "interview-lint" key in this package.json`, explicitFile);
      this.explicit = loaded;
    }
  }

  private configIn(dir: string): LoadedConfig | null {
    if (this.byDir.has(dir)) return this.byDir.get(dir) ?? null;
    let found: LoadedConfig | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (!existsSync(file)) continue;
      const loaded = readConfigFile(relativeTo(process.cwd(), file) || file);
      if (loaded) {
        found = loaded;
        break;
      }
    }
    this.byDir.set(dir, found);
    return found;
  }

  /** Configurations that apply to files of this folder, farthest first. */
  chain(dir: string): LoadedConfig[] {
    if (this.explicit) return [this.explicit];
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const out: LoadedConfig[] = [];
    let current = dir;
    for (; ; current = dirname(current)) {
      if (current !== dir && isAncestorOf(current, process.cwd())) {
        this.noticeAbove(current, true);
        break;
      }
      const config = this.configIn(current);
      if (config) {
        out.unshift(config);
        if (config.data.root) break;
      }
      // The search stops at the repository's root (a .git folder) or at the working directory, like
      // git and ESLint's flat config: a configuration above them (in the parent of a checkout, in the
      // home folder) belongs to someone else and is used only when named with --config.
      if (this.isBoundary(current) || dirname(current) === current) {
        this.noticeAbove(current);
        break;
      }
    }
    this.chains.set(dir, out);
    return out;
  }

  private isBoundary(dir: string): boolean {
    return dir === process.cwd() || existsSync(join(dir, '.git'));
  }

  private readonly noticed = new Set<string>();
  /** One line on stderr for a configuration file found at or above where the search stopped, never used. */
  private noticeAbove(stop: string, inclusive = false): void {
    if (this.noticed.has(stop)) return;
    this.noticed.add(stop);
    const first = inclusive ? stop : dirname(stop);
    if (first === stop && !inclusive) return;
    for (let up = first, previous = ''; up !== previous; previous = up, up = dirname(up)) {
      for (const name of CONFIG_FILE_NAMES) {
        const file = join(up, name);
        if (!existsSync(file) || (name === 'package.json' && !/"interview-lint"\s*:/.test(safeRead(file)))) continue;
        this.onNotice(`interview-lint: not using ${file}: it is above the ${existsSync(join(stop, '.git')) ? 'repository root' : 'working directory'} (name it with --config to use it)`);
        return;
      }
    }
  }

  private ruleSetFor(chain: LoadedConfig[]): RuleSet {
    const key = chain.map((c) => c.file).join('\n');
    let ruleSet = this.ruleSets.get(key);
    if (!ruleSet) {
      const built = withCustomRules(this.base, chain);
      ruleSet = built;
      for (const config of chain) {
        const check = (rules: Record<string, RuleSettingValue> | undefined, at: Array<string | number>): void => {
          for (const [id, value] of Object.entries(rules ?? {})) {
            const rule = built.rules.find((r) => r.id === id);
            if (!rule) {
              const pos = config.locate([...at, id]);
              throw new ConfigError(`unknown rule "${id}" (run "interview-lint rules" for the list)`, config.file, pos.line, pos.column);
            }
            // Options: the keys a rule documents, with the type of their defaults.
            for (const [key, option] of Object.entries(normaliseSetting(value).options ?? {})) {
              const optionPath = Array.isArray(value) ? [...at, id, 1, key] : [...at, id, 'options', key];
              const pos = config.locate(optionPath);
              if (!(key in rule.options)) {
                const known = Object.keys(rule.options);
                throw new ConfigError(`${id} has no option "${key}"${known.length ? ` (options: ${known.join(', ')})` : ' (it takes no options)'}`, config.file, pos.line, pos.column);
              }
              const schema = rule.optionSchema[key];
              const problem = schema !== undefined ? optionProblem(schema, option) : typeof option !== typeof rule.options[key] ? `must be a ${typeof rule.options[key]}` : undefined;
              if (problem) throw new ConfigError(`${id} option "${key}" ${problem}`, config.file, pos.line, pos.column);
            }
          }
        };
        check(config.data.rules, ['rules']);
        (config.data.overrides ?? []).forEach((o, i) => check(o.rules, ['overrides', i, 'rules']));
      }
      this.ruleSets.set(key, ruleSet);
    }
    return ruleSet;
  }

  /** The configuration for a file (a path relative to the working directory, or a stdin name). */
  forFile(path: string): EffectiveConfig {
    const chain = this.chain(dirname(resolve(path)));
    const ruleSet = this.ruleSetFor(chain);
    const rules: NonNullable<LintSettings['rules']> = {};
    let lang: Lang | 'auto' | undefined;
    let ignored = false;
    const codebook: Record<string, string[]> = {};
    let maxFileSize: number | undefined;
    const privateFields = new Set<string>();
    const redactFields = new Set<string>();
    const apply = (settings: Record<string, RuleSettingValue> | undefined): void => {
      for (const [id, value] of Object.entries(settings ?? {})) {
        const next = normaliseSetting(value);
        const previous = rules[id];
        rules[id] = { ...previous, ...next, ...(previous?.options || next.options ? { options: { ...previous?.options, ...next.options } } : {}) };
      }
    };
    for (const config of chain) {
      const rel = relativeTo(config.dir, path);
      if (config.data.lang) lang = config.data.lang;
      apply(config.data.rules);
      for (const override of config.data.overrides ?? []) {
        if (!matches(override.files, rel) || matches(override.excludedFiles, rel)) continue;
        if (override.lang) lang = override.lang;
        apply(override.rules);
      }
      if (matches(config.data.ignores, rel)) ignored = true;
      for (const [kind, tags] of Object.entries(config.data.codebook ?? {})) codebook[kind] = [...(codebook[kind] ?? []), ...tags];
      if (config.data.maxFileSize) maxFileSize = config.data.maxFileSize;
      for (const field of config.data.private ?? []) privateFields.add(field);
      for (const field of config.data.redact ?? []) redactFields.add(field);
    }
    return {
      ruleSet,
      settings: { rules },
      ...(lang ? { lang } : {}),
      ignored,
      codebook,
      configs: chain,
      ...(maxFileSize ? { maxFileSize } : {}),
      privateFields: [...privateFields].sort(),
      redactFields: [...redactFields].sort(),
    };
  }
}
