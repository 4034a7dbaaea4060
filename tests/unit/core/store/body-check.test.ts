// The start-up check of body files, on its own thread: each file read and hashed there, its
// verdict trusted by findUnreadableTexts, and any body it couldn't answer for checked again.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBodiesOnDisk, findUnreadableTexts } from '../../../../electron/core/store/body-check';
import { BodyStore } from '../../../../electron/core/store/bodies';
import { stateFromData, emptyNotebook } from '../../../../electron/core/store/notebook-data';
import { article, body, makeTempDir } from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let bodies: BodyStore;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  bodies = new BodyStore(path.join(dir, 'bodies'), dir);
});
afterEach(() => cleanup());

describe('checkBodiesOnDisk', () => {
  it('answers for every body file: whole ones ok, changed ones damaged, other files ignored', async () => {
    const whole = await bodies.put(body('b1', 'Aktau handles grain. Qız göz 🚀'));
    const changed = await bodies.put(body('b2', 'Baku handles oil.'));
    // Same length, one byte different: only the hash can tell.
    const file = path.join(dir, 'bodies', `${changed}.json`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Baku', 'Bakx'));
    await writeFile(path.join(dir, 'bodies', 'notes.txt'), 'not a body');

    const checks = await checkBodiesOnDisk(bodies);
    expect(Object.fromEntries(checks)).toEqual({ [whole]: 'ok', [changed]: 'damaged' });
  });

  it('answers nothing, never fails, for a folder with no bodies yet', async () => {
    expect((await checkBodiesOnDisk(bodies)).size).toBe(0);
    await mkdir(path.join(dir, 'bodies'));
    expect((await checkBodiesOnDisk(bodies)).size).toBe(0);
  });
});

describe('findUnreadableTexts', () => {
  it('takes the thread’s verdicts, and checks a body it has none for (a missing file)', async () => {
    const kept = await bodies.put(body('b3', 'Kept.'));
    const gone = 'f'.repeat(64);
    const state = stateFromData({
      ...emptyNotebook(),
      articles: [
        {
          ...article('a1'),
          title: 'Kept',
          revisions: [{ ...article('a1').revisions[0]!, bodyHash: kept }],
        },
        {
          ...article('a2'),
          title: 'Gone',
          revisions: [{ ...article('a2').revisions[0]!, bodyHash: gone }],
        },
      ],
    });
    const checked = await checkBodiesOnDisk(bodies);
    expect(checked.has(gone)).toBe(false);
    expect(await findUnreadableTexts(state, bodies, new Set(), checked)).toEqual([
      { articleId: 'a2', title: 'Gone', revision: 1, problem: 'missing' },
    ]);
    // A verdict from the thread is taken as it is: here it says the kept body is damaged.
    const claimed = new Map([[kept, 'damaged' as const]]);
    expect(await findUnreadableTexts(state, bodies, new Set([gone]), claimed)).toEqual([
      { articleId: 'a1', title: 'Kept', revision: 1, problem: 'damaged' },
    ]);
  });
});
