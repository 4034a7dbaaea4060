// An article's details (title, authors, date, source) are the analyst's to set; they reach the
// library, the article bar and the exports, and an edited headline reaches the library too.
import * as yaml from 'js-yaml';
import { expect, test } from '../hosts/app-host';
import { SAMPLE_TITLE, annotate, exportVia, openTab, reader } from './support';

const library = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Articles' }).getByRole('listitem');

test('edit the details: the library, the bar and the export carry them', async ({ host }) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Article details' });
  await expect(dialog.getByLabel('Title')).toHaveValue(SAMPLE_TITLE);
  await dialog.getByLabel('Title').fill('Ties between business circles');
  await dialog.getByLabel(/Authors/).fill('Leyla Əliyeva\nRauf Məmmədov\n');
  await dialog.getByLabel(/Published/).fill('2020-10-28');
  await dialog.getByLabel(/Source/).fill('https://vestnikkavkaza.net/news/ties?id=1');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  await expect(library(page).first()).toContainText('Ties between business circles');
  await expect(library(page).first()).toContainText('Leyla Əliyeva and Rauf Məmmədov · 2020-10-28');
  await expect(page.getByRole('main')).toContainText(
    'Leyla Əliyeva and Rauf Məmmədov · 2020-10-28',
  );

  await annotate(page, 'business forums', ['events']);
  const md = await host.captureExport((p) => exportVia(p, { format: /^Markdown notes/ }));
  const front = yaml.load(md.content.split('\n---\n')[0]!.slice(4)) as Record<string, unknown>;
  expect(front).toMatchObject({
    title: 'Ties between business circles',
    author: ['Leyla Əliyeva', 'Rauf Məmmədov'],
    date: '2020-10-28',
    url: 'https://vestnikkavkaza.net/news/ties?id=1',
  });

  await host.restart();
  await expect(library(page).first()).toContainText('Ties between business circles');
  await page.getByRole('button', { name: 'Details…' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Article details' }).getByLabel(/Authors/),
  ).toHaveValue('Leyla Əliyeva\nRauf Məmmədov');
});

test('a title cannot be emptied; nothing changes', async ({ host }) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Article details' });
  await dialog.getByLabel('Title').fill('   ');
  await dialog.getByLabel(/Source/).fill('changed');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByRole('alert')).toContainText('An article needs a title.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(library(page).first()).toContainText(SAMPLE_TITLE);
  await expect(library(page).first()).toContainText('azpromo-russia-azerbaijan.txt');
});

test('an edited headline reaches the library; a title the analyst chose stays', async ({
  host,
}) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Edit text' }).click();
  const box = page.getByRole('textbox', { name: 'Article text' });
  await box.fill((await box.inputValue()).replace('we increase ties', 'we strengthen ties'));
  await page.getByRole('button', { name: 'Save as new revision' }).click();
  const edited = SAMPLE_TITLE.replace('we increase ties', 'we strengthen ties');
  await expect(reader(page).getByRole('heading', { name: edited })).toBeVisible();
  await expect(library(page).first()).toContainText(edited);

  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Article details' });
  await dialog.getByLabel('Title').fill('My own title');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await page.getByRole('button', { name: 'Edit text' }).click();
  await box.fill((await box.inputValue()).replace('we strengthen ties', 'we deepen ties'));
  await page.getByRole('button', { name: 'Save as new revision' }).click();
  await expect(reader(page).getByRole('heading', { name: /we deepen ties/ })).toBeVisible();
  await expect(library(page).first()).toContainText('My own title');
});

test('counts read as words: one annotation, no annotation', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'business forums', ['events']);
  await expect(library(page).first()).toContainText('1 annotation');
  await expect(library(page).first()).not.toContainText('1 annotations');
  await openTab(page, 'Codebook');
  await page.getByLabel('New tag name').fill('unused');
  await page.getByRole('button', { name: 'Add tag' }).click();
  const tagRow = (name: string) =>
    page
      .getByRole('list', { name: 'Codebook' })
      .getByRole('listitem')
      .filter({
        has: page.getByLabel(`Name of tag ${name}`),
      });
  await tagRow('events').getByRole('button', { name: 'Delete…' }).click();
  const ask = page.getByRole('dialog', { name: /Delete tag/ });
  await expect(ask).toContainText('1 annotation has this tag. What should happen to it?');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await tagRow('unused').getByRole('button', { name: 'Delete…' }).click();
  await expect(ask).toContainText('No annotation has this tag.');
  await expect(ask.getByRole('radio')).toHaveCount(0);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await tagRow('events').getByRole('button', { name: 'Merge…' }).click();
  await expect(page.getByRole('dialog', { name: /Merge/ })).toContainText(
    'Its one annotation gets the other tag',
  );
});
