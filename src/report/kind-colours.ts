/** One colour per kind of extract: the HTML report's chips and bars, the codes of a QDPX project. */
import type { ExtractKind } from '../notes/types.js';

export const KIND_COLOURS: Record<ExtractKind, string> = {
  need: '#2b6cb0',
  problem: '#c53030',
  emotion: '#b7791f',
  context: '#4a5568',
  alternative: '#2f855a',
  criterion: '#6b46c1',
  improvement: '#00838f',
};
