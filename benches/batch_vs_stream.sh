#!/usr/bin/env bash
# Throughput of `marsad annotate` over 1,000 articles: a folder (batch, on
# all cores) against the same articles piped as JSON lines (streaming).
# Articles are ANERcorp's news sentences, eight to an article.
# Run from the repository: bash benches/batch_vs_stream.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release --quiet
bin=target/release/marsad
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
sentences, words = [], []
for line in open("data/ner/anercorp-train.txt", encoding="utf-8"):
    parts = line.split()
    if parts:
        words.append(parts[0])
    elif words:
        sentences.append(" ".join(words)); words = []
os.makedirs(f"{work}/articles")
with open(f"{work}/articles.jsonl", "w", encoding="utf-8") as jl:
    for i in range(1000):
        text = "\n".join(sentences[(i * 8 + k) % len(sentences)] for k in range(8)) + "\n"
        with open(f"{work}/articles/{i:04}.txt", "w", encoding="utf-8") as f:
            f.write(text)
        jl.write(json.dumps({"id": f"{i:04}", "text": text}, ensure_ascii=False) + "\n")
PY
du -sh "$work/articles.jsonl"
for r in $(seq "$runs"); do
  rm -rf "$work/out"
  /usr/bin/time -f "batch  run $r: %e s wall, %U s user, %P CPU, %M KB peak" \
    "$bin" annotate "$work/articles" --format jsonl --out "$work/out" >/dev/null
  /usr/bin/time -f "stream run $r: %e s wall, %U s user, %P CPU, %M KB peak" \
    "$bin" annotate - --format jsonl <"$work/articles.jsonl" >"$work/stream.jsonl"
done
wc -l "$work/out/annotations.jsonl" "$work/stream.jsonl"
