// Recovery, as the analyst meets it: real files changed in the notebook folder while the app is
// closed (a sync tool's conflicted copy, an article record lost, a text gone from bodies/), then
// the window at the next start: the notices, bringing the copy in, the recovered annotations'
// article, and what the reader says of an article whose text is missing.
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../hosts/app-host';
import { annotate, openTab, panelEntries, reader, screenshot } from './support';

const COPY = "notebook (Ann's conflicted copy 2026-01-02).json";

const articles = (page: Page) => page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
const articleButton = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: new RegExp(`^${title}`) });

const codebookRow = (page: Page, tag: string) =>
  page
    .getByRole('list', { name: 'Codebook' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('textbox', { name: `Name of tag ${tag}`, exact: true }) });

interface SavedArticle {
  id: string;
  title: string;
  revisions: { bodyHash: string }[];
}
interface SavedNotebook {
  articles: SavedArticle[];
  annotations: { articleId: string }[];
}

const readNotebook = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8')) as SavedNotebook;
const bodyOf = (notebook: SavedNotebook, title: string) =>
  notebook.articles.find((a) => a.title === title)!.revisions[0]!.bodyHash;

async function paste(page: Page, text: string) {
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text as an article' });
  await dialog.getByRole('textbox', { name: 'Text', exact: true }).fill(text);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(reader(page)).toContainText(text.split('\n')[0]!);
}

async function deleteArticle(page: Page, title: string) {
  await page.getByRole('button', { name: `Delete article ${title}` }).click();
  await page
    .getByRole('dialog', { name: 'Delete this article?' })
    .getByRole('button', { name: 'Delete article' })
    .click();
  await expect(articleButton(page, title)).toHaveCount(0);
}

