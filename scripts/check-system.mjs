#!/usr/bin/env node
/**
 * Run first by `npm test`: the system tools the tests use besides Node. Chromium drives the browser tests, xmllint
 * cross-checks the iJw files, pdftotext/pdftoppm/pdfinfo read the quarterly-report PDFs. When one is missing, on
 * Debian as root it installs the missing packages; anywhere else it prints the exact command and exits 1, so the
 * suite stops before a test fails for a reason that is not in the code.
 *
 * CHROMIUM_PATH names the browser where it is not Debian's /usr/bin/chromium, as in e2e/harness.ts. ZL_CHECK_PATH
 * replaces PATH for the lookup and never installs: to see the message on a machine that has everything.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const searchPath = process.env.ZL_CHECK_PATH ?? process.env.PATH ?? '';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Each tool with the Debian package that brings it. */
const tools = [
  { name: 'chromium', path: chromium, pkg: 'chromium', use: 'browser tests (e2e/)' },
  { name: 'xmllint', pkg: 'libxml2-utils', use: 'iJw files against their XSD' },
  { name: 'pdftotext', pkg: 'poppler-utils', use: 'text of the quarterly-report PDF' },
  { name: 'pdftoppm', pkg: 'poppler-utils', use: 'pictures of the report pages' },
  { name: 'pdfinfo', pkg: 'poppler-utils', use: 'page count of the report' },
];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const found = (tool) =>
  tool.path
    ? executable(tool.path)
    : searchPath.split(delimiter).some((dir) => dir && executable(join(dir, tool.name)));

function missingTools() {
  return tools.filter((t) => !found(t));
}

const isDebian = () =>
  existsSync('/etc/debian_version') && /^ID=debian$/m.test(readFileSync('/etc/os-release', 'utf8'));
const isRoot = () => process.getuid?.() === 0;

let missing = missingTools();
if (missing.length === 0) process.exit(0);

const packages = [...new Set(missing.map((t) => t.pkg))];
const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
const list = missing.map((t) => `  ${t.name} (${t.use})`).join('\n');

if (isDebian() && isRoot() && !process.env.ZL_CHECK_PATH) {
  console.log(`npm test: missing system tools:\n${list}\ninstalling: ${command}`);
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', ...lockWait],
    ['install', '-y', '--no-install-recommends', ...lockWait, ...packages],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      console.error(`npm test: apt-get ${args[0]} failed (exit ${run.status ?? run.error?.message}).`);
      process.exit(1);
    }
  }
  missing = missingTools();
  if (missing.length === 0) process.exit(0);
  console.error(`npm test: still missing after apt-get: ${missing.map((t) => t.name).join(', ')}`);
  process.exit(1);
}

console.error(`npm test: missing system tools the tests need:
${list}
Install them (Debian, as root):
  ${command}${missing.some((t) => t.name === 'chromium') ? '\nElsewhere, point CHROMIUM_PATH at a Chromium or Chrome executable.' : ''}`);
process.exit(1);
