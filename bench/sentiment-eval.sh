#!/usr/bin/env bash
# Accuracy of the shipped sentiment models on the held-out parts of the labelled sets (and of the lexicon scorer,
# for comparison), plus the project-written news-style sanity set. Not a test: it needs the data sets.
#
#   bench/sentiment-eval.sh ../shared/datasets/sentiment
#
# It retrains into a temporary directory (which also writes the held-out splits) and says whether the weights are
# identical to the shipped ones (same data, same seed, same weights), then runs eval-sentiment on each set.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:?usage: bench/sentiment-eval.sh DATASETS_DIR (e.g. ../shared/datasets/sentiment)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bin/newsflow train-sentiment --data "$data" --out "$work/model" --heldout-out "$work/heldout"
for lang in en ja; do
  if cmp -s "$work/model/sentiment-model-$lang-v1.tsv" "streams-app/src/main/resources/text/sentiment-model-$lang-v1.tsv"; then
    echo "retrained $lang model: identical to the shipped one"
  else
    echo "retrained $lang model: DIFFERS from the shipped one"
  fi
done
for set in "$work/heldout/heldout-en.tsv" "$work/heldout/heldout-ja.tsv" "$work/heldout/heldout-ja-comments.tsv" \
    streams-app/src/test/resources/sentiment/news-style-en.tsv streams-app/src/test/resources/sentiment/news-style-ja.tsv \
    "$work/heldout/heldout-en-press-sentences.tsv" streams-app/src/test/resources/sentiment/press-blind-en.tsv; do
  for scorer in model lexicon; do
    echo "== $(basename "$set") scorer=$scorer"
    bin/newsflow --set text.sentiment.scorer=$scorer eval-sentiment --input "$set" | tail -3
  done
done
