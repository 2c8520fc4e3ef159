#!/usr/bin/env python3
"""Hostile-input campaign on the shipped binary (issue 15), run the way an outside campaign runs it: one whole process
per case, wall and CPU time (user + system of the child), peak RSS, exit code, stack-trace detection and the shape of
every exit-3 message.

    python3 bench/campaign/hostile_campaign.py --bin /tmp/hostile-aot/sourcecheck [--sizes 100000,1900000]
        [--mutants 150] [--only html,text] [--seed 9] [--work /tmp/hostile-campaign] [--timeout 60]

`--set s12a` / `--set s12b` (and `s13a` / `s13b`) run the session-12 (13) development / held-out kinds (written together
before either ran);
`--bin` may name an IL build (`.../SourceCheck.Cli.dll`, run through `dotnet`) while developing.
`--set s10` runs the session-10 held-out kinds instead (written before their first run, see below). The s9
generated kinds were written before the campaign was first run (held-out shapes: none of them was tuned
on); mutants are byte-level mutations of the repository's sample inputs. A case fails when the process dies of a
signal, exits with a code outside 0-3, prints a stack trace or an exception name, prints an exit-3 error line that is
not "FILE:LINE:COL: error SCnnnn: ...", takes more than 10 s (wall or CPU) on an input under 2 MB, or peaks at 1 GB or
more on an input under 20 MB. Prints one line per failure, then a table per reader: cases, failures, worst CPU and
wall, worst RSS, slope of log CPU against log size. Peak RSS comes from wait4 and includes the moment between fork and
exec, so small cases show this script's own RSS (60-75 MB after the 1.9 MB inputs are generated) as a floor.
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = os.path.join(ROOT, "fixtures")

POSITIONED = re.compile(r"^.+:\d+:\d+: (error|warning) SC\d{4}: ")
STACK = re.compile(r"^\s+at [\w.`<>]+[.(]|Unhandled exception|\b\w+Exception\b|   --- End of")

NAMES = ["Anna Schulz", "Ben Carter", "Chloé Martin", "Dmitri Ivanov", "Eva Müller", "Fatima Al-Sayed", "Gustav Öberg",
         "Hana Kobayashi", "Ivo Petrović", "Jane O'Neil"]
WORDS_DE = "die Regierung plant neue Regeln für den Markt und die Preise stiegen im Jahr deutlich an weil Kosten".split()
WORDS_EN = "the company said prices rose sharply last year while the board expects lower costs in the market".split()


def fill(unit, size):
    """Repeat a generator of text units until the text reaches size characters."""
    parts, n, i = [], 0, 0
    while n < size:
        s = unit(i)
        parts.append(s)
        n += len(s)
        i += 1
    return "".join(parts)[:size]


def sentence(rng, words, n=12):
    w = [rng.choice(words) for _ in range(n)]
    return " ".join(w).capitalize() + ". "


# ---------------------------------------------------------------- generated kinds (held out: written before the run)

def text_kinds(size, rng):
    yield "text-dialogue", fill(lambda i: f"„Das ist Aussage {i} zum Thema {rng.choice(WORDS_DE)}“, sagte {NAMES[i % 10]} {i % 97}.\n\n", size)
    yield "text-figures", fill(lambda i: f"Der Umsatz stieg um {i % 90},{i % 10} Prozent auf {i % 700 + 1},{i % 9} Milliarden Euro im Jahr {1990 + i % 35}, sagte {NAMES[i % 10]}. ", size)
    yield "text-nospace", "".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöü") for _ in range(size))
    yield "text-caps", fill(lambda i: " ".join(rng.choice(WORDS_EN).upper() for _ in range(9)) + "\n", size)
    yield "text-parens", fill(lambda i: "(„" * 40 + sentence(rng, WORDS_DE) + "“)" * 40 + "\n", size)
    yield "text-urls", fill(lambda i: f"Siehe https://example{i % 50}.org/a/{i}?q={i}#x und doi:10.{1000 + i % 9000}/abc.{i} sowie www.site{i}.de. ", size)
    yield "text-scripts", fill(lambda i: "Президент заявил, что цены выросли. 政府表示价格上涨。 قال الرئيس إن الأسعار ارتفعت. \u202eevil\u202c a\u0301\u0301\u0301 ", size)
    yield "text-colons", fill(lambda i: f"{NAMES[i % 10]}: „{sentence(rng, WORDS_DE, 6)}“ {NAMES[(i + 3) % 10]}: “{sentence(rng, WORDS_EN, 6)}” ", size)


def html_kinds(size, rng):
    depth = max(10, size // 12)
    yield "html-ul-deep", "<html><body>" + "<ul><li>" * depth + "Text. " + "</li></ul>" * depth + "</body></html>"
    row = lambda i: f"<tr><td>{NAMES[i % 10]}</td><td>{sentence(rng, WORDS_EN)}</td><td>{i}</td></tr>"
    yield "html-table-cells", "<html><body><article><table>" + fill(row, size) + "</table></article></body></html>"
    yield "html-attrs", "<html><body><div " + fill(lambda i: f'data-a{i}="{i}" class="c{i} ad-{i}" ', size) + "><p>Hello world. It works.</p></div></body></html>"
    yield "html-br-text", "<html><body><div>" + fill(lambda i: sentence(rng, WORDS_DE) + "<br>", size) + "</div></body></html>"
    yield "html-script", "<html><head><script>" + fill(lambda i: f"var s{i}='</p><p>'+\"<div>\";", size) + "</script></head><body><p>Short text here. It says so.</p></body></html>"
    yield "html-entities", "<html><body><p>" + fill(lambda i: "&amp;&#x41;&nbsp;&#128512;&unknown;&lt;b&gt; ", size) + "</p></body></html>"
    yield "html-unclosed", "<html><body>" + fill(lambda i: "<p><b><i><span>" + sentence(rng, WORDS_EN), size) + "</body></html>"
    yield "html-quotes-p", "<html><body><article>" + fill(lambda i: f"<p>“{sentence(rng, WORDS_EN)}” said {NAMES[i % 10]}, the chief executive.</p>", size) + "</article></body></html>"


def bibtex_kinds(size, rng):
    yield "bib-authors", "@article{a,\n author = {" + " and ".join(f"Nachname{i}, Vorname{i}" for i in range(size // 28)) + "},\n title = {T},\n year = 2020}\n"
    s = "@string{s0 = \"x\"}\n" + "".join(f"@string{{s{i} = s{i - 1} # \"y\"}}\n" for i in range(1, min(size // 30, 5000)))
    yield "bib-strings", s + "@book{b, title = s%d, year = 2001}\n" % (min(size // 30, 5000) - 1)
    yield "bib-entries", fill(lambda i: f"@inproceedings{{k{i},\n author = {{M{{\\\"u}}ller, J{{\\'e}}r{{\\^o}}me and Smith, A.}},\n title = {{On {{\\em things}} \\& more {i}}},\n booktitle = {{Proc.}},\n year = {{{1950 + i % 70}}},\n pages = {{{i}--{i + 9}}}\n}}\n", size)
    yield "bib-comments", fill(lambda i: "@comment{ { { } } }\n% comment line {{{\n@preamble{\"\\newcommand{\\x}{y}\"}\n", size)


def ris_kinds(size, rng):
    yield "ris-authors", "TY  - JOUR\n" + fill(lambda i: f"AU  - Author{i}, Given{i}\n", size) + "TI  - T\nER  - \n"
    yield "ris-records", fill(lambda i: f"TY  - BOOK\nAU  - Smith, J.\nTI  - Title {i}\nPY  - {1900 + i % 120}\nER  - \n", size)
    yield "ris-longline", "TY  - JOUR\nTI  - " + "x" * size + "\nER  - \n"


def json_kinds(size, rng):
    n = max(1, size // 40)
    yield "json-authors", json.dumps([{"id": "a", "type": "book", "title": "T", "author": [{"family": f"F{i}", "given": f"G{i}"} for i in range(n)]}])
    yield "json-items", json.dumps([{"id": f"i{i}", "type": "article-journal", "title": f"Title \u00e9\u2603 {i} " * 3, "issued": {"date-parts": [[1900 + i % 120]]}} for i in range(max(1, size // 110))])
    yield "json-escapes", json.dumps([{"id": "e", "type": "book", "title": "\\u00e9" * (size // 7)}])


def yaml_kinds(size, rng):
    yield "yaml-items", "references:\n" + fill(lambda i: f"- id: y{i}\n  type: book\n  title: \"Title {i}\"\n  author:\n    - family: Fam{i}\n      given: Giv\n", size)
    yield "yaml-anchors", "references:\n- &base {id: b, type: book, title: Base}\n" + fill(lambda i: f"- {{id: c{i}, type: book, title: T{i}, note: x}}\n", size)
    yield "yaml-block", "references:\n- id: blk\n  type: book\n  title: |\n" + fill(lambda i: "    line of a long block scalar\n", size)


def style_kinds(size, rng):
    head = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
    n = max(1, size // 60)
    macros = "".join(f'<macro name="m{i}"><text variable="title" prefix="{i}"/></macro>' for i in range(n))
    calls = "".join(f'<text macro="m{i}"/>' for i in range(min(n, 2000)))
    yield "style-macros", head + macros + f"<citation><layout>{calls}</layout></citation><bibliography><layout>{calls}</layout></bibliography></style>"
    branches = "".join(f'<else-if type="book" variable="note"><text value="{i}"/></else-if>' for i in range(n))
    yield "style-choose", head + f'<citation><layout><choose><if type="thesis"><text value="t"/></if>{branches}<else><text variable="title"/></else></choose></layout></citation></style>'
    yield "style-affix", head + f'<citation><layout><text variable="title" prefix="{"p" * (size // 2)}" suffix="{"s" * (size // 2)}"/></layout></citation></style>'


def pair_kinds(size, rng):
    yield "pairs-many", fill(lambda i: json.dumps({"id": str(i), "a": sentence(rng, WORDS_EN, 20), "b": sentence(rng, WORDS_DE, 20)}) + "\n", size)
    yield "pairs-long", json.dumps({"id": "1", "a": fill(lambda i: sentence(rng, WORDS_EN), size // 2), "b": fill(lambda i: sentence(rng, WORDS_EN), size // 2)}) + "\n"


def compare_kinds(size, rng):
    base = [f"{NAMES[i % 10]} sagte, der Umsatz sei um {i % 50} Prozent gestiegen. " + sentence(rng, WORDS_DE) for i in range(max(4, size // 160))]
    a = "\n\n".join(base)
    b = list(base)
    rng.shuffle(b)
    yield "compare-shuffled", (a, "\n\n".join(b))


# ---------------------------------------------------------------- session-10 held-out kinds (--set s10)
# Written before any of them was run and before the memory work of session 10 looked at a profile; none is tuned on.
# Sizes scale with --sizes; "18 MB of each text kind" is --set s10 --only text --sizes 18000000.

ZW = "\u200b\u200c\u200d\u2060\ufeff"


def s10_text_kinds(size, rng):
    # one paragraph, no blank line, sentences of mixed length
    yield "t10-one-paragraph", fill(lambda i: sentence(rng, WORDS_DE if i % 2 else WORDS_EN, 5 + i % 30), size)
    # mixed scripts, RTL marks, zero-width characters inside words and quotes
    yield "t10-rtl-zw", fill(lambda i: f"\u05d4\u05de\u05de\u05e9\u05dc\u05d4 \u200f\u05d0\u05de\u05e8\u05d4{ZW[i % 5]} „Pre{ZW[(i + 1) % 5]}ise stie{ZW[(i + 2) % 5]}gen um {i % 40} Prozent“, sagte {NAMES[i % 10]}. \u0627\u0644\u0631\u0626\u064a\u0633 \u202b{i}\u202c. ", size)
    # an interview: question/answer lines, names in capitals, no quote marks
    yield "t10-interview", fill(lambda i: f"FRAGE: {sentence(rng, WORDS_DE, 9)}\n{NAMES[i % 10].split()[1].upper()}: {sentence(rng, WORDS_DE, 14)}{sentence(rng, WORDS_DE, 7)}\n", size)
    # one sentence that never ends: commas only, quotes opened and never closed
    yield "t10-no-stop", fill(lambda i: f"„{rng.choice(WORDS_EN)} {i}, ", size)
    # numbers everywhere: dates, money, percentages, ranges
    yield "t10-numbers", fill(lambda i: f"Am {1 + i % 28}.{1 + i % 12}.{1950 + i % 75} kostete es {i * 37 % 100000:,} € bis {i % 999}–{i % 999 + 5} % mehr als 1{i % 10}{i % 7}0 Mio. Dollar; ", size)
    # a bulleted list of attributions, each line a new speaker and outlet
    yield "t10-list-attrib", fill(lambda i: f"- {NAMES[i % 10]} ({i % 80} Jahre) sagte der Zeitung Nr. {i}: „{sentence(rng, WORDS_DE, 8).strip()}“\n", size)


def s10_html_kinds(size, rng):
    yield "h10-spans", "<html><body><p>" + fill(lambda i: f"<span>{rng.choice(WORDS_EN)}</span> ", size) + "</p></body></html>"
    cols = 20
    row = lambda i: "<tr>" + "".join(f"<td>{i}.{c} {rng.choice(WORDS_DE)}</td>" for c in range(cols)) + "</tr>"
    yield "h10-table-wide", "<html><body><main><table>" + fill(row, size) + "</table></main></body></html>"
    yield "h10-comments", "<html><body><article>" + fill(lambda i: f"<!-- <p>hidden {i}</p> --><p>{sentence(rng, WORDS_EN)}</p><!--", size) + "--></article></body></html>"
    yield "h10-inline-svg", "<html><body><article><p>Lead text. It is here.</p><svg>" + fill(lambda i: f'<path d="M{i} {i}L{i + 1} {i + 2}"/><text>{i}</text>', size) + "</svg></article></body></html>"
    yield "h10-nested-quotes", "<html><body><article>" + fill(lambda i: f"<blockquote><p>„{sentence(rng, WORDS_DE)}“</p><cite>{NAMES[i % 10]}</cite>", size) + "</article></body></html>"


def s10_bibtex_kinds(size, rng):
    n = max(2, size // 40)
    macros = "".join(f'@string{{m{i} = "w{i}"}}\n' for i in range(n))
    cat = " # ".join(f"m{rng.randrange(n)}" for _ in range(min(n, 2000)))
    yield "b10-macros", macros + f"@book{{b, title = {cat}, publisher = m0 # \" \" # m1, year = 2001}}\n"
    yield "b10-concat", "@misc{c, note = " + " # ".join('"x"' for _ in range(max(1, size // 6))) + "}\n"
    yield "b10-crossref", fill(lambda i: f"@incollection{{k{i}, crossref = {{k{i + 1}}}, title = {{T{i}}}, author = {{A, B}}}}\n", size)
    yield "b10-long-field", "@article{l, title = {" + fill(lambda i: "{\\textbf{x}} \\& ", size) + "}, year = 2000}\n"


def s10_ris_kinds(size, rng):
    yield "r10-long-tags", "TY  - JOUR\n" + "".join(f"{t}  - " + "y" * max(1, size // 6) + "\n" for t in ("TI", "AB", "N1", "KW", "T2", "PB")) + "ER  - \n"
    yield "r10-no-er", fill(lambda i: f"TY  - JOUR\nAU  - A{i}\nTI  - T{i}\n", size)
    yield "r10-continuation", "TY  - JOUR\nTI  - start\n" + fill(lambda i: f"continued line {i} without a tag\n", size) + "ER  - \n"


def s10_json_kinds(size, rng):
    n = max(1, size // 45)
    yield "j10-names", json.dumps([{"id": "n", "type": "book", "title": "T", "author": [{"family": f"Fam{i}", "given": f"Given{i}", "non-dropping-particle": "van"} for i in range(n)], "editor": [{"literal": f"Org {i}"} for i in range(min(n, 1000))]}])
    depth = max(10, size // 20)
    yield "j10-deep-extra", '[{"id": "d", "type": "book", "title": "T", "custom": ' + "[" * depth + "]" * depth + "}]"
    yield "j10-dates", json.dumps([{"id": f"d{i}", "type": "book", "title": "T", "issued": {"date-parts": [[2000 + i % 30, 1 + i % 12, 1 + i % 28], [2001, 1]], "season": i % 4, "circa": True}} for i in range(max(1, size // 120))])


def s10_yaml_kinds(size, rng):
    depth = max(10, size // 4)
    yield "y10-flow-deep", "references:\n- id: f\n  type: book\n  title: T\n  note: " + "[" * depth + "x" + "]" * depth + "\n"
    yield "y10-flow-wide", "references:\n- {id: w, type: book, title: T, keyword: [" + ", ".join(f"k{i}" for i in range(max(1, size // 6))) + "]}\n"
    yield "y10-multidoc", fill(lambda i: f"---\nreferences:\n- id: m{i}\n  type: book\n  title: T{i}\n...\n", size)


def s10_style_kinds(size, rng):
    head = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
    n = max(1, size // 110)
    macros = "".join(f'<macro name="u{i}"><group delimiter=" "><text variable="title"/><text value="{i}"/></group></macro>' for i in range(n))
    calls = "".join(f'<text macro="u{i}"/>' for i in range(n))
    yield "s10-macros-once", head + macros + f'<citation><layout>{calls}</layout></citation><bibliography><layout>{calls}</layout></bibliography></style>'
    yield "s10-sort-keys", head + '<citation><sort>' + "".join(f'<key variable="title"/>' for _ in range(max(1, size // 26))) + '</sort><layout><text variable="title"/></layout></citation></style>'


def s10_locale_files(size, rng):
    n = max(1, size // 70)
    terms = "".join(f'<term name="t{i}"><single>s{i}</single><multiple>m{i}</multiple></term>' for i in range(n))
    yield "l10-terms", '<?xml version="1.0" encoding="utf-8"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US"><terms>' + terms + '<term name="and">und</term></terms></locale>'


# ---------------------------------------------------------------- session-11 kinds: s11a (development) and s11b (held out)
# Both sets were written together, before either was run. s11a is run on main's binary at the start ("before"), its
# failures fixed and re-run; s11b is run once, at the very end, on the final binary: that is the held-out figure.

def refs_and_pages(size, rng, tag, most=5000, per=400, words=20):
    """An article citing n pages, a page folder holding them (pages.json manifest) and a CSL-JSON list of the same."""
    n = max(3, min(most, size // per))
    urls = [f"https://www.outlet{i % 40}.example/{tag}/2024/{i}/story-{i}" for i in range(n)]
    pages = {u: f"p{i}.html" for i, u in enumerate(urls)}
    body = "".join(f"„{sentence(rng, WORDS_DE, 8).strip()}“, sagte {NAMES[i % 10]} der Zeitung Outlet{i % 40} [{i + 1}].\n\n" for i in range(n))
    refs = "Quellen\n\n" + "".join(f"[{i + 1}] {NAMES[i % 10].split()[1]}, {NAMES[i % 10].split()[0][0]}. (2024). Story {i} about markets. Outlet{i % 40}. {u}\n" for i, u in enumerate(urls))
    files = {f"p{i}.html": f"<html><head><title>Story {i} about markets</title><meta name=\"author\" content=\"{NAMES[i % 10]}\"></head><body><article><h1>Story {i} about markets</h1><p>{sentence(rng, WORDS_EN, words)}</p></article></body></html>" for i in range(n)}
    csl = [{"id": f"r{i}", "type": "article-newspaper", "title": f"Story {i} about markets", "URL": u, "container-title": f"Outlet{i % 40}", "issued": {"date-parts": [[2024]]}} for i, u in enumerate(urls)]
    return "Titel des Artikels\n\n" + body + refs, pages, files, csl


def s11a_text_kinds(size, rng):
    # many short quoted lines, each its own paragraph
    yield "a11-short-quotes", fill(lambda i: f"„{rng.choice(['Ja', 'Nein', 'Vielleicht', 'Never', 'Yes'])}{'.' if i % 3 else '!'}“\n", size)
    # bullet lists of figures with units and signs
    yield "a11-figure-bullets", fill(lambda i: f"• {NAMES[i % 10]}: +{i % 100},{i % 10} % ({i * 13 % 9999} Mio. €, −{i % 7} Punkte, {i % 31}.{i % 12 + 1}.{2000 + i % 25})\n", size)
    # markdown-like headings every other line, quotes below each
    yield "a11-headings", fill(lambda i: f"## {sentence(rng, WORDS_EN, 4).strip()}\n\n\"{sentence(rng, WORDS_EN, 10).strip()}\" {NAMES[i % 10]} said on {['Monday', 'Tuesday', 'Friday'][i % 3]}.\n\n", size)
    # very long tokens (URL-like, no spaces) between short sentences
    yield "a11-long-tokens", fill(lambda i: "Er sagte: " + "".join(rng.choice("abcdef0123/-_.") for _ in range(3000)) + ". ", size)
    # a tab-separated table of speakers and quotes
    yield "a11-tsv-quotes", "Name\tQuote\tYear\n" + fill(lambda i: f"{NAMES[i % 10]}\t\"{sentence(rng, WORDS_EN, 9).strip()}\"\t{1990 + i % 35}\n", size)


def s11a_html_kinds(size, rng):
    yield "a11-links", "<html><body><article><p>" + fill(lambda i: f'<a href="https://e{i % 97}.example/{i}">link {i}</a> ', size) + "</p></article></body></html>"
    yield "a11-pre", "<html><body><article>" + fill(lambda i: f"<pre>{sentence(rng, WORDS_EN)}\n    „{sentence(rng, WORDS_DE)}“\n</pre><p>{NAMES[i % 10]} sagte das.</p>", size) + "</article></body></html>"
    row = lambda i: f"<tr><th>{NAMES[i % 10]}</th><td><q>{sentence(rng, WORDS_EN, 8).strip()}</q></td><td>{i % 100} %</td></tr>"
    yield "a11-quote-table", "<html><body><article><table><thead><tr><th>Who</th><th>Said</th><th>Share</th></tr></thead>" + fill(row, size) + "</table></article></body></html>"
    yield "a11-dl", "<html><body><main><dl>" + fill(lambda i: f"<dt>{NAMES[i % 10]}</dt><dd>„{sentence(rng, WORDS_DE, 7).strip()}“</dd>", size) + "</dl></main></body></html>"
    yield "a11-noscript-iframe", "<html><body>" + fill(lambda i: f"<noscript><p>Enable scripts {i}</p></noscript><iframe src=\"x{i}\"><p>fallback</p></iframe><p>{sentence(rng, WORDS_EN)}</p>", size) + "</body></html>"


def s11a_bibtex_kinds(size, rng):
    yield "a11-huge-comment", "@comment{" + fill(lambda i: "text {with} braces @article{x, title={y}} ", size) + "}\n@book{b, title = {After}, year = 2000}\n"
    yield "a11-huge-preamble", "@preamble{\"" + fill(lambda i: f"\\newcommand{{\\c{i}}}{{x}} ", size) + "\"}\n@book{b, title = {After}, year = 2000}\n"


def s11a_ris_kinds(size, rng):
    yield "a11-ris-keywords", "TY  - JOUR\nTI  - T\n" + fill(lambda i: f"KW  - keyword {i}\n", size) + "ER  - \n"
    yield "a11-ris-crlf-bom", "\ufeff" + fill(lambda i: f"TY  - NEWS\r\nAU  - Müller, Jörg\r\nTI  - Überschrift {i}\r\nDA  - 2024/{1 + i % 12}/{1 + i % 28}/\r\nUR  - https://x.example/{i}\r\nER  - \r\n\r\n", size)


def s11a_json_kinds(size, rng):
    n = max(1, size // 12)
    yield "a11-json-dateparts", json.dumps([{"id": "d", "type": "book", "title": "T", "issued": {"date-parts": [[2000 + i % 20, 1 + i % 12, 1 + i % 28] for i in range(n)]}}])
    yield "a11-json-huge-strings", json.dumps([{"id": "h", "type": "book", "title": "T" * (size // 3), "abstract": "a " * (size // 6), "note": "n" * (size // 3)}])


def s11a_yaml_kinds(size, rng):
    yield "a11-yaml-anchors-once", "references:\n" + fill(lambda i: f"- id: &i{i} y{i}\n  type: &t{i} book\n  title: &ti{i} \"Title {i}\"\n  note: *ti{i}\n", size)
    yield "a11-yaml-folded", "references:\n- id: f\n  type: book\n  title: >-\n" + fill(lambda i: f"    folded words {i} go on\n\n", size)


def s11a_style_kinds(size, rng):
    head = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
    n = max(1, min(2000, size // 100))
    chooses = "".join(f'<choose><if variable="note{i % 3}"><text value="{i}"/></if><else-if type="book"><text variable="title" prefix="{i}:"/></else-if></choose>' for i in range(n))
    yield "a11-style-chooses", head + f"<citation><layout>{chooses}</layout></citation><bibliography><layout>{chooses}</layout></bibliography></style>"


def s11a_locale_files(size, rng):
    parts = "".join(f'<date-part name="{["day", "month", "year"][i % 3]}" prefix="{"p" * 20}" suffix="{i}"/>' for i in range(max(3, size // 60)))
    yield "a11-locale-dates", f'<?xml version="1.0" encoding="utf-8"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US"><date form="text">{parts}</date><date form="numeric">{parts}</date></locale>'


def s11a_compare_kinds(size, rng):
    a = fill(lambda i: f"„{sentence(rng, WORDS_DE, 9).strip()}“, sagte {NAMES[i % 10]}. Der Umsatz stieg um {i % 50} Prozent. ", size)
    b = fill(lambda i: f"\"{sentence(rng, WORDS_EN, 9).strip()}\" {NAMES[(i + 3) % 10]} said. Sales rose {i % 60} percent. ", size)
    yield "a11-compare-different", (a, b)


def s11b_text_kinds(size, rng):
    # dialogue with dashes instead of quote marks
    yield "b11-dash-dialogue", fill(lambda i: f"— {sentence(rng, WORDS_DE, 7).strip()} — sagte {NAMES[i % 10]}.\n— {sentence(rng, WORDS_DE, 5).strip()}\n", size)
    # quotes nested in quotes in quotes
    yield "b11-nested-quotes", fill(lambda i: f"{NAMES[i % 10]} said: \"She told me 'he wrote \u201cwe said \u2018{rng.choice(WORDS_EN)}\u2019 to them\u201d in {i}' yesterday.\" ", size)
    # footnote markers everywhere
    yield "b11-footnotes", fill(lambda i: f"{sentence(rng, WORDS_EN, 8).strip()}[{i % 300}][{i % 7}]{''.join('¹²³⁴⁵'[(i + k) % 5] for k in range(3))} ", size)
    # CRLF line ends, form feeds and vertical tabs between paragraphs
    yield "b11-crlf-ff", fill(lambda i: f"{NAMES[i % 10]} erklärte: „{sentence(rng, WORDS_DE, 10).strip()}“\r\n\f\r\n\v", size)
    # long parenthetical asides with numbers inside quotes
    yield "b11-asides", fill(lambda i: f"Die Zahl (so {NAMES[i % 10]}, „mit {i % 90} Prozent (oder {i % 13} Mrd. (laut Bericht {i}))“) stieg. ", size)


def s11b_html_kinds(size, rng):
    yield "b11-details", "<html><body><article>" + fill(lambda i: f"<details><summary>Q{i}</summary><p>„{sentence(rng, WORDS_DE, 8).strip()}“, sagte {NAMES[i % 10]}.</p></details>", size) + "</article></body></html>"
    yield "b11-figures", "<html><body><article>" + fill(lambda i: f"<figure><img src=\"i{i}.png\" alt=\"{sentence(rng, WORDS_EN, 5)}\"><figcaption>{NAMES[i % 10]} in {2000 + i % 25}</figcaption></figure>", size) + "</article></body></html>"
    yield "b11-head-meta", "<html><head>" + fill(lambda i: f'<meta name="m{i}" content="{sentence(rng, WORDS_EN, 4)}"><link rel="x" href="/{i}">', size) + "</head><body><p>Body. It is short.</p></body></html>"
    depth = max(10, min(50000, size // 40))
    yield "b11-nested-tables", "<html><body>" + "<table><tr><td>" * depth + "cell" + "</td></tr></table>" * depth + "</body></html>"
    yield "b11-template-q", "<html><body><template>" + "<p>hidden</p>" * 10 + "</template><article><p>" + fill(lambda i: f"<q>{rng.choice(WORDS_EN)} {i}</q>, said {NAMES[i % 10]}; ", size) + "</p></article></body></html>"


def s11b_bibtex_kinds(size, rng):
    yield "b11-many-fields", "@misc{m,\n" + fill(lambda i: f" field{i} = {{value {i}}},\n", size) + " title = {T}}\n"
    yield "b11-brace-and", "@book{b, author = {" + " and ".join(f"{{Firma {i} and Söhne}}" for i in range(max(1, size // 22))) + "}, title = {T}, year = 2000}\n"
    yield "b11-huge-string", '@string{big = "' + "w" * size + '"}\n@book{b, title = big # big, year = 2000}\n'


def s11b_ris_kinds(size, rng):
    yield "b11-ris-huge-notes", fill(lambda i: f"TY  - GEN\nTI  - T{i}\nN1  - {'note ' * 200}\nER  - \n", size)
    yield "b11-ris-bad-tags", fill(lambda i: f"{rng.choice(['ZZ', 'T9', 'A1', 'Y1', '  '])}  - value {i}\n" + ("ER  - \nTY  - JOUR\n" if i % 50 == 0 else ""), size)


def s11b_json_kinds(size, rng):
    yield "b11-json-object-keys", json.dumps({"id": "o", "type": "book", "title": "T", **{f"custom{i}": i for i in range(max(1, size // 16))}})
    yield "b11-json-big-numbers", json.dumps([{"id": f"n{i}", "type": "book", "title": "T", "issued": {"date-parts": [[int("9" * (20 + i % 300))]]}, "page": "1" * 400} for i in range(max(1, size // 700))])


def s11b_yaml_kinds(size, rng):
    yield "b11-yaml-many-keys", "references:\n- id: k\n  type: book\n  title: T\n" + fill(lambda i: f"  x-key-{i}: value {i}\n", size)
    yield "b11-yaml-long-plain", "references:\n- id: p\n  type: book\n  title: " + fill(lambda i: f"word{i} ", size) + "\n"


def s11b_style_kinds(size, rng):
    head = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
    depth = max(5, min(20000, size // 30))
    yield "b11-style-deep-groups", head + "<citation><layout>" + '<group delimiter=",">' * depth + '<text variable="title"/>' + "</group>" * depth + "</layout></citation></style>"
    n = max(1, size // 60)
    yield "b11-style-terms", head + "<citation><layout>" + "".join(f'<text term="{rng.choice(["and", "et-al", "editor", "page", "in"])}" form="{rng.choice(["long", "short", "symbol"])}"/>' for _ in range(n)) + "</layout></citation></style>"


def s11b_locale_files(size, rng):
    n = max(1, size // 60)
    ords = "".join(f'<term name="ordinal-{i % 100:02d}" match="{["last-digit", "last-two-digits", "whole-number"][i % 3]}">{"th" * (1 + i % 5)}</term>' for i in range(n))
    yield "b11-locale-ordinals", f'<?xml version="1.0" encoding="utf-8"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US"><style-options punctuation-in-quote="true"/><terms>{ords}</terms></locale>'


def s11b_compare_kinds(size, rng):
    shared = [f"„{sentence(rng, WORDS_DE, 9).strip()}“, sagte {NAMES[i % 10]}. " for i in range(max(4, size // 140))]
    a = "".join(s if k % 2 else f"{NAMES[k % 10]} sagte, es gebe {k} neue Fälle. " for k, s in enumerate(shared))
    b = "".join(s if k % 3 else f"{NAMES[(k + 1) % 10]} sagte, es gebe {k + 1} neue Fälle. " for k, s in enumerate(reversed(shared)))
    yield "b11-compare-half-shared", (a[:size], b[:size])


# ---------------------------------------------------------------- session-12 kinds: s12a (development) and s12b (held out)
# Both sets were written together, before either was run (classes no earlier set had: many fields/names/keys per entry in
# every reader, attribute storms, long runs of one punctuation mark, deeply nested quotes, very long single tokens, many
# tiny documents in compare, pathological dates and numbers in every format, large page folders, mixed encodings).
# s12a is developed on; s12b is run once, at the end, on the final binary. Text may carry lone surrogates standing for
# raw bytes (written with surrogateescape): that is how the mixed-encoding kinds put invalid UTF-8 into a file (only
# U+DC80-U+DCFF stand for bytes; a NUL byte is written as itself).

def s12a_text_kinds(size, rng):
    yield "a12-punct-runs", fill(lambda i: sentence(rng, WORDS_DE, 6) + "!" * 5000 + " " + "." * 3000 + " " + "-" * 2000 + "\n", size)
    yield "a12-quote-ladder", fill(lambda i: "„‚»›\"'" * 60 + sentence(rng, WORDS_DE, 8) + "'\"‹«‘“" * 60 + f", sagte {NAMES[i % 10]}.\n", size)
    yield "a12-one-token", "Er sagte: " + "x" * (size - 40) + " und ging."
    yield "a12-numbers-weird", fill(lambda i: f"Am {i % 99}.{i % 77}.{i * 7919}, um 25:{i % 99} Uhr, stieg der Wert um {'9' * (i % 400 + 1)},{'0' * (i % 50)} % auf 1e{i % 999} bzw. −0,{i} Mrd. (Q{i % 9}/{i}). ", size)
    yield "a12-mixed-bytes", fill(lambda i: f"„Die Bürgschaft {i} wurde verlängert“, sagte {NAMES[i % 10]}. Gr\udcfc\udce9e aus Kl\udcf6ln, \udce2\udc80 halb. ", size)


def s12a_html_kinds(size, rng):
    attrs = "".join(f' data-x{k}="{k}"' for k in range(200))
    yield "a12-attr-storm", "<html><body><article>" + fill(lambda i: f"<p{attrs} id=\"p{i}\">{sentence(rng, WORDS_EN)}</p>", size) + "</article></body></html>"
    yield "a12-raw-elements", "<html><body><article>" + fill(lambda i: f"<textarea><p>raw {i}</p></textarea><xmp><b>x</b></xmp><noembed><p>n</p></noembed><p>{sentence(rng, WORDS_EN)}</p>", size) + "</article></body></html>"
    depth = max(10, min(40000, size // 10))
    yield "a12-nested-q", "<html><body><article><p>" + "<q>" * depth + "word" + "</q>" * depth + "</p></article></body></html>"
    yield "a12-punct-html", "<html><body><article>" + fill(lambda i: f"<p>{sentence(rng, WORDS_EN)}{'?' * 4000}</p>", size) + "</article></body></html>"
    yield "a12-latin1-page", "<html><head><meta charset=\"windows-1252\"></head><body><article>" + fill(lambda i: f"<p>\udc84Die Pr\udcfcfung {i}\udc93, sagte {NAMES[i % 10]}.</p>", size) + "</article></body></html>"


def s12a_bibtex_kinds(size, rng):
    yield "a12-bib-fields-many-entries", fill(lambda i: f"@article{{e{i},\n" + "".join(f" f{k} = {{v{k}}},\n" for k in range(300)) + " title = {T}}\n", size)
    yield "a12-bib-quoted-fields", "@misc{q,\n" + fill(lambda i: f' note{i} = "value {i}" # " more",\n', size) + " title = {T}}\n"
    yield "a12-bib-dates", fill(lambda i: f"@book{{d{i}, title = {{T}}, year = {{{'9' * (1 + i % 400)}}}, month = {{{['feb', '13', '-1', 'jan/dec', '99999999999'][i % 5]}}}, date = {{{i}-{i % 99}-{i % 77}/..}}}}\n", size)


def s12a_ris_kinds(size, rng):
    tags = ["AU", "A2", "A3", "KW", "N1", "UR", "SN", "CY", "ED"]
    yield "a12-ris-many-fields", fill(lambda i: "TY  - JOUR\n" + "".join(f"{tags[k % 9]}  - v{k}\n" for k in range(400)) + "ER  - \n", size)
    yield "a12-ris-dates", fill(lambda i: f"TY  - JOUR\nTI  - T{i}\nPY  - {'9' * (1 + i % 300)}\nDA  - {i}/{i % 99}/{i % 77}/{'x' * (i % 20)}\nY1  - ////\nER  - \n", size)


def s12a_json_kinds(size, rng):
    n = max(1, size // 300)
    yield "a12-json-fields-many-items", json.dumps([{"id": f"i{j}", "type": "book", "title": "T", **{f"x{k}": f"v{k}" for k in range(200)}} for j in range(max(1, n // 10))])
    yield "a12-json-dates", json.dumps([{"id": f"d{i}", "type": "book", "title": "T", "issued": [{"raw": f"{i}/{i % 99}/{'9' * (i % 300)}"}, {"date-parts": [[-(10 ** (i % 30)), 0, 99]]}, {"literal": "x" * (i % 500)}][i % 3]} for i in range(max(1, size // 150))])


def s12a_yaml_kinds(size, rng):
    yield "a12-yaml-fields-many-items", "references:\n" + fill(lambda i: f"- id: m{i}\n  type: book\n  title: T\n" + "".join(f"  f{k}: v{k}\n" for k in range(200)), size)
    yield "a12-yaml-dates", "references:\n" + fill(lambda i: f"- id: d{i}\n  type: book\n  title: T\n  issued: {['99999999999-99-99', '2020-13-45', 'circa -5000', '0000-00-00T99:99', '1e400'][i % 5]}\n", size)


def s12a_style_kinds(size, rng):
    head = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
    attrs = "".join(f' x{k}="{k}"' for k in range(max(1, min(50000, size // 10))))
    yield "a12-style-attr-storm", head + f'<citation><layout><text variable="title"{attrs}/></layout></citation></style>'
    yield "a12-style-punct-affix", head + f'<citation><layout><text variable="title" prefix="{"." * (size // 3)}" suffix="{"," * (size // 3)}"/></layout></citation></style>'


def s12a_locale_files(size, rng):
    n = max(1, size // 80)
    terms = "".join(f'<term name="{rng.choice(["page", "editor", "and", "in", "et-al"])}" form="{rng.choice(["long", "short", "verb", "symbol"])}"><single>s{i}</single><multiple>m{i}</multiple></term>' for i in range(n))
    yield "a12-locale-dup-terms", f'<?xml version="1.0" encoding="utf-8"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US"><terms>{terms}</terms></locale>'


def s12a_compare_kinds(size, rng):
    n = max(3, min(400, size // 2000))
    per = max(40, size // n)
    docs = tuple(fill(lambda i, d=d: f"„{sentence(rng, WORDS_DE, 7).strip()}“, sagte {NAMES[(i + d) % 10]}. ", per) for d in range(n))
    yield "a12-compare-many-docs", docs


def s12b_text_kinds(size, rng):
    yield "b12-ellipsis-runs", fill(lambda i: sentence(rng, WORDS_EN, 7) + "…" * 3000 + "?!" * 1500 + " " + "*" * 2500 + "\n\n", size)
    yield "b12-guillemet-nest", fill(lambda i: f"{NAMES[i % 10]} sagte: " + "«‹“‘" * 80 + sentence(rng, WORDS_DE, 7) + "’”›»" * 80 + " ", size)
    yield "b12-hyphen-token", fill(lambda i: "Die " + "-".join(rng.choice(WORDS_DE).capitalize() for _ in range(4000)) + " stieg. ", size)
    yield "b12-number-storm", fill(lambda i: f"Es waren {'1' * (i % 350 + 1)}.{'5' * (i % 40)} Euro, {i % 99}/{i % 13}/{i}, {i * 31 % 100000:,}.{i % 1000:03d},{i % 7} %, 0x{i:x}, {i}e-{i % 400} und {i % 60}:{i % 99}:{i % 61} am {i % 40}. Juno {i}. ", size)
    yield "b12-utf16-fragments", fill(lambda i: f"Der Minister sagte, die Preise seien gestiegen {i}. \udcff\udcfeD\x00i\x00e\x00 \udcc3( \udcf0\udc9f\udc98 Ende. ", size)


def s12b_html_kinds(size, rng):
    yield "b12-attr-per-element", "<html><body><main>" + fill(lambda i: f"<span " + " ".join(f'aria-k{k}="{i}"' for k in range(60)) + f">{rng.choice(WORDS_EN)}</span> ", size) + "</main></body></html>"
    yield "b12-raw-noframes", "<html><body><article>" + fill(lambda i: f"<noframes><p>frame {i}</p></noframes><object data=\"x{i}\"><p>fallback {i}</p></object><p>{sentence(rng, WORDS_DE)}</p>", size) + "</article></body></html>"
    depth = max(10, min(40000, size // 20))
    yield "b12-nested-blockquote", "<html><body><article>" + "<blockquote>„" * depth + "Wort" + "“</blockquote>" * depth + "</article></body></html>"
    yield "b12-long-token-html", "<html><body><article><p>Er sagte: " + "y" * size + ".</p></article></body></html>"
    yield "b12-cp1252-bytes", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><article>" + fill(lambda i: f"<p>Stra\udcdfe {i} \udc96 \udce4rger, „quoted“ \udc80.</p>", size) + "</article></body></html>"


def s12b_bibtex_kinds(size, rng):
    yield "b12-bib-authors-many-entries", fill(lambda i: f"@book{{a{i}, title = {{T{i}}}, author = {{" + " and ".join(f"von der Nach{k}, Jr., Vor{k} Mit{k}" for k in range(150)) + "}}\n", size)
    yield "b12-bib-paren-fields", "@misc(p,\n" + fill(lambda i: f" k{i} = {i},\n", size) + " title = {T})\n"
    yield "b12-bib-numbers", fill(lambda i: f"@article{{n{i}, title = {{T}}, volume = {{{'7' * (1 + i % 500)}}}, pages = {{{i}--{'8' * (i % 200 + 1)}}}, year = {i % 100000}, number = {{-{i}e{i}}}}}\n", size)


def s12b_ris_kinds(size, rng):
    yield "b12-ris-authors-many-records", fill(lambda i: "TY  - BOOK\nTI  - T\n" + "".join(f"AU  - Nach{k}, Vor{k}\n" for k in range(300)) + "ER  - \n", size)
    yield "b12-ris-custom-tags", "TY  - JOUR\nTI  - T\n" + fill(lambda i: f"C{i % 9}  - custom {i}\nM{i % 4}  - misc {i}\n", size) + "ER  - \n"
    yield "b12-ris-mixed-bytes", fill(lambda i: f"TY  - NEWS\nAU  - M\udcfcller, J\udcf6rg\nTI  - \udce4 {i} \udcc3\nDA  - 20\udcff4/01\nER  - \n", size)


def s12b_json_kinds(size, rng):
    yield "b12-json-authors-many-items", json.dumps([{"id": f"a{j}", "type": "book", "title": "T", "author": [{"family": f"F{k}", "given": f"G{k}", "suffix": "Jr."} for k in range(150)]} for j in range(max(1, size // 6000))])
    yield "b12-json-number-fields", json.dumps([{"id": f"n{i}", "type": "book", "title": "T", "volume": 10 ** (i % 300), "page": -i, "issued": {"date-parts": [["2020", "x", 1.5e300]]}, "accessed": {"season": "9" * 50}} for i in range(max(1, size // 200))])


def s12b_yaml_kinds(size, rng):
    yield "b12-yaml-authors-many-items", "references:\n" + fill(lambda i: f"- id: a{i}\n  type: book\n  title: T\n  author:\n" + "".join(f"    - {{family: F{k}, given: G{k}}}\n" for k in range(100)), size)
    yield "b12-yaml-numbers", "references:\n" + fill(lambda i: f"- id: n{i}\n  type: book\n  title: T\n  volume: {'9' * (1 + i % 400)}\n  page: .inf\n  issued: {{date-parts: [[{'1' * (1 + i % 40)}, -3, 0x1F]]}}\n", size)


def s12b_style_kinds(size, rng):
    head = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
    n = max(1, size // 40)
    yield "b12-style-many-texts", head + "<citation><layout delimiter=\";;;;\">" + "".join(f'<text variable="title" prefix="{"(" * (i % 7)}" suffix="{")" * (i % 5)}"/>' for i in range(n)) + "</layout></citation></style>"
    yield "b12-style-date-parts", head + "<citation><layout>" + "".join(f'<date variable="issued"><date-part name="{["year", "month", "day"][i % 3]}" form="{["long", "short", "numeric", "ordinal"][i % 4]}"/></date>' for i in range(max(1, size // 90))) + "</layout></citation></style>"


def s12b_locale_files(size, rng):
    n = max(1, size // 90)
    forms = "".join(f'<date form="{["text", "numeric"][i % 2]}"><date-part name="{["day", "month", "year"][i % 3]}" form="ordinal" suffix="{"." * (i % 9)}"/></date>' for i in range(n))
    yield "b12-locale-date-forms", f'<?xml version="1.0" encoding="utf-8"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US">{forms}<terms><term name="and">and</term></terms></locale>'


def s12b_compare_kinds(size, rng):
    n = max(3, min(600, size // 1500))
    per = max(30, size // n)
    docs = tuple(fill(lambda i, d=d: f"{NAMES[(i * d) % 10]} said sales rose {(i + d) % 40} percent. ", per) for d in range(n))
    yield "b12-compare-tiny-docs", docs


S11 = {
    "s11a": dict(text=s11a_text_kinds, html=s11a_html_kinds, bibtex=s11a_bibtex_kinds, ris=s11a_ris_kinds, json=s11a_json_kinds,
                 yaml=s11a_yaml_kinds, style=s11a_style_kinds, locale=s11a_locale_files, compare=s11a_compare_kinds, tag="a"),
    "s11b": dict(text=s11b_text_kinds, html=s11b_html_kinds, bibtex=s11b_bibtex_kinds, ris=s11b_ris_kinds, json=s11b_json_kinds,
                 yaml=s11b_yaml_kinds, style=s11b_style_kinds, locale=s11b_locale_files, compare=s11b_compare_kinds, tag="b"),
    "s12a": dict(text=s12a_text_kinds, html=s12a_html_kinds, bibtex=s12a_bibtex_kinds, ris=s12a_ris_kinds, json=s12a_json_kinds,
                 yaml=s12a_yaml_kinds, style=s12a_style_kinds, locale=s12a_locale_files, compare=s12a_compare_kinds, tag="a12",
                 pages=5000, page_words=20),
    "s12b": dict(text=s12b_text_kinds, html=s12b_html_kinds, bibtex=s12b_bibtex_kinds, ris=s12b_ris_kinds, json=s12b_json_kinds,
                 yaml=s12b_yaml_kinds, style=s12b_style_kinds, locale=s12b_locale_files, compare=s12b_compare_kinds, tag="b12",
                 pages=8000, page_words=60),
}


# ---------------------------------------------------------------- session-13 kinds: s13a (development) and s13b (held out)
# Both sets were written together, before either was run (classes no earlier set had: page folders with many small,
# duplicate, odd-named, nested, gzip-compressed or slug/hash-named files and other manifests (index.tsv, status chains),
# odd encodings in page folders, very many references in one `verify`, styles and locales with many long terms, many
# claims in `compare`, deeply nested rich text in Markdown/RTF/HTML output, stores with many rows under `search`/`trace`).
# s13a is developed on; s13b is run once, at the end, on the final binary. Each kind writes its own files and yields
# (reader, kind, argv) cases; the store kind fills a store through the hidden `__ingest-stress` helper first (setup,
# not a case).

def slug_for(url):
    """Python copy of DirectoryPageSource.SlugFor (host and path, other characters as '_', at most 150)."""
    s = url.strip()
    k = s.find("://")
    if k >= 0:
        s = s[k + 3:]
    out = []
    for c in s.rstrip("/"):
        if (c.isascii() and c.isalnum()) or c in ".-":
            out.append(c)
        elif out and out[-1] != "_":
            out.append("_")
    slug = "".join(out).strip("_")
    return slug[:150]


def hash_for(url):
    import hashlib
    return hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:16]


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def s13_article(urls, rng, lang_words=WORDS_DE):
    body = "".join(f"„{sentence(rng, lang_words, 8).strip()}“, sagte {NAMES[i % 10]} [{i + 1}].\n\n" for i in range(len(urls)))
    refs = "Quellen\n\n" + "".join(f"[{i + 1}] {NAMES[i % 10].split()[1]}, {NAMES[i % 10].split()[0][0]}. (2024). Story {i} on prices. Outlet{i % 40}. {u}\n" for i, u in enumerate(urls))
    return "Titel\n\n" + body + refs


def s13_csl(urls):
    return json.dumps([{"id": f"r{i}", "type": "article-newspaper", "title": f"Story {i} on prices", "URL": u, "container-title": f"Outlet{i % 40}", "issued": {"date-parts": [[2024, 1 + i % 12]]}} for i, u in enumerate(urls)])


def s13_deep_title(depth, tags, word):
    return "".join(f"<{tags[k % len(tags)]}>" for k in range(depth)) + word + "".join(f"</{tags[k % len(tags)]}>" for k in reversed(range(depth)))


def s13a_cases(size, rng, work, run_setup):
    tag = "a13"
    n = max(3, min(6000, size // 300))
    # page folder: every page the same bytes, files in nested folders named by the manifest
    urls = [f"https://news{i % 30}.example/{tag}/dup/{i}" for i in range(n)]
    d = os.path.join(work, f"{tag}-dup-{size}")
    page = f"<html><head><title>Story on prices</title></head><body><article><h1>Story on prices</h1><p>{sentence(rng, WORDS_EN, 25)}</p></article></body></html>"
    manifest = {}
    for i, u in enumerate(urls):
        rel = f"d{i % 7}/e{i % 3}/p{i}.html"
        os.makedirs(os.path.join(d, f"d{i % 7}", f"e{i % 3}"), exist_ok=True)
        write(os.path.join(d, rel), page)
        manifest[u] = rel
    write(os.path.join(d, "pages.json"), json.dumps(manifest))
    art = write(os.path.join(work, f"{tag}-dup-article.txt"), s13_article(urls, rng))
    refs = write(os.path.join(work, f"{tag}-dup-refs.json"), s13_csl(urls))
    yield "pagedir", f"{tag}-dup-nested-{n}", ["check", art, "--no-store", "--page-dir", d]
    yield "pagedir", f"{tag}-dup-nested-{n}", ["verify", refs, "--page-dir", d]
    # page folder: no manifest, files named by the URL's slug, among odd-named files and empty sub-folders
    urls = [f"https://www.site{i % 50}.example/{tag}/slug/{2024 - i % 5}/{i}/story-on-prices/" for i in range(n)]
    d = os.path.join(work, f"{tag}-slug-{size}")
    os.makedirs(d, exist_ok=True)
    for i, u in enumerate(urls):
        write(os.path.join(d, slug_for(u) + ".html"), f"<html><head><title>Story {i} on prices</title><meta property=\"og:site_name\" content=\"Outlet{i % 40}\"></head><body><p>{sentence(rng, WORDS_DE, 12)}</p></body></html>")
        if i % 5 == 0:
            write(os.path.join(d, f"odd name {i} ümlaut ✓.html"), "<p>x</p>")
            write(os.path.join(d, f".hidden-{i}.html"), "")
            os.makedirs(os.path.join(d, f"empty-{i}.html"), exist_ok=True)
    art = write(os.path.join(work, f"{tag}-slug-article.txt"), s13_article(urls, rng))
    refs = write(os.path.join(work, f"{tag}-slug-refs.json"), s13_csl(urls))
    yield "pagedir", f"{tag}-slug-odd-{n}", ["check", art, "--no-store", "--page-dir", d]
    yield "pagedir", f"{tag}-slug-odd-{n}", ["verify", refs, "--page-dir", d]
    # page folder: index.tsv manifest, pages declared windows-1252 with raw Latin-1 bytes, some bytes invalid
    urls = [f"http://archiv{i % 20}.example/{tag}/latin/{i}.htm" for i in range(n)]
    d = os.path.join(work, f"{tag}-latin-{size}")
    os.makedirs(d, exist_ok=True)
    lines = []
    for i, u in enumerate(urls):
        write(os.path.join(d, f"l{i}.htm"), f"<html><head><meta charset=\"windows-1252\"><title>Pr\udcfcfung {i} der Preise</title></head><body><p>Gr\udcfc\udcdfe \udc84Zitat\udc93 {i} \udcff\udcfe.</p></body></html>")
        lines.append(f"{u}\tl{i}.htm")
    write(os.path.join(d, "index.tsv"), "# url\tfile\n" + "\n".join(lines) + "\n")
    refs = write(os.path.join(work, f"{tag}-latin-refs.json"), json.dumps([{"id": f"l{i}", "type": "webpage", "title": f"Prüfung {i} der Preise", "URL": u} for i, u in enumerate(urls)]))
    yield "pagedir", f"{tag}-latin-tsv-{n}", ["verify", refs, "--page-dir", d]
    # very many references in one verify, nothing to read (offline: each says what it would do)
    m = max(3, size // 120)
    refs = write(os.path.join(work, f"{tag}-many-refs.json"), json.dumps([{"id": f"m{i}", "type": "article-journal", "title": f"Paper {i} on markets", "DOI": f"10.{1000 + i % 9000}/x.{i}", "URL": f"https://doi.example/{i}", "author": [{"family": NAMES[i % 10].split()[1], "given": "A"}], "issued": {"date-parts": [[1990 + i % 35]]}} for i in range(m)]))
    yield "verify", f"{tag}-verify-many-{m}", ["verify", refs, "--offline"]
    # a style with an in-style locale of many long terms, every term rendered
    head = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
    names = ["and", "et-al", "editor", "page", "in", "accessed", "retrieved", "no date", "volume", "issue"]
    t = max(1, size // 120)
    terms = "".join(f'<term name="{names[i % len(names)]}" form="{["long", "short"][i % 2]}"><single>{"s" * (i % 50)}{i}</single><multiple>{"m" * (i % 50)}{i}</multiple></term>' for i in range(t))
    st = write(os.path.join(work, f"{tag}-style-terms.csl"), head + f'<locale xml:lang="en-US"><terms>{terms}</terms></locale><citation><layout>' + "".join(f'<text term="{x}"/>' for x in names) * 50 + "</layout></citation><bibliography><layout><text variable=\"title\"/></layout></bibliography></style>")
    yield "style", f"{tag}-style-locale-terms", ["format", os.path.join(FIX, "sample.json"), "--style", st]
    # a locale file with very many distinct ordinal terms and long values
    ld = os.path.join(work, f"{tag}-locale-ordinals")
    os.makedirs(ld, exist_ok=True)
    terms = "".join(f'<term name="ordinal-{i % 100:02d}" match="{["last-digit", "last-two-digits", "whole-number"][i % 3]}">{"th" * (i % 40)}</term>' for i in range(max(1, size // 70)))
    write(os.path.join(ld, "locales-en-US.xml"), f'<?xml version="1.0" encoding="utf-8"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US"><terms>{terms}<term name="and">and</term></terms></locale>')
    yield "locale", f"{tag}-locale-ordinals", ["format", os.path.join(FIX, "sample.json"), "--style", "chicago", "--locales", ld, "--locale", "en-US"]
    # many claims in compare: one claim a line, figures and speakers, two documents
    ca = write(os.path.join(work, f"{tag}-claims-a.txt"), fill(lambda i: f"Der Umsatz von Firma {i % 300} stieg um {i % 90} Prozent, sagte {NAMES[i % 10]}.\n", size // 2))
    cb = write(os.path.join(work, f"{tag}-claims-b.txt"), fill(lambda i: f"{NAMES[(i + 1) % 10]} sagte, der Umsatz von Firma {i % 300} sei um {(i + 1) % 90} Prozent gestiegen.\n", size // 2))
    yield "compare", f"{tag}-compare-many-claims", ["compare", ca, cb]
    yield "compare", f"{tag}-compare-many-claims", ["compare", ca, cb, "--json"]
    # deep rich text in titles, rendered as Markdown and RTF
    depth = max(10, min(20000, size // 12))
    items = [{"id": "deep", "type": "book", "title": s13_deep_title(depth, ["i", "b", "sup"], "Title"), "author": [{"family": "Deep", "given": "D"}], "issued": {"date-parts": [[2020]]}}]
    items += [{"id": f"w{i}", "type": "book", "title": s13_deep_title(1 + i % 30, ["i", "b", "sc", "sub"], f"T{i}"), "issued": {"date-parts": [[2000 + i % 20]]}} for i in range(max(1, size // 400))]
    dj = write(os.path.join(work, f"{tag}-deep-rich.json"), json.dumps(items))
    yield "output", f"{tag}-deep-markdown", ["format", dj, "--style", "apa", "--to", "markdown"]
    yield "output", f"{tag}-deep-rtf", ["format", dj, "--style", "apa", "--to", "rtf"]
    # a store with many rows: search and trace over it
    db = os.path.join(work, f"{tag}-store-{size}.db")
    docs = max(2, size // 4000)
    run_setup(["__ingest-stress", "--db", db, "--count", str(docs), "--claims", "60", "--prefix", tag])
    yield "store", f"{tag}-store-{docs}x60", ["search", "Rechenzentren Milliarden", "--db", db, "--limit", "100000"]
    yield "store", f"{tag}-store-{docs}x60", ["trace", "Regierungen wollen Milliarden für Rechenzentren ausgeben", "--db", db]


def s13b_cases(size, rng, work, run_setup):
    tag = "b13"
    n = max(3, min(8000, size // 240))
    # page folder: gzip pages named in a manifest of objects with status chains and final addresses
    import gzip
    urls = [f"https://portal{i % 60}.example/{tag}/gz/{i}?ref=feed&id={i}" for i in range(n)]
    d = os.path.join(work, f"{tag}-gz-{size}")
    manifest = {}
    for i, u in enumerate(urls):
        html = f"<html><head><title>Report {i} on wages</title><meta name=\"author\" content=\"{NAMES[i % 10]}\"></head><body><main><p>{sentence(rng, WORDS_EN, 30)}</p></main></body></html>"
        write_bytes(os.path.join(d, f"g{i // 1000}", f"g{i}.html.gz"), gzip.compress(html.encode("utf-8"), 1))
        manifest[u + ("/" if i % 3 == 0 else "")] = {"file": f"g{i // 1000}/g{i}.html.gz", "status": [200, "200", 301][i % 3], "final_url": u.replace("portal", "www.portal"), "status_chain": [301, 302, 200] if i % 2 else [200]}
    write(os.path.join(d, "pages.json"), json.dumps(manifest))
    art = write(os.path.join(work, f"{tag}-gz-article.txt"), s13_article(urls, rng, WORDS_EN))
    refs = write(os.path.join(work, f"{tag}-gz-refs.json"), json.dumps([{"id": f"g{i}", "type": "report", "title": f"Report {i} on wages", "URL": u, "author": [{"family": NAMES[i % 10].split()[1], "given": NAMES[i % 10].split()[0]}]} for i, u in enumerate(urls)]))
    yield "pagedir", f"{tag}-gz-chains-{n}", ["check", art, "--no-store", "--page-dir", d]
    yield "pagedir", f"{tag}-gz-chains-{n}", ["verify", refs, "--page-dir", d]
    # page folder: hash-named files (no manifest) among as many decoy files, UTF-16 and UTF-8-BOM pages
    urls = [f"https://blog{i % 25}.example/{tag}/h/{i}.php" for i in range(n)]
    d = os.path.join(work, f"{tag}-hash-{size}")
    os.makedirs(d, exist_ok=True)
    for i, u in enumerate(urls):
        html = f"<html><head><title>Post {i} über Löhne</title></head><body><article><p>„{sentence(rng, WORDS_DE, 10).strip()}“, sagte {NAMES[i % 10]}.</p></article></body></html>"
        data = [b"\xef\xbb\xbf" + html.encode("utf-8"), b"\xff\xfe" + html.encode("utf-16-le"), html.encode("utf-8")][i % 3]
        write_bytes(os.path.join(d, hash_for(u) + [".html", ".htm"][i % 2]), data)
        write_bytes(os.path.join(d, f"decoy-{i}.html"), b"<p>decoy</p>")
    refs = write(os.path.join(work, f"{tag}-hash-refs.yaml"), "references:\n" + "".join(f"- id: h{i}\n  type: post-weblog\n  title: \"Post {i} über Löhne\"\n  URL: \"{u}\"\n" for i, u in enumerate(urls)))
    art = write(os.path.join(work, f"{tag}-hash-article.txt"), s13_article(urls, rng))
    yield "pagedir", f"{tag}-hash-bom-{n}", ["verify", refs, "--page-dir", d]
    yield "pagedir", f"{tag}-hash-bom-{n}", ["check", art, "--no-store", "--page-dir", d]
    # very many references in one verify, as BibTeX with URLs and DOIs, offline
    m = max(3, size // 150)
    bib = write(os.path.join(work, f"{tag}-many-refs.bib"), "".join(f"@article{{k{i},\n author = {{{NAMES[i % 10].split()[1]}, {NAMES[i % 10].split()[0]}}},\n title = {{Study {i} of wages}},\n journal = {{J{i % 30}}},\n year = {{{1980 + i % 45}}},\n doi = {{10.{2000 + i % 7000}/s{i}}},\n url = {{https://j{i % 30}.example/{i}}}\n}}\n" for i in range(m)))
    yield "verify", f"{tag}-verify-bib-many-{m}", ["verify", bib, "--offline"]
    # a style with many macros each printing terms with long affixes, and an in-style locale overriding them
    head = '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><info><title>x</title><id>x</id><updated>2020-01-01T00:00:00+00:00</updated></info>'
    k = max(1, size // 200)
    terms = ["editor", "translator", "page", "chapter", "section", "volume"]
    loc = "".join(f'<term name="{terms[i % 6]}" form="{["long", "short", "verb", "verb-short"][i % 4]}"><single>{"x" * (i % 60)}</single><multiple>{"y" * (i % 60)}</multiple></term>' for i in range(k))
    macros = "".join(f'<macro name="t{i}"><text term="{terms[i % 6]}" form="{["long", "short", "verb", "verb-short"][i % 4]}" plural="{["true", "false"][i % 2]}" prefix="{"[" * (i % 5)}" suffix="{"]" * (i % 5)}"/></macro>' for i in range(min(k, 3000)))
    st = write(os.path.join(work, f"{tag}-style-term-macros.csl"), head + f'<locale><terms>{loc}</terms></locale>' + macros + "<citation><layout>" + "".join(f'<text macro="t{i}"/>' for i in range(min(k, 3000))) + "</layout></citation></style>")
    yield "style", f"{tag}-style-term-macros", ["format", os.path.join(FIX, "sample.json"), "--style", st, "--citations"]
    # a locale with many long month and season terms and style options
    ld = os.path.join(work, f"{tag}-locale-months")
    os.makedirs(ld, exist_ok=True)
    terms = "".join(f'<term name="{["month", "season"][i % 2]}-{1 + i % (12 if i % 2 == 0 else 4):02d}" form="{["long", "short"][i % 2]}">{"Monat" * (1 + i % 30)}</term>' for i in range(max(1, size // 80)))
    write(os.path.join(ld, "locales-de-DE.xml"), f'<?xml version="1.0" encoding="utf-8"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="de-DE"><style-options punctuation-in-quote="true" limit-day-ordinals-to-day-1="true"/><terms>{terms}</terms></locale>')
    yield "locale", f"{tag}-locale-months", ["format", os.path.join(FIX, "sample.json"), "--style", "din", "--locales", ld, "--locale", "de-DE"]
    # many claims in compare: English quotes with speakers and outlets, three documents
    docs = [write(os.path.join(work, f"{tag}-claims-{j}.txt"), fill(lambda i, j=j: f"\"Prices at plant {(i + j) % 400} rose {(i * (j + 1)) % 70} percent,\" {NAMES[(i + j) % 10]} told Outlet{i % 40}.\n", size // 3)) for j in range(3)]
    yield "compare", f"{tag}-compare-many-quotes", ["compare"] + docs
    yield "compare", f"{tag}-compare-many-quotes", ["check"] + docs + ["--no-store", "--to", "markdown"]
    # deep rich text in titles and container titles, rendered as RTF and HTML; quotes nested in quotes
    depth = max(10, min(20000, size // 15))
    items = [{"id": "deepq", "type": "chapter", "title": "“" * 50 + s13_deep_title(depth, ["sc", "i", "span style=\"font-variant:small-caps;\"", "b"], "Kapitel") + "”" * 50, "container-title": s13_deep_title(depth // 2, ["i"], "Band"), "issued": {"date-parts": [[2021]]}}]
    items += [{"id": f"q{i}", "type": "chapter", "title": s13_deep_title(1 + i % 25, ["b", "i", "sup"], f"„K{i}“"), "container-title": "Band", "issued": {"date-parts": [[1999]]}} for i in range(max(1, size // 500))]
    dj = write(os.path.join(work, f"{tag}-deep-rich.json"), json.dumps(items))
    yield "output", f"{tag}-deep-rtf", ["format", dj, "--style", "chicago", "--to", "rtf"]
    yield "output", f"{tag}-deep-html", ["format", dj, "--style", "mla", "--to", "html"]
    # a store with many rows and many claims per document: search with common words, trace by words
    db = os.path.join(work, f"{tag}-store-{size}.db")
    docs = max(2, size // 9000)
    run_setup(["__ingest-stress", "--db", db, "--count", str(docs), "--claims", "150", "--prefix", tag])
    yield "store", f"{tag}-store-{docs}x150", ["search", "Sprecherin Quelle", "--db", db]
    yield "store", f"{tag}-store-{docs}x150", ["trace", "Quelle berichtet Regierungen Milliarden Rechenzentren Sprecherin", "--db", db, "--depth", "3"]


S13 = {"s13a": s13a_cases, "s13b": s13b_cases}


# ---------------------------------------------------------------- runs

def run(argv, stdin_path, timeout):
    t0 = time.monotonic()
    with open(stdin_path or os.devnull, "rb") as fin:
        p = subprocess.Popen(argv, stdin=fin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = p.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, err = p.communicate()
            timed_out = True
    wall = time.monotonic() - t0
    return p, out, err, wall, timed_out


class Runner:
    def __init__(self, binary, work, timeout):
        self.binary, self.work, self.timeout = binary, work, timeout
        self.results = []

    def case(self, reader, kind, size, args, stdin_path=None):
        if CMDS and args[0] not in CMDS:
            return None
        before = os.times()
        # children's CPU accrues in os.times() after wait
        # an IL build (a .dll) runs through the dotnet host; the shipped binary runs as is
        lead = ["dotnet", self.binary] if self.binary.endswith(".dll") else [self.binary]
        p, out, err, wall, timed_out = run(lead + args, stdin_path, self.timeout)
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        rss = max_rss_delta()
        err_s = err.decode("utf-8", "replace")
        out_s = out[:200000].decode("utf-8", "replace")
        failure = None
        code = p.returncode
        if timed_out:
            failure = f"killed after {self.timeout} s"
        elif code < 0:
            failure = f"signal {-code}"
        elif code not in (0, 1, 2, 3):
            failure = f"exit {code}"
        elif STACK.search(err_s) or STACK.search(out_s[:5000] if code != 0 else ""):
            failure = "stack trace / exception name: " + next((l for l in err_s.splitlines() if STACK.search(l)), err_s[:200])[:200]
        elif code == 3:
            lines = [l for l in err_s.splitlines() if l.strip()]
            errs = [l for l in lines if l.startswith("error") or " error " in l]
            bad = [l for l in errs if not POSITIONED.match(l)]
            if not errs:
                failure = "exit 3 without an error line: " + err_s[:200]
            elif bad:
                failure = "unpositioned: " + bad[0][:200]
        if failure is None and size < 2_000_000 and (cpu > 10 or wall > WALL_LIMIT[0]):
            failure = f"over 10 s (cpu {cpu:.1f} s, wall {wall:.1f} s)"
        if failure is None and size < 20_000_000 and rss >= 1024 * 1024:
            failure = f"peak {rss / 1024:.0f} MB"
        r = dict(reader=reader, kind=kind, size=size, cmd=args[0], code=code, cpu=cpu, wall=wall, rss_mb=rss / 1024, failure=failure,
                 args=" ".join(args)[:300])
        self.results.append(r)
        flag = "FAIL " + failure if failure else "ok"
        print(f"{reader:10} {kind:22} {args[0]:10} {size:>10,} exit {code} cpu {cpu:6.2f} wall {wall:6.2f} rss {rss / 1024:6.0f} MB {flag}", flush=True)
        return r


def max_rss_delta():
    # RUSAGE_CHILDREN's maxrss is the largest of all children so far; per-case peaks come from wait4 instead (below)
    return LAST_RSS[0]


LAST_RSS = [0]
CMDS = set()
WALL_LIMIT = [10.0]


def patch_popen_for_rusage():
    """Reap children with wait4 to read each one's own peak RSS."""
    orig_wait = subprocess.Popen._try_wait

    def _try_wait(self, wait_flags):
        try:
            pid, sts, ru = os.wait4(self.pid, wait_flags)
            if pid == self.pid:
                LAST_RSS[0] = ru.ru_maxrss
        except ChildProcessError:
            pid, sts = self.pid, 0
        return (pid, sts)

    subprocess.Popen._try_wait = _try_wait
    return orig_wait


