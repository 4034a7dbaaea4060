// The window at its smallest (720x480, Electron's minimum): the reader keeps room to read, the
// library becomes a drawer that takes the keyboard and gives it back.
import { expect, test } from '../hosts/app-host';
import { reader, screenshot } from './support';

test('at 720x480 the reader keeps its width and the library is a drawer', async ({ host }) => {
  const { page } = host;
  await page.setViewportSize({ width: 720, height: 480 });
  const width = async () => (await reader(page).boundingBox())!.width;
  await expect.poll(width).toBeGreaterThanOrEqual(400);
  // No word is broken across lines: each line of the first paragraph ends at a space or its end.
  const broken = await page.evaluate(() => {
    const run = document.querySelector('article p [data-s]')!.firstChild as Text;
    const range = document.createRange();
    let lastTop = -1;
    const breaks: string[] = [];
    for (let i = 0; i < run.length; i++) {
      range.setStart(run, i);
      range.setEnd(run, i + 1);
      const top = range.getBoundingClientRect().top;
      if (lastTop !== -1 && top > lastTop + 1 && !/\s/.test(run.data[i - 1]!)) {
        breaks.push(run.data.slice(Math.max(0, i - 8), i + 8));
      }
      lastTop = top;
    }
    return breaks;
  });
  expect(broken).toEqual([]);
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(720);

  const libraryButton = page.getByRole('button', { name: '☰ Library' });
  const articles = page.getByRole('list', { name: 'Articles' });
  await expect(articles).not.toBeInViewport();
  await libraryButton.click();
  await expect(articles).toBeInViewport();
  await expect(articles.getByRole('button').first()).toBeFocused();
  await screenshot(page, 'narrow-library');
  await page.keyboard.press('Escape');
  await expect(articles).not.toBeInViewport();
  await expect(libraryButton).toBeFocused();

  // Choosing an article closes the drawer.
  await libraryButton.click();
  await articles.getByRole('button').first().click();
  await expect(articles).not.toBeInViewport();

  // Wide again: the library is back in its column.
  await page.setViewportSize({ width: 1400, height: 850 });
  await expect(articles).toBeInViewport();
  await expect(libraryButton).toHaveCount(0);
});
