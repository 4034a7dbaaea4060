import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isPending,
  markEnd,
  markPainted,
  markStart,
  markStartIfIdle,
} from '../../../renderer/src/lib/perf';

const measures = (name: string) => performance.getEntriesByName(name, 'measure');

describe('perf marks', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    performance.clearMeasures();
    performance.clearMarks();
  });

  it('measures synchronous work from the last start, once', () => {
    markStart('test:sync');
    expect(isPending('test:sync')).toBe(true);
    expect(markEnd('test:sync')).toBeGreaterThanOrEqual(0);
    expect(markEnd('test:sync')).toBeNull();
    expect(measures('test:sync')).toHaveLength(1);
  });

  it('ends a painted measure after the next frame and a macrotask', async () => {
    let frame: (() => void) | undefined;
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => (frame = cb));
    markStart('test:paint');
    markPainted('test:paint');
    expect(isPending('test:paint')).toBe(false);
    expect(measures('test:paint')).toHaveLength(0);
    frame!();
    expect(measures('test:paint')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve));
    expect(measures('test:paint')).toHaveLength(1);
  });

  it('keeps an earlier start when asked to start only if idle', () => {
    markStart('test:open');
    const first = performance.getEntriesByName('test:open:start', 'mark')[0]!.startTime;
    markStartIfIdle('test:open');
    expect(performance.getEntriesByName('test:open:start', 'mark')[0]!.startTime).toBe(first);
    markEnd('test:open');
    markStartIfIdle('test:open');
    expect(isPending('test:open')).toBe(true);
    markEnd('test:open');
  });
});
