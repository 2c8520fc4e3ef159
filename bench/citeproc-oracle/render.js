// Renders the bibliography of a set of CSL-JSON items with citeproc-js for each style of a job, for the
// differential bench (bench/SourceCheck.Bench/CslDiffBench.cs). Usage: node render.js JOB.json > OUT.json
// JOB: {"styles": [{"name": "...", "path": "..."}], "localesDir": "...", "itemsPath": "...", "lang": "en-US", "format": "text"|"html"}
// OUT: {"<name>": {"ids": [...], "entries": [...]} | {"error": "..."}}
'use strict';
const fs = require('fs');
const path = require('path');
const CSL = require('citeproc');

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const items = JSON.parse(fs.readFileSync(job.itemsPath, 'utf8'));
const byId = new Map(items.map(i => [String(i.id), i]));
const ids = items.map(i => String(i.id));
const localeCache = new Map();
const sys = {
  retrieveLocale(lang) {
    if (!localeCache.has(lang)) {
      const p = path.join(job.localesDir, `locales-${lang}.xml`);
      localeCache.set(lang, fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : false);
    }
    return localeCache.get(lang);
  },
  retrieveItem(id) { return byId.get(String(id)); },
};

const out = {};
for (const s of job.styles) {
  try {
    const engine = new CSL.Engine(sys, fs.readFileSync(s.path, 'utf8'), job.lang, true);
    engine.setOutputFormat(job.format);
    engine.updateItems(ids);
    const bib = engine.makeBibliography();
    if (!bib) { out[s.name] = { error: 'no bibliography' }; continue; }
    const [params, entries] = bib;
    out[s.name] = { ids: params.entry_ids.map(e => String(e[0])), entries };
  } catch (e) {
    out[s.name] = { error: String(e && e.message || e).slice(0, 300) };
  }
}
process.stdout.write(JSON.stringify(out));
