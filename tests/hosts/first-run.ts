// A fresh data folder asks who is coding before anything else. Specs about other things answer
// it as an analyst would (a name, Enter) and start from the window as it then is; the first-run
// question itself is tests/e2e/analyst.spec.ts's.
import type { Page } from '@playwright/test';

export const TEST_ANALYST = 'Test Analyst';

/** 'leave': the spec answers (or checks) the question itself, also after a restart. */
export interface FirstRunOption {
  firstRun?: 'answer' | 'leave';
}

export const firstRunDialog = (page: Page) => page.getByRole('dialog', { name: 'Who is coding?' });

/**
 * Answers the first-run question when it is up. Call once the article shows: the question is
 * rendered with it, so it is visible by then or not asked at all.
 */
export async function answerFirstRun(page: Page, name = TEST_ANALYST) {
  const dialog = firstRunDialog(page);
  if (!(await dialog.isVisible())) return;
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Name').press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}
