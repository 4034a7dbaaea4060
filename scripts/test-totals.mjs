// Prints one line with the totals of every suite (Vitest and Playwright JSON reports), the line
// CI reads: "N passed, N failed, N skipped". A suite that did not report counts as a failure.
import { readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
let missing = [];

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    missing.push(path);
    return undefined;
  }
}

const vitest = read('reports/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += vitest.numFailedTests ?? 0;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}

const playwright = read('reports/playwright.json');
if (playwright?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = playwright.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
}

if (missing.length)
  console.log(`missing test reports (a suite did not run): ${missing.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || missing.length ? 1 : 0);
