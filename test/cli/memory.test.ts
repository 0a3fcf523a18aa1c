import { describe, expect, it } from 'vitest';
import { collectGarbage, MemoryKeeper } from '../../src/cli/memory.js';

describe('memory keeper', () => {
  it('can run a full garbage collection on this runtime', () => {
    expect(collectGarbage()).toBe(true);
    expect('gc' in globalThis).toBe(false); // nothing leaks into the program's own global scope
  });

  it('collects once per given amount of output', () => {
    const keeper = new MemoryKeeper(1000);
    for (let i = 0; i < 25; i++) keeper.processed(100);
    expect(keeper.collections).toBe(2);
  });
});
