// Renders the bibliography of a set of CSL-JSON items with citeproc-js for each style of a job, for the
// differential bench (bench/SourceCheck.Bench/CslDiffBench.cs). Usage: node render.js JOB.json > OUT.json
// JOB: {"styles": [{"name": "...", "path": "..."}], "localesDir": "...", "itemsPath": "...", "lang": "en-US", "format": "text"|"html",
//       "citations": [["id", ...], ...] (optional: citations in document order, each a list of item ids)}
// OUT: {"<name>": {"ids": [...], "entries": [...], "citations": [...]} | {"error": "..."}}
// Without citations every item is registered in input order; with them each citation is processed in turn
// (processCitationCluster, as a word processor plugin does) and the uncited items are added after.
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
    const cited = [];
    if (job.citations) {
      const pre = [];
      const texts = new Map();
      job.citations.forEach((c, n) => {
        const citation = { citationID: `c${n}`, citationItems: c.map(id => ({ id: String(id) })), properties: { noteIndex: 0 } };
        const [, updates] = engine.processCitationCluster(citation, pre, []);
        for (const [index, text, cid] of updates) { texts.set(cid, text); }
        pre.push([`c${n}`, 0]);
        cited.push(...c.map(String));
      });
      engine.updateUncitedItems(ids.filter(id => !cited.includes(id)));
      out[s.name] = { citations: pre.map(([cid]) => texts.get(cid)) };
    } else {
      engine.updateItems(ids);
    }
    const bib = engine.makeBibliography();
    if (!bib) { out[s.name] = { error: 'no bibliography' }; continue; }
    const [params, entries] = bib;
    out[s.name] = { ...(out[s.name] || {}), ids: params.entry_ids.map(e => String(e[0])), entries };
  } catch (e) {
    out[s.name] = { error: String(e && e.message || e).slice(0, 300) };
  }
}
process.stdout.write(JSON.stringify(out));