/** The window at 1280×800 and at 720 px wide (the narrowest Electron allows), for a person. */
async function look(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, `recovery-${name}-1280`);
  await page.setViewportSize({ width: 720, height: 800 });
  await screenshot(page, `recovery-${name}-720`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const HARBOUR = 'Harbour notes\n\nThe ferry from Aktau reached Baku at dawn with grain and timber.';
const DIARY = 'Port diary\n\nCranes stood idle on the quay all week.';

test('a conflicted copy: the notice says what it holds, Bring in adds it and says what was left out', async ({
  host,
  dataDir,
}, testInfo) => {
  const { page } = host;
  await paste(page, HARBOUR);
  await annotate(page, 'grain and timber', ['shipping'], 'Cargo mix');
  await annotate(page, 'ferry from Aktau', ['shipping']);
  await paste(page, DIARY);
  await annotate(page, 'Cranes stood idle', ['labour']);

  // The other computer's notebook, with both articles: kept aside as it was saved.
  const saved = testInfo.outputPath('other-computer');
  await host.restart(async () => {
    await mkdir(join(saved, 'bodies'), { recursive: true });
    await copyFile(join(dataDir, 'notebook.json'), join(saved, 'notebook.json'));
    for (const name of await readdir(join(dataDir, 'bodies'))) {
      await copyFile(join(dataDir, 'bodies', name), join(saved, 'bodies', name));
    }
  });
  // This computer meanwhile: both articles deleted, and the tag only one of them used.
  await deleteArticle(page, 'Harbour notes');
  await deleteArticle(page, 'Port diary');
  await openTab(page, 'Codebook');
  await codebookRow(page, 'shipping').getByRole('button', { name: 'Delete…' }).click();
  await page
    .getByRole('dialog', { name: 'Delete tag “shipping”' })
    .getByRole('button', { name: 'Delete tag' })
    .click();
  await openTab(page, 'Annotations');

  // The sync tool brings the other computer's file back beside ours, and Harbour's text with it;
  // Port diary's text has not arrived yet.
  const other = JSON.parse(await readFile(join(saved, 'notebook.json'), 'utf8')) as SavedNotebook;
  await host.restart(async () => {
    await copyFile(join(saved, 'notebook.json'), join(dataDir, COPY));
    const harbour = `${bodyOf(other, 'Harbour notes')}.json`;
    await copyFile(join(saved, 'bodies', harbour), join(dataDir, 'bodies', harbour));
    await rm(join(dataDir, 'bodies', `${bodyOf(other, 'Port diary')}.json`), { force: true });
  });

  const notice = page.getByRole('alert').filter({ hasText: 'conflicted copy' });
  await expect(notice).toContainText(`“${COPY}”`);
  await expect(notice).toContainText(
    'holds 2 articles, 3 annotations and 1 tag that this notebook lacks; you can bring them in.',
  );
  await look(page, 'conflicted-notice');

  // By keyboard: the notice's button, then the dialog's.
  const bringIn = notice.getByRole('button', { name: `Bring in “${COPY}”…` });
  await bringIn.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Conflicted copy' });
  await expect(dialog).toContainText(
    'It holds 2 articles, 3 annotations and 1 tag that this notebook lacks.',
  );
  await expect(dialog).toContainText('Dropbox left this copy of your notebook file');
  // The keyboard lands on the button that changes nothing.
  await expect(dialog.getByRole('button', { name: 'Not now' })).toBeFocused();
  await look(page, 'conflicted-dialog');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Bring in', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  const report = dialog.getByRole('status');
  await expect(report).toContainText('Brought in 1 article, 2 annotations and 1 tag.');
  await expect(report).toContainText('1 article and 1 annotation were left out:');
  const reasons = report
    .getByRole('list', { name: 'Why they were left out' })
    .getByRole('listitem');
  await expect(reasons).toHaveText([
    /^“Port diary” was left out: its text \(bodies\/[0-9a-f]{64}\.json\) is not in this folder/,
    '1 annotation was left out because its article is not in this notebook.',
  ]);
  await expect(report).toContainText(`The copy is kept, renamed “${COPY}.merged-`);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // The library heard of it without a reload.
  await expect(articleButton(page, 'Harbour notes')).toBeVisible();
  await look(page, 'conflicted-report');

  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(notice).toHaveCount(0);
  const files = await readdir(dataDir);
  expect(files).not.toContain(COPY);
  expect(files.filter((f) => f.startsWith(`${COPY}.merged-`))).toHaveLength(1);

  await articleButton(page, 'Harbour notes').click();
  await expect(reader(page)).toContainText('reached Baku at dawn');
  await expect(panelEntries(page)).toHaveCount(2);
  await expect(panelEntries(page).filter({ hasText: 'grain and timber' })).toContainText(
    'Cargo mix',
  );
  await openTab(page, 'Codebook');
  await expect(codebookRow(page, 'shipping').getByTitle('Annotations with this tag')).toHaveText(
    '2',
  );

  // Settled: the next start has nothing more to offer.
  await host.restart();
  await expect(page.getByRole('alert').filter({ hasText: 'conflicted copy' })).toHaveCount(0);
  await expect(articleButton(page, 'Harbour notes')).toBeVisible();
});

test('a conflicted copy that can’t be read says why, with no button; a refusal is shown in words', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  const other = 'notebook.sync-conflict-20260102-101010-ABCDEFG.json';
  await host.restart(async () => {
    await writeFile(join(dataDir, COPY), '{"version": 2, "articles": [');
    await copyFile(join(dataDir, 'notebook.json'), join(dataDir, other));
  });
  const damaged = page.getByRole('alert').filter({ hasText: COPY });
  await expect(damaged).toContainText('It can’t be brought in: It is not a readable notebook');
  await expect(damaged.getByRole('button', { name: /Bring in/ })).toHaveCount(0);

  // The readable copy goes away behind the window's back (the sync tool moved it): the dialog says
  // so instead of failing silently, and so does Bring in once it is asked.
  const readable = page.getByRole('alert').filter({ hasText: other });
  await expect(readable).toContainText('holds nothing that this notebook lacks.');
  await readable.getByRole('button', { name: `Bring in “${other}”…` }).click();
  const dialog = page.getByRole('dialog', { name: 'Conflicted copy' });
  await expect(dialog).toContainText('It holds nothing that this notebook lacks.');
  await rm(join(dataDir, other));
  await dialog.getByRole('button', { name: 'Bring in', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    `There is no conflicted copy named “${other}” beside the notebook`,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('annotations whose article was lost are gathered where they can be read, counted and deleted', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  await paste(page, 'Grain report\n\nWheat left Aktau for Baku on Tuesday, with barley.');
  // Saved into notebook.json at the restart; the annotations go to a journal after it.
  await host.restart();
  await articleButton(page, 'Grain report').click();
  await annotate(page, 'Wheat left Aktau', ['ports'], 'Which quay?');
  await annotate(page, 'on Tuesday', ['dates']);
  await annotate(page, 'with barley', ['ports', 'cargo']);

  // The disk loses every copy of notebook.json, and the journal with the import is gone too (when
  // it is still there: compaction may have removed it already); the annotations' journal is left.
  await host.restart(async () => {
    for (const name of await readdir(dataDir)) {
      const file = join(dataDir, name);
      if (/^notebook\..*json(\.bak)?$/.test(name)) await writeFile(file, 'damaged');
      if (/^journal-\d+\.jsonl$/.test(name)) {
        const journal = await readFile(file, 'utf8');
        if (journal.includes('"collection":"articles"')) await rm(file);
        else expect(journal).toContain('"collection":"annotations"');
      }
    }
  });

  await expect(
    page.getByRole('alert').filter({ hasText: 'in the article “Recovered annotations”' }),
  ).toContainText(
    '3 annotations were on articles that could not be recovered; they are gathered, with their tags and comments, in the article “Recovered annotations”.',
  );
  await expect(articleButton(page, 'Grain report')).toHaveCount(0);
  const recovered = articleButton(page, 'Recovered annotations');
  await expect(recovered).toBeVisible();
  await recovered.click();
  await expect(page.getByRole('note')).toContainText(
    'To keep one, copy its passage into another article and tag it there',
  );
  await expect(page.getByRole('button', { name: 'Re-import newer version…' })).toHaveCount(0);
  for (const passage of ['Wheat left Aktau', 'on Tuesday', 'with barley']) {
    await expect(reader(page)).toContainText(passage);
  }
  await expect(panelEntries(page)).toHaveCount(3);
  await expect(panelEntries(page).first()).toContainText('Which quay?');
  await look(page, 'recovered');

  // Each tag counts what is shown: the panel filtered by it has as many entries.
  const counts = { ports: 2, dates: 1, cargo: 1 };
  for (const [tag, n] of Object.entries(counts)) {
    await page.getByLabel('Filter by tag').selectOption({ label: tag });
    await expect(panelEntries(page)).toHaveCount(n);
  }
  await page.getByLabel('Filter by tag').selectOption({ label: 'All tags' });
  await openTab(page, 'Codebook');
  for (const [tag, n] of Object.entries(counts)) {
    await expect(codebookRow(page, tag).getByTitle('Annotations with this tag')).toHaveText(
      String(n),
    );
  }
  await openTab(page, 'Annotations');

  // Delete one there, as the note says.
  await panelEntries(page).filter({ hasText: 'on Tuesday' }).getByRole('button').click();
  const editor = page.getByRole('region', { name: 'Edit annotation' });
  await editor.getByRole('button', { name: 'Delete' }).click();
  await expect(panelEntries(page)).toHaveCount(2);
  await expect(articles(page).filter({ hasText: 'Recovered annotations' })).toContainText(
    '2 annotations',
  );

  await host.restart();
  await expect(
    page.getByRole('alert').filter({ hasText: 'in the article “Recovered annotations”' }),
  ).toHaveCount(0);
  await articleButton(page, 'Recovered annotations').click();
  await expect(panelEntries(page)).toHaveCount(2);
});

test('an article whose text is missing says to import the original again, and that repairs it', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  const DAMAGED = 'Customs log\n\nThe customs post at Samur closed early on Friday.';
  await paste(page, DAMAGED);
  await annotate(page, 'closed early', ['borders']);
  await paste(page, 'Later notes\n\nNothing happened at the border today.');

  await host.restart(async () => {
    const hash = bodyOf(await readNotebook(dataDir), 'Customs log');
    await rm(join(dataDir, 'bodies', `${hash}.json`));
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Customs log' })).toContainText(
    'The text of revision 1 of “Customs log” is missing from the notebook folder. To repair it, import the original file again',
  );
  await expect(reader(page)).toContainText('Nothing happened at the border');

  await articleButton(page, 'Customs log').click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: '“Customs log” can’t be opened' })).toBeVisible();
  await expect(main.getByRole('alert')).toHaveText(
    'The text of this article revision is missing from the notebook folder. Import the original file again to repair it; the rest of the notebook is unaffected.',
  );
  // Not the article that was open before, under this one's name.
  await expect(reader(page)).toHaveCount(0);
  await expect(page.getByRole('tabpanel')).toContainText('This article’s annotations are kept');
  await look(page, 'unreadable');

  // Pasting the same text again puts it back, with its annotation.
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text as an article' });
  await dialog.getByRole('textbox', { name: 'Text', exact: true }).fill(DAMAGED);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(reader(page)).toContainText('The customs post at Samur');
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(articles(page).filter({ hasText: 'Customs log' })).toHaveCount(1);
});
