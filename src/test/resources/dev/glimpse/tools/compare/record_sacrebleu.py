# Records sacrebleu's corpus BLEU (13a, lowercase, no smoothing and exp smoothing) for the fixed sentence sets in
# src/test/resources/dev/glimpse/tools/compare/bleu-sets.json; run where sacrebleu is installed.
import json, os, sys
import sacrebleu
from sacrebleu.metrics import BLEU
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

sets = json.load(open(sys.argv[1]))
tok = Tokenizer13a()
out = {"sacrebleu": sacrebleu.__version__, "sets": []}
for s in sets:
    hyps = s["hypotheses"]
    n = max(len(r) for r in s["references"])
    streams = [[refs[i] for refs in s["references"]] for i in range(n)]
    rec = {"name": s["name"]}
    for smooth in ("none", "exp"):
        b = BLEU(lowercase=True, tokenize="13a", smooth_method=smooth).corpus_score(hyps, streams)
        rec[smooth] = {"score": b.score, "precisions": b.precisions, "bp": b.bp, "sys_len": b.sys_len, "ref_len": b.ref_len}
    rec["tokens"] = {x: tok(x.lower()) for x in hyps + [r for refs in s["references"] for r in refs]}
    try:
        from torchmetrics.functional.text import word_error_rate
        rec["wer_first_ref"] = float(word_error_rate([h.lower() for h in hyps], [r[0].lower() for r in s["references"]]))
    except Exception as e:
        rec["wer_error"] = repr(e)
    out["sets"].append(rec)
json.dump(out, open(os.path.join(os.environ.get("OUT", "."), "sacrebleu.json"), "w"), indent=1)
print(json.dumps(out)[:3000])
