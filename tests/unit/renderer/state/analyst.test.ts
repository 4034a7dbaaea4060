// Who is coding, against the real core: asked until named, named once, renamed in place (the id
// stays), and followed when it changes elsewhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Analysts, inkOn } from '../../../../renderer/src/lib/state/analyst.svelte';
import { call } from '../../../../renderer/src/lib/api';
import { eventually, startRealCore, type RealCore } from './real-core';

let core: RealCore;
let stops: Array<() => void>;
beforeEach(async () => {
  core = await startRealCore();
  stops = [];
});
afterEach(async () => {
  stops.forEach((stop) => stop());
  await core.close();
});

describe('Analysts', () => {
  it('asks until someone is named, then knows them by id; a rename keeps the id', async () => {
    const analysts = new Analysts();
    expect(analysts.needsName).toBe(false);
    analysts.start(await call('getStartup', {}));
    expect(analysts.needsName).toBe(true);

    const first = await analysts.save({ name: 'Ləman Əliyeva', initials: 'LƏ', color: '#7aa7f0' });
    expect(analysts.needsName).toBe(false);
    expect(analysts.current).toEqual(first);
    const renamed = await analysts.save({ name: 'Ləman', initials: 'L', color: '#7aa7f0' });
    expect(renamed.id).toBe(first.id);
    expect(analysts.byId.get(first.id)?.name).toBe('Ləman');
  });

  it('follows who is coding when it changes elsewhere', async () => {
    const analysts = new Analysts();
    stops.push(analysts.connect());
    analysts.start(await call('getStartup', {}));
    const named = await core.notebook.handlers.setAnalyst({ name: 'From elsewhere 🤝🏽' });
    await eventually(() => expect(analysts.current?.name).toBe('From elsewhere 🤝🏽'));
    expect(analysts.byId.get(named.id)?.initials).toBe('F🤝');
  });
});

describe('inkOn', () => {
  it('writes dark on the light palette colours and white on dark ones', () => {
    expect(inkOn('#f6c343')).toBe('#1b1b1b');
    expect(inkOn('#1a237e')).toBe('#ffffff');
  });
});