def write(path, text):
    # surrogateescape: a lone surrogate U+DC80-U+DCFF in a generated text is written as the raw byte (mixed encodings)
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.write(text)
    return path


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        if not data:
            data += b"x"
        i = rng.randrange(len(data))
        if op == 0:
            data[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            del data[i:i + rng.randint(1, 64)]
        elif op == 2:
            data[i:i] = bytes(rng.choice([b"{", b"}", b"<", b">", b"\"", b"\\", b"&", b"\xff", b"\xc3", b"\x00", b"\x1b[2J", b"*a", b"&a "]))
        elif op == 3:
            j = rng.randrange(len(data))
            chunk = data[min(i, j):max(i, j)][:4096]
            data[i:i] = chunk * rng.randint(1, 20)
        elif op == 4:
            del data[i:]
        else:
            data[i:i] = bytes([rng.randrange(256)])
    return bytes(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--sizes", default="100000,1900000")
    ap.add_argument("--mutants", type=int, default=150)
    ap.add_argument("--only", default="")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--work", default="/tmp/hostile-campaign")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--json", default="")
    ap.add_argument("--keep", action="store_true", help="keep the generated inputs in --work")
    ap.add_argument("--set", default="s9", choices=["s9", "s10", "s11a", "s11b", "s12a", "s12b", "s13a", "s13b"],
                    help="which generated kinds: s9 (CI), the session-10 held-out kinds, s11a/s12a/s13a (session-11/12/13 development) or s11b/s12b/s13b (session-11/12/13 held out)")
    ap.add_argument("--wall-limit", type=float, default=10.0, help="wall seconds allowed under 2 MB (CPU is always held to 10 s)")
    ap.add_argument("--cmds", default="", help="run only these commands (e.g. check,claims)")
    a = ap.parse_args()
    CMDS.update(x for x in a.cmds.split(",") if x)
    WALL_LIMIT[0] = a.wall_limit
    patch_popen_for_rusage()
    sizes = [int(float(s)) for s in a.sizes.split(",") if s]
    only = set(x for x in a.only.split(",") if x)
    rng = random.Random(a.seed)
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    R = Runner(os.path.abspath(a.bin), a.work, a.timeout)
    sample_json = os.path.join(FIX, "sample.json")
    print(f"load at start: {os.getloadavg()[0]:.1f}", flush=True)

    def want(reader):
        return not only or reader in only


    P = "{file}"  # stands for the generated file in a command below

    def run_kinds(table, size):
        """Each reader's generated kinds at one size, each through the reader's commands (generators draw from rng in table order)."""
        for reader, ext, kinds, cmds in table:
            if not want(reader):
                continue
            for kind, text in kinds(size, rng):
                p = write(os.path.join(a.work, kind + ext), text)
                for cmd in cmds:
                    R.case(reader, kind, size, [p if x == P else x for x in cmd])

    if a.set == "s10":
        s10_table = [
            ("text", ".txt", s10_text_kinds, [["claims", P], ["check", P, "--no-store"], ["compare", P, P], ["parse", P]]),
            ("html", ".html", s10_html_kinds, [["page", P], ["claims", P], ["check", P, "--no-store"], ["parse", P, "--from", "html"]]),
            ("bibtex", ".bib", s10_bibtex_kinds, [["parse", P], ["format", P, "--style", "apa"]]),
            ("ris", ".ris", s10_ris_kinds, [["parse", P, "--to", "csl-json"], ["format", P, "--style", "ieee"]]),
            ("csl-json", ".json", s10_json_kinds, [["format", P, "--style", "chicago"], ["parse", P, "--to", "bibtex"]]),
            ("yaml", ".yaml", s10_yaml_kinds, [["format", P, "--style", "mla"]]),
            ("style", ".csl", s10_style_kinds, [["format", sample_json, "--style", P]]),
        ]
        for size in sizes:
            run_kinds(s10_table, size)
            if want("locale"):
                for kind, text in s10_locale_files(size, rng):
                    d = os.path.join(a.work, kind)
                    os.makedirs(d, exist_ok=True)
                    write(os.path.join(d, "locales-en-US.xml"), text)
                    R.case("locale", kind, size, ["format", sample_json, "--style", "apa", "--locales", d, "--locale", "en-US"])
        sizes = []  # the s9 kinds below are not run in this set
        a.mutants = 0

    if a.set in S11:
        k = S11[a.set]
        table = [
            ("text", ".txt", k["text"], [["claims", P], ["check", P, "--no-store"], ["compare", P, P], ["parse", P]]),
            ("html", ".html", k["html"], [["page", P], ["claims", P], ["check", P, "--no-store"], ["parse", P, "--from", "html"]]),
            ("bibtex", ".bib", k["bibtex"], [["parse", P], ["format", P, "--style", "apa"]]),
            ("ris", ".ris", k["ris"], [["parse", P, "--to", "csl-json"], ["format", P, "--style", "ieee"]]),
            ("csl-json", ".json", k["json"], [["format", P, "--style", "chicago"], ["parse", P, "--to", "bibtex"]]),
            ("yaml", ".yaml", k["yaml"], [["format", P, "--style", "mla"]]),
            ("style", ".csl", k["style"], [["format", sample_json, "--style", P]]),
        ]
        for size in sizes:
            run_kinds(table, size)
            if want("locale"):
                for kind, text in k["locale"](size, rng):
                    d = os.path.join(a.work, kind)
                    os.makedirs(d, exist_ok=True)
                    write(os.path.join(d, "locales-en-US.xml"), text)
                    R.case("locale", kind, size, ["format", sample_json, "--style", "apa", "--locales", d, "--locale", "en-US"])
            if want("compare"):
                for kind, texts in k["compare"](size, rng):
                    # two texts (s11) or many tiny documents (s12)
                    ps = [write(os.path.join(a.work, f"{kind}-{j}.txt"), t) for j, t in enumerate(texts)]
                    R.case("compare", kind, size, ["compare"] + ps)
                    R.case("compare", kind, size, ["check"] + ps + ["--no-store"])
            if want("pagedir"):
                if "pages" in k:  # s12: larger page folders (more and longer pages)
                    article, manifest, files, csl = refs_and_pages(size, rng, k["tag"], most=k["pages"], per=250, words=k["page_words"])
                else:
                    article, manifest, files, csl = refs_and_pages(size, rng, k["tag"])
                d = os.path.join(a.work, f"pages-{k['tag']}-{size}")
                os.makedirs(d, exist_ok=True)
                for name, html in files.items():
                    write(os.path.join(d, name), html)
                write(os.path.join(d, "pages.json"), json.dumps(manifest))
                pa = write(os.path.join(a.work, f"pagedir-article-{size}.txt"), article)
                pr = write(os.path.join(a.work, f"pagedir-refs-{size}.json"), json.dumps(csl))
                mark = k["tag"] if "pages" in k else k["tag"] + "11"
                R.case("pagedir", f"{mark}-page-dir-{len(files)}", size, ["check", pa, "--no-store", "--page-dir", d])
                R.case("pagedir", f"{mark}-verify-dir-{len(files)}", size, ["verify", pr, "--page-dir", d])
        sizes = []
        a.mutants = 0

    if a.set in S13:
        lead = ["dotnet", R.binary] if R.binary.endswith(".dll") else [R.binary]

        def run_setup(args):
            subprocess.run(lead + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=a.timeout * 10)

        for size in sizes:
            for reader, kind, args in S13[a.set](size, rng, a.work, run_setup):
                if want(reader):
                    R.case(reader, kind, size, args)
        sizes = []
        a.mutants = 0

    s9_table = [
        ("text", ".txt", text_kinds, [["claims", P], ["check", P, "--no-store"], ["parse", P]]),
        ("html", ".html", html_kinds, [["page", P], ["claims", P], ["check", P, "--no-store"], ["parse", P, "--from", "html"]]),
        ("bibtex", ".bib", bibtex_kinds, [["parse", P], ["format", P, "--style", "apa"]]),
        ("ris", ".ris", ris_kinds, [["parse", P, "--to", "bibtex"], ["format", P, "--style", "ieee"]]),
        ("csl-json", ".json", json_kinds, [["format", P, "--style", "chicago"], ["parse", P, "--to", "yaml"]]),
        ("yaml", ".yaml", yaml_kinds, [["format", P, "--style", "mla"]]),
        ("style", ".csl", style_kinds, [["format", sample_json, "--style", P]]),
        ("similarity", ".jsonl", pair_kinds, [["similarity", "--pairs", P]]),
    ]
    for size in sizes:
        run_kinds(s9_table, size)
        if want("compare"):
            for kind, (ta, tb) in compare_kinds(size, rng):
                pa = write(os.path.join(a.work, kind + "-a.txt"), ta)
                pb = write(os.path.join(a.work, kind + "-b.txt"), tb)
                R.case("compare", kind, size, ["compare", pa, pb])
                R.case("compare", kind, size, ["check", pa, pb, "--no-store"])

    # mutants of the repository's sample inputs, each through the command that reads it
    seeds = []
    for rel, cmds in [("sample.bib", [["parse"], ["format", "--style", "apa"]]), ("sample.ris", [["parse"]]),
                      ("sample.json", [["format", "--style", "apa"]]), ("sample-article.txt", [["parse"], ["claims"]])]:
        seeds.append((os.path.join(FIX, rel), cmds))
    for d, cmds in [("check", [["check", "--no-store"], ["claims"]]), ("pages", [["page"], ["claims"]])]:
        for name in sorted(os.listdir(os.path.join(FIX, d)))[:6]:
            if name.endswith((".txt", ".html")):
                seeds.append((os.path.join(FIX, d, name), cmds))
    styles = os.path.join(ROOT, "styles")
    for name in sorted(os.listdir(styles))[:4]:
        if name.endswith(".csl"):
            seeds.append((os.path.join(styles, name), [["format", sample_json, "--style"]]))
    if want("mutant") and a.mutants:
        for i in range(a.mutants):
            src, cmds = rng.choice(seeds)
            data = mutate(open(src, "rb").read(), rng)
            ext = os.path.splitext(src)[1]
            p = os.path.join(a.work, f"mutant-{i}{ext}")
            with open(p, "wb") as f:
                f.write(data)
            cmd = rng.choice(cmds)
            args = cmd + [p] if cmd[-1] == "--style" else [cmd[0], p] + cmd[1:]
            R.case("mutant", os.path.basename(src), len(data), args)

    # summary
    print(f"\nload at end: {os.getloadavg()[0]:.1f}")
    print(f"{'reader':10} {'cases':>6} {'fail':>5} {'worst cpu s':>12} {'worst wall s':>13} {'worst MB':>9} {'slope':>6}")
    by = {}
    for r in R.results:
        by.setdefault(r["reader"], []).append(r)
    for reader, rs in by.items():
        fails = sum(1 for r in rs if r["failure"])
        slope = fit_slope([(r["size"], r["cpu"]) for r in rs])
        print(f"{reader:10} {len(rs):6} {fails:5} {max(r['cpu'] for r in rs):12.2f} {max(r['wall'] for r in rs):13.2f} {max(r['rss_mb'] for r in rs):9.0f} {slope:6.2f}")
    fails = [r for r in R.results if r["failure"]]
    print(f"\n{len(R.results)} cases, {len(fails)} failures")
    for r in fails:
        print(f"FAIL {r['reader']} {r['kind']} {r['size']:,}: {r['failure']} ({r['args']})")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(R.results, f, indent=1)
    if not a.keep:
        shutil.rmtree(a.work, ignore_errors=True)
    return 1 if fails else 0


def fit_slope(points):
    pts = [(math.log(s), math.log(max(c, 0.01))) for s, c in points if s > 0]
    if len(set(x for x, _ in pts)) < 2:
        return float("nan")
    n = len(pts)
    mx = sum(x for x, _ in pts) / n
    my = sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    sxy = sum((x - mx) * (y - my) for x, y in pts)
    return sxy / sxx


if __name__ == "__main__":
    sys.exit(main())
