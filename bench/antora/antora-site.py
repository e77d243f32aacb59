#!/usr/bin/env python3
"""antora-site.py SOURCE WORK: lays a portal source (content/<year>/*.adoc, first line '= Title') out as
an Antora 3.1 site in WORK (a git repository with antora.yml, modules/ROOT/pages/<year>/*.adoc and a
playbook that uses the local UI bundle beside this script; nothing is downloaded at build time, and
Antora's cache folder is WORK/cache, so removing WORK/build and WORK/cache makes the next build cold).

Antora then converts the same AsciiDoc as the portal, so the two builds can be timed side by side.
bench/run.sh does all of it (README, "Benchmark"); by hand, from the repository's root:
    mkdir -p target/bench/antora-npm && cp bench/antora/package*.json target/bench/antora-npm/
    npm ci --prefix target/bench/antora-npm --no-audit --no-fund                 # once
    python3 bench/antora/antora-site.py SOURCE WORK                              # once per corpus
    (cd WORK && rm -rf build cache && $OLDPWD/target/bench/antora-npm/node_modules/.bin/antora antora-playbook.yml)
Indicator macros (ind:<id>[]) are left as text: Antora has no indicator join, so it does less work."""
import os, shutil, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
source, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
content = os.path.join(source, "content")
shutil.rmtree(work, ignore_errors=True)
repo = os.path.join(work, "docs")
pages = os.path.join(repo, "modules", "ROOT", "pages")
os.makedirs(pages)
with open(os.path.join(repo, "antora.yml"), "w") as f:
    f.write("name: report\nversion: ~\ntitle: 报告\n")
index = ["= 报告", ""]
for year in sorted(d for d in os.listdir(content) if d.isdigit()):
    for name in sorted(os.listdir(os.path.join(content, year))):
        if not name.endswith(".adoc") or name == "index.adoc":
            continue
        text = open(os.path.join(content, year, name), encoding="utf-8").read()
        os.makedirs(os.path.join(pages, year), exist_ok=True)
        with open(os.path.join(pages, year, name), "w", encoding="utf-8") as f:
            f.write(text)
        title = text.splitlines()[0].lstrip("= ").strip() if text.startswith("=") else name
        index.append("* xref:%s/%s[%s]" % (year, name, title))
with open(os.path.join(pages, "index.adoc"), "w", encoding="utf-8") as f:
    f.write("\n".join(index) + "\n")
with open(os.path.join(work, "antora-playbook.yml"), "w") as f:
    f.write("site:\n  title: 报告\n  start_page: report::index.adoc\n"
            "content:\n  sources:\n  - url: ./docs\n    branches: HEAD\n"
            "ui:\n  bundle:\n    url: %s\n  output_dir: _\n"
            "runtime:\n  cache_dir: ./cache\n  fetch: false\n  quiet: true\n"
            "output:\n  dir: ./build/site\n" % os.path.join(here, "ui"))
git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-C", repo]
subprocess.run(git[:5] + ["init", "-q", repo], check=True)
subprocess.run(git + ["add", "-A"], check=True)
subprocess.run(git + ["commit", "-qm", "corpus"], check=True)
print("antora site for %s -> %s" % (source, work))
