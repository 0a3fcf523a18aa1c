/** Before a run writes anything: where its report goes, and that neither it nor the cache lands on an input. */
import type { ResultCache } from './cache.js';
import type { Input } from './inputs.js';
import { identities, placeOf, resolveDestination, type Destination } from './output.js';

/** The report's destination (undefined: standard output); throws an OutputError (exit 2) when the report or the cache would replace an input. */
export function checkRunOutputs(inputs: readonly Pick<Input, 'path' | 'stdin'>[], output: string | undefined, cache: ResultCache | undefined): Destination | undefined {
  if (!output && !cache) return undefined;
  const ids = identities(inputs.filter((i) => !i.stdin).map((i) => i.path));
  const destination = output ? resolveDestination(output, 'the report', ids) : undefined;
  cache?.guard(ids, destination ? placeOf(destination) : undefined);
  return destination;
}
