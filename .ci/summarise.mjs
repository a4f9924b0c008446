// Totals every suite's results into one closing line: "N passed, N failed, N skipped".
// Exits non-zero when anything failed or a suite produced no results at all.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const suites = [];

const trxDir = join(dir, 'dotnet');
const trxFiles = existsSync(trxDir) ? readdirSync(trxDir).filter((f) => f.endsWith('.trx')) : [];
for (const file of trxFiles) {
  const xml = readFileSync(join(trxDir, file), 'utf8');
  const counters = xml.match(/<Counters [^>]*>/)?.[0] ?? '';
  const n = (name) => Number(counters.match(new RegExp(`${name}="(\\d+)"`))?.[1] ?? 0);
  const assembly = xml.match(/storage="[^"]*?([^/\\"]+)\.dll"/i)?.[1] ?? file;
  // VSTest counts skipped tests in neither `passed` nor `notExecuted`: they are the total not executed.
  const skipped = Math.max(n('notExecuted'), n('total') - n('executed'));
  suites.push({ name: assembly, passed: n('passed'), failed: n('failed') + n('error') + n('timeout') + n('aborted'), skipped });
}
if (trxFiles.length === 0) suites.push({ name: '.NET tests', passed: 0, failed: 1, skipped: 0, missing: true });

const vitest = join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  suites.push({ name: 'client unit tests', passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests });
} else suites.push({ name: 'client unit tests', passed: 0, failed: 1, skipped: 0, missing: true });

const e2e = join(dir, 'e2e.json');
if (existsSync(e2e)) {
  const r = JSON.parse(readFileSync(e2e, 'utf8'));
  const errors = (r.errors ?? []).length;
  suites.push({ name: 'end-to-end', passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + errors, skipped: r.stats.skipped });
} else suites.push({ name: 'end-to-end', passed: 0, failed: 1, skipped: 0, missing: true });

const checksDir = join(dir, 'checks');
for (const name of existsSync(checksDir) ? readdirSync(checksDir) : []) {
  const ok = readFileSync(join(checksDir, name), 'utf8').trim() === 'pass';
  suites.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}

console.log('\nSuite results:');
for (const s of suites) {
  console.log(`  ${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.missing ? ' (no results produced)' : ''}`);
}
const total = (k) => suites.reduce((sum, s) => sum + s[k], 0);
console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(total('failed') > 0 ? 1 : 0);
