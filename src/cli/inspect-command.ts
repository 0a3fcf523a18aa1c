/** `interview-lint inspect`: how each file is read (notes: the role and speaker of every line; --guide: sections, questions, probes). */
import { compareCodeUnits } from '../compare.js';
import { ConfigResolver } from '../config/resolve-config.js';
import { parseGuide } from '../document/guide.js';
import { GUIDE_EXTENSIONS, NOTES_EXTENSIONS } from '../input/discover.js';
import { parseInterview } from '../notes/interview.js';
import { lineRoles } from '../notes/line-roles.js';
import { loadNotesRules } from '../notes/load.js';
import { normaliseNewlines } from '../language/normalise.js';
import { buildInspectReport, formatInspectText, inspectGuide, type InspectReport } from '../report/inspect-report.js';
import { defaultRuleSet } from '../rules/load.js';
import type { FileError, Lang } from '../types.js';
import { collectInputs, located } from './inputs.js';
import { writeWhole } from './output.js';
import { checkRunOutputs } from './run-outputs.js';
import { writeLine } from './stdout.js';
import { VERSION } from './version.js';

export interface InspectOptions {
  format: 'text' | 'json';
  guide: boolean;
  output?: string;
  lang: Lang | 'auto';
  config?: string;
  stdinFilename?: string;
  maxFileSize?: number;
  color: boolean;
}

export async function runInspect(paths: string[], options: InspectOptions): Promise<number> {
  const base = defaultRuleSet();
  const errors: FileError[] = [];
  const files: InspectReport['files'] = [];
  const sources = new Map<string, string>();
  let resolver: ConfigResolver | undefined;
  try {
    resolver = new ConfigResolver(base, options.config, writeLine);
  } catch (error) {
    errors.push(located(options.config ?? '.', error));
  }
  const collected = await collectInputs(paths, options.guide ? GUIDE_EXTENSIONS : NOTES_EXTENSIONS, { stdinFilename: options.stdinFilename });
  errors.push(...collected.errors);
  const destination = checkRunOutputs(collected.inputs, options.output, undefined);
  if (resolver) {
    const notesRules = options.guide ? undefined : loadNotesRules();
    for (const input of collected.inputs) {
      try {
        const config = resolver.forFile(input.path);
        const { text } = await input.read(options.maxFileSize ?? config.maxFileSize);
        sources.set(input.path, normaliseNewlines(text));
        if (options.guide) {
          files.push(inspectGuide(parseGuide(input.path, text, config.ruleSet, { lang: options.lang, fallbackLang: config.lang })));
        } else if (notesRules) {
          const interview = parseInterview(input.path, text, notesRules, { lang: options.lang, fallbackLang: config.lang });
          files.push({
            path: input.path,
            lang: interview.lang,
            kind: 'notes',
            formats: interview.formats,
            speakers: interview.speakers.filter((s) => s.role !== 'narrator').map((s) => ({ name: s.name, role: s.role as 'interviewer' | 'interviewee' })),
            lines: lineRoles(interview),
          });
        }
      } catch (error) {
        errors.push(located(input.path, error));
      }
    }
  }
  errors.sort((a, b) => compareCodeUnits(a.path, b.path));
  const report = buildInspectReport(VERSION, files, errors);
  const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatInspectText(report, sources, { color: options.color && !options.output });
  writeWhole(destination, text);
  return errors.length > 0 ? 2 : 0;
}
