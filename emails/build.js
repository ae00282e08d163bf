#!/usr/bin/env node
// Compiles every templates/*.mjml to dist/<name>.html with strict MJML validation.
//   node build.js           write dist/
//   node build.js --check   compile in memory; exit 1 listing stale, missing or orphaned outputs
'use strict';

const fs = require('node:fs');
const path = require('node:path');

let mjml2html;
try {
  mjml2html = require('mjml');
} catch {
  console.error('emails: the mjml compiler is not installed. Run `npm ci --prefix emails` from the repository root.');
  process.exit(2);
}

const root = __dirname;
const templatesDir = path.join(root, 'templates');
const distDir = path.join(root, 'dist');
const check = process.argv.includes('--check');

// Line endings are normalised so a checkout with CRLF does not look stale.
const normalise = (text) => text.replace(/\r\n/g, '\n');

async function compile(file) {
  const filePath = path.join(templatesDir, file);
  const source = fs.readFileSync(filePath, 'utf8');
  const result = await mjml2html(source, {
    validationLevel: 'strict',
    filePath,
    keepComments: false,
    // mjml 5 ignores mj-include unless told otherwise; partials may come only from this folder.
    ignoreIncludes: false,
    includePath: [path.join(root, 'partials')],
  });
  if (result.errors && result.errors.length > 0) {
    const details = result.errors.map((e) => `  ${file}:${e.line} ${e.formattedMessage || e.message}`).join('\n');
    throw new Error(`MJML validation failed:\n${details}`);
  }
  return compact(normalise(result.html)).trimEnd() + '\n';
}

// Indentation is dropped: between tags it is not rendered, and inside text a line break still separates the words
// (no template uses <pre> or white-space: pre). A fifth of every email's bytes, to render, encode, send and store,
// and further from the 102 KB at which Gmail clips a message.
const compact = (html) => html.split('\n').map((line) => line.replace(/^[ \t]+/, '')).filter((line) => line !== '').join('\n');

// Fixed texts are `{{t 'key'}}` placeholders resolved from locales/<locale>.json (nested keys joined by dots).
const textKey = /\{\{\s*t\s+'([A-Za-z0-9_.-]+)'(?:\s+upper=true)?\s*\}\}/g;

function flatten(table, prefix = '', into = {}) {
  for (const [key, value] of Object.entries(table)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, name, into);
    else into[name] = value;
  }
  return into;
}

function localeProblems(sources) {
  const localesDir = path.join(root, 'locales');
  const files = fs.existsSync(localesDir) ? fs.readdirSync(localesDir).filter((f) => f.endsWith('.json')).sort() : [];
  if (!files.includes('en-US.json')) return ['no locales/en-US.json'];
  const used = new Set();
  const texts = [
    ...sources.map((f) => path.join(templatesDir, f)),
    ...fs.readdirSync(templatesDir).filter((f) => f.endsWith('.txt.hbs')).map((f) => path.join(templatesDir, f)),
    ...fs.readdirSync(path.join(root, 'partials')).map((f) => path.join(root, 'partials', f)),
    path.join(root, 'subjects.json'),
  ];
  for (const file of texts) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(textKey)) used.add(match[1]);
  }
  const problems = [];
  const reference = Object.keys(flatten(JSON.parse(fs.readFileSync(path.join(localesDir, 'en-US.json'), 'utf8'))));
  for (const file of files) {
    const keys = flatten(JSON.parse(fs.readFileSync(path.join(localesDir, file), 'utf8')));
    for (const key of used) if (!(key in keys)) problems.push(`missing text: "${key}" in locales/${file}`);
    for (const key of reference) if (!(key in keys) && !used.has(key)) problems.push(`missing text: "${key}" in locales/${file} (en-US has it)`);
    for (const key of Object.keys(keys)) if (!reference.includes(key)) problems.push(`extra text: "${key}" in locales/${file} (not in en-US)`);
  }
  return problems;
}

async function main() {
  const sources = fs.readdirSync(templatesDir).filter((f) => f.endsWith('.mjml')).sort();
  if (sources.length === 0) {
    console.error(`emails: no templates found in ${templatesDir}`);
    process.exit(1);
  }

  const problems = [];
  const subjects = JSON.parse(fs.readFileSync(path.join(root, 'subjects.json'), 'utf8'));
  for (const file of sources) {
    const name = path.basename(file, '.mjml');
    if (!fs.existsSync(path.join(templatesDir, `${name}.txt.hbs`))) problems.push(`no text part: templates/${name}.txt.hbs`);
    if (!subjects[name]) problems.push(`no subject: "${name}" in subjects.json`);
  }
  problems.push(...localeProblems(sources));
  if (problems.length > 0) {
    console.error('emails: every template needs a text part, a subjects.json entry and its texts in every locale:');
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  const expected = new Set();
  for (const file of sources) {
    const name = path.basename(file, '.mjml');
    const outName = `${name}.html`;
    expected.add(outName);
    let html;
    try {
      html = await compile(file);
    } catch (err) {
      console.error(err.message);
      process.exit(1);
    }
    const outPath = path.join(distDir, outName);
    if (check) {
      if (!fs.existsSync(outPath)) {
        problems.push(`missing: dist/${outName} (from templates/${file})`);
      } else if (normalise(fs.readFileSync(outPath, 'utf8')) !== html) {
        problems.push(`stale:   dist/${outName} (templates/${file} or a partial changed)`);
      }
    } else {
      fs.mkdirSync(distDir, { recursive: true });
      fs.writeFileSync(outPath, html);
    }
  }

  if (fs.existsSync(distDir)) {
    for (const file of fs.readdirSync(distDir).filter((f) => f.endsWith('.html'))) {
      if (!expected.has(file)) {
        if (check) problems.push(`orphan:  dist/${file} (no templates/${path.basename(file, '.html')}.mjml)`);
        else fs.unlinkSync(path.join(distDir, file));
      }
    }
  }

  if (check) {
    if (problems.length > 0) {
      console.error('emails: compiled HTML is out of date. Run `node emails/build.js` and commit emails/dist.');
      for (const p of problems) console.error(`  ${p}`);
      process.exit(1);
    }
    console.log(`emails: ${sources.length} templates up to date`);
  } else {
    console.log(`emails: compiled ${sources.length} templates to dist/`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
