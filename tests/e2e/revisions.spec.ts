// Articles change; annotations follow: edit the text in the app, re-import a newer version, and
// work through the "Needs review" list (accept, re-attach, delete) — all through the UI.
import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../hosts/app-host';
import {
  annotate,
  highlightTexts,
  openTab,
  panelEntries,
  pickFileVia,
  reader,
  screenshot,
  selectByMouse,
} from './support';

const INTACT = 'joint tourist routes';
const DAMAGED = 'industry, agriculture and the food industry';
const NUDGED = 'business forums and business meetings';

async function editText(page: import('@playwright/test').Page, change: (text: string) => string) {
  await page.getByRole('button', { name: 'Edit text' }).click();
  const box = page.getByRole('textbox', { name: 'Article text' });
  await box.fill(change(await box.inputValue()));
  await page.getByRole('button', { name: 'Save as new revision' }).click();
  await expect(box).toBeHidden();
}

const reviewItems = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Needs review' }).getByRole('listitem');

test('edit the text: intact passages stay put, damaged ones wait for review', async ({ host }) => {
  const { page } = host;
  await annotate(page, INTACT, ['tourism']);
  await annotate(page, DAMAGED, ['economy'], 'Sectors, **named**');
  await annotate(page, NUDGED, ['events'], 'How many events?');

  // From the save on, the reader must never draw the old text again (it waits for the new one).
  // Judged only once the editor has been open: before that, any change to the page (a toast
  // going, a highlight painted) would find the old text drawn, as it rightly still is.
  await page.evaluate(() => {
    const seen = { oldText: false };
    let editorWasOpen = false;
    (window as unknown as { readerSawOldText: typeof seen }).readerSawOldText = seen;
    new MutationObserver(() => {
      const editorOpen = document.querySelector('#article-text') !== null;
      editorWasOpen ||= editorOpen;
      const article = document.querySelector('[role="article"], article');
      if (editorWasOpen && !editorOpen && article?.textContent?.includes('the food industry'))
        seen.oldText = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await editText(page, (text) =>
    text
      .replace('\n\n"Over the past', '\n\nA paragraph the analyst added.\n\n"Over the past')
      .replace('the food industry', 'the fishing sector')
      .replace(NUDGED, 'business forums, and business meetings'),
  );
  await expect(
    page.getByText(/Revision 2 saved: 1 annotation in place, 2 need review/),
  ).toBeVisible();
  await expect(page.getByText('Revision 2 of 2')).toBeVisible();
  await expect(reader(page)).toContainText('A paragraph the analyst added.');
  expect(
    await page.evaluate(
      () => (window as unknown as { readerSawOldText: { oldText: boolean } }).readerSawOldText,
    ),
  ).toEqual({ oldText: false });
  await expect(page.getByRole('tab', { name: 'Review (2)' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(reviewItems(page)).toHaveCount(2);
  // The count is there to be read: no tab label is cut short, in this window or a small one.
  await expectTabsWhole(page);
  const size = page.viewportSize();
  if (host.kind === 'browser' && size) {
    await page.setViewportSize({ width: 800, height: 700 });
    await expectTabsWhole(page);
    await page.setViewportSize(size);
  }
  // Each card says which annotation it is: its tags and its comment (formatted).
  const damagedCard = reviewItems(page).filter({ hasText: DAMAGED });
  await expect(damagedCard.getByLabel('Tags')).toHaveText('economy');
  await expect(damagedCard).toContainText('Sectors, named');
  await expect(damagedCard.locator('strong')).toHaveText('named');
  const nudgedCard = reviewItems(page).filter({ hasText: NUDGED });
  await expect(nudgedCard.getByLabel('Tags')).toHaveText('events');
  await expect(nudgedCard).toContainText('How many events?');
  if (host.kind === 'browser') await screenshot(page, 'review');

  // The intact passage is still highlighted exactly.
  const texts = Object.entries(await highlightTexts(page))
    .filter(([name]) => name.startsWith('nb-tag-'))
    .flatMap(([, t]) => t);
  expect(texts).toContain(INTACT);

  // Accept the proposed place of the nudged passage.
  const nudged = reviewItems(page).filter({ hasText: NUDGED });
  await expect(nudged).toContainText('business forums, and business meetings');
  await nudged.getByRole('button', { name: 'Accept' }).click();
  await expect(reviewItems(page)).toHaveCount(1);

  // Re-attach the damaged one to the passage as it reads now.
  await selectByMouse(page, 'industry, agriculture and the fishing sector');
  await reviewItems(page).first().getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(reviewItems(page)).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Review', exact: true })).toBeVisible();

  await openTab(page, 'Annotations');
  await expect(panelEntries(page)).toHaveCount(3);
  await expect(panelEntries(page).filter({ hasText: 'the fishing sector' })).toHaveCount(1);

  // Everything survives a restart.
  await host.restart();
  await expect(host.page.getByText('Revision 2 of 2')).toBeVisible();
  await expect(panelEntries(host.page)).toHaveCount(3);
});

test('re-import a newer version over the article; delete an orphan from review', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  await annotate(page, INTACT, ['tourism']);
  await annotate(page, 'Vestnik Kavkaza', ['media']);
  await page.getByRole('button', { name: 'Edit text' }).click();
  const original = await page.getByRole('textbox', { name: 'Article text' }).inputValue();
  await page.getByRole('button', { name: 'Cancel' }).click();

  const newer = join(dataDir, 'azpromo-newer.txt');
  await writeFile(
    newer,
    `${original.replace(/the correspondent of Vestnik Kavkaza cited him as saying/, 'he said')}\n\nA closing paragraph from the newer version.`,
  );
  await pickFileVia(page, 'Re-import newer version…', newer);
  await expect(page.getByText(/Revision 2 saved/)).toBeVisible();
  await expect(reader(page)).toContainText('A closing paragraph from the newer version.');
  await expect(reviewItems(page)).toHaveCount(1);
  await expect(reviewItems(page).first()).toContainText('Not found');
  await reviewItems(page).first().getByRole('button', { name: 'Delete' }).click();
  await expect(reviewItems(page)).toHaveCount(0);
  await openTab(page, 'Annotations');
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(panelEntries(page).first()).toContainText(INTACT);
});

test('a passage whose own words changed a little comes back found approximately', async ({
  host,
}) => {
  const { page } = host;
  const passage =
    'more than 40 events, business forums and business meetings have been held. We are discussing those sectors';
  await annotate(page, passage, ['events'], 'How many?');
  await editText(page, (text) => text.replace('40 events', 'forty events'));
  await expect(
    page.getByText(/Revision 2 saved: 0 annotations in place, 1 needs review/),
  ).toBeVisible();
  const card = reviewItems(page).first();
  await expect(card).toContainText('Found approximately');
  await expect(card).toContainText(passage.replace('40 events', 'forty events'));
  await expect(card.getByLabel('Tags')).toHaveText('events');
  await card.getByRole('button', { name: 'Accept' }).click();
  await expect(reviewItems(page)).toHaveCount(0);
  const texts = Object.entries(await highlightTexts(page))
    .filter(([name]) => name.startsWith('nb-tag-'))
    .flatMap(([, t]) => t);
  expect(texts).toEqual([passage.replace('40 events', 'forty events')]);
});

/** Every side-panel tab shows its whole label (with its count), none cut off with an ellipsis. */
async function expectTabsWhole(page: Page) {
  const tabs = page.getByRole('tablist', { name: 'Panel' }).getByRole('tab');
  await expect(tabs).toHaveCount(5);
  await expect(tabs.filter({ hasText: 'Review' })).toHaveText('Review2');
  for (const tab of await tabs.all()) {
    await expect(tab).toBeInViewport({ ratio: 1 });
    const { shown, needed } = await tab.evaluate((el) => ({
      shown: el.clientWidth,
      needed: el.scrollWidth,
    }));
    expect(needed, await tab.innerText()).toBeLessThanOrEqual(shown);
  }
}
