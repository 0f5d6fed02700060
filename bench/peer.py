"""The peer: the same segmentation job as a data scientist would write it with pandas +
scikit-learn, and the k-means per-iteration timing on exactly segmenta's vectors.

  peer.py job CSV RUN_JSON --k K --n-init N --seed S --svd D --out DIR
      read the CSV with pandas; the columns' roles come from segmenta's run.json (same
      inference, so both do the same job): numerics (and dates as days before the latest)
      median-imputed and standardised, categoricals one-hot, text TF-IDF -> TruncatedSVD(D);
      KMeans(k, n_init); per-segment means and sizes; assignments.csv written.
  peer.py kmeans VECTORS.f32 INIT.f32 --n N --dim D --k K --iters M
      KMeans(algorithm='lloyd', init=INIT, n_init=1, max_iter=M, tol=0) on the raw Float32
      vectors segmenta wrote (index/vectors.f32); seconds per iteration, best of 2.

  peer.py truth CSV TRUTH.txt --k K --seed S --svd D
      the plain scikit-learn pipeline of issue 14 on a planted file, roles read from the file
      itself: median impute, log1p on skewed non-negative numerics, standardise, one-hot,
      TF-IDF -> TruncatedSVD(D), KMeans(k, n_init=10); ARI against TRUTH.txt (one label a line).

Prints one JSON line. Needs Debian's python3-pandas and python3-sklearn (/usr/bin/python3).
"""
import argparse
import json
import os
import resource
import sys
import time

T_START = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.decomposition import TruncatedSVD  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.preprocessing import OneHotEncoder, StandardScaler  # noqa: E402
import sklearn  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - T_START


def peak_rss_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def kernel_info():
    """Which BLAS/OpenMP libraries and kernels the process runs (threadpoolctl, if present)."""
    try:
        from threadpoolctl import threadpool_info

        return [
            {k: v for k, v in lib.items() if k in ("user_api", "internal_api", "version", "architecture", "num_threads")}
            for lib in threadpool_info()
        ]
    except Exception as err:  # threadpoolctl missing or failing: say so, do not fail the bench
        return [{"error": str(err)}]


def env_info():
    return {
        "python": sys.version.split()[0],
        "pandas": pd.__version__,
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
        "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE"),
        "kernels": kernel_info(),
    }


def job(args):
    stages = {}

    def mark(name, t0):
        stages[name] = round(time.perf_counter() - t0, 3)
        return time.perf_counter()

    with open(args.run_json) as f:
        run = json.load(f)
    roles = {c["name"]: c["role"] for c in run["schema"]["columns"]}
    numeric = [c for c, r in roles.items() if r in ("numeric", "boolean")]
    dates = [c for c, r in roles.items() if r == "datetime"]
    cats = [c for c, r in roles.items() if r == "categorical"]
    texts = [c for c, r in roles.items() if r == "text"]
    id_col = run["schema"]["idColumn"]

    t = time.perf_counter()
    df = pd.read_csv(args.csv, dtype=str, keep_default_na=True)
    df = df.drop_duplicates(subset=[id_col]) if id_col in df.columns else df
    t = mark("read", t)

    blocks = []
    num = pd.DataFrame(index=df.index)
    for c in numeric:
        s = df[c].str.strip().str.lower()
        mapped = s.map({"yes": 1.0, "no": 0.0, "true": 1.0, "false": 0.0, "y": 1.0, "n": 0.0})
        num[c] = pd.to_numeric(df[c], errors="coerce").fillna(mapped)
    for c in dates:
        d = pd.to_datetime(df[c], errors="coerce")
        num[c + "_days_ago"] = (d.max() - d).dt.total_seconds() / 86400
    num = num.fillna(num.median())
    blocks.append(StandardScaler().fit_transform(num.to_numpy(dtype=np.float64)))
    t = mark("numeric", t)

    if cats:
        enc = OneHotEncoder(handle_unknown="ignore")
        blocks.append(enc.fit_transform(df[cats].fillna("(missing)")).toarray())
    t = mark("categorical", t)

    for c in texts:
        tfidf = TfidfVectorizer(stop_words="english", min_df=5, max_features=20000)
        m = tfidf.fit_transform(df[c].fillna(""))
        blocks.append(TruncatedSVD(n_components=min(args.svd, m.shape[1] - 1), random_state=args.seed).fit_transform(m))
    t = mark("text", t)

    x = np.ascontiguousarray(np.hstack(blocks), dtype=np.float32)
    km = KMeans(n_clusters=args.k, n_init=args.n_init, random_state=args.seed).fit(x)
    labels = km.labels_
    t = mark("kmeans", t)

    prof = num.groupby(labels).mean()
    sizes = np.bincount(labels, minlength=args.k)
    cat_top = {c: df.groupby(labels)[c].agg(lambda s: s.value_counts().index[0] if s.notna().any() else None).to_dict() for c in cats}
    t = mark("profile", t)

    os.makedirs(args.out, exist_ok=True)
    pd.DataFrame({id_col: df[id_col], "segment": labels + 1}).to_csv(os.path.join(args.out, "assignments.csv"), index=False)
    with open(os.path.join(args.out, "profiles.json"), "w") as f:
        json.dump({"sizes": sizes.tolist(), "means": json.loads(prof.to_json()), "top": {c: {str(k): v for k, v in d.items()} for c, d in cat_top.items()}}, f)
    t = mark("write", t)

    return {
        "kind": "peer-job",
        "n": int(len(df)),
        "dim": int(x.shape[1]),
        "k": args.k,
        "nInit": args.n_init,
        "iterations": int(km.n_iter_),
        "importSeconds": round(IMPORT_SECONDS, 3),
        "seconds": round(time.perf_counter() - T_START, 3),
        "stages": stages,
        "peakRssMb": peak_rss_mb(),
        "env": env_info(),
    }


def kmeans_iter(args):
    x = np.fromfile(args.vectors, dtype=np.float32).reshape(args.n, args.dim)
    init = np.fromfile(args.init, dtype=np.float32).reshape(args.k, args.dim)
    best = float("inf")
    iters = 0
    inertia = 0.0
    for _ in range(2):
        t0 = time.perf_counter()
        km = KMeans(n_clusters=args.k, init=init, n_init=1, max_iter=args.iters, tol=0, algorithm="lloyd").fit(x)
        s = time.perf_counter() - t0
        if s < best:
            best = s
        iters = int(km.n_iter_)
        inertia = float(km.inertia_)
    return {
        "kind": "peer-kmeans",
        "n": args.n,
        "dim": args.dim,
        "k": args.k,
        "iterations": iters,
        "inertia": inertia,
        "seconds": round(best, 4),
        "perIterationMs": round(best * 1000 / iters, 3),
        "peakRssMb": peak_rss_mb(),
        "env": env_info(),
    }


def truth(args):
    from sklearn.metrics import adjusted_rand_score

    df = pd.read_csv(args.csv, dtype=str, keep_default_na=True)
    truth_labels = np.loadtxt(args.truth, dtype=int)
    id_col = df.columns[0]
    numeric, cats, texts = [], [], []
    for c in df.columns[1:]:
        s = df[c].dropna()
        as_num = pd.to_numeric(s, errors="coerce")
        low = s.str.strip().str.lower()
        if as_num.notna().mean() > 0.95:
            numeric.append(c)
        elif low.isin(["yes", "no", "true", "false"]).mean() > 0.95:
            numeric.append(c)
        elif s.str.split().str.len().mean() > 2.5:
            texts.append(c)
        else:
            cats.append(c)
    num = pd.DataFrame(index=df.index)
    for c in numeric:
        mapped = df[c].str.strip().str.lower().map({"yes": 1.0, "no": 0.0, "true": 1.0, "false": 0.0})
        num[c] = pd.to_numeric(df[c], errors="coerce").fillna(mapped)
    num = num.fillna(num.median())
    for c in numeric:
        if num[c].min() >= 0 and num[c].skew() > 1:
            num[c] = np.log1p(num[c])
    blocks = [StandardScaler().fit_transform(num.to_numpy(dtype=np.float64))]
    if cats:
        blocks.append(OneHotEncoder(handle_unknown="ignore").fit_transform(df[cats].fillna("(missing)")).toarray())
    for c in texts:
        m = TfidfVectorizer(min_df=2).fit_transform(df[c].fillna(""))
        blocks.append(TruncatedSVD(n_components=min(args.svd, m.shape[1] - 1), random_state=args.seed).fit_transform(m))
    x = np.hstack(blocks)
    km = KMeans(n_clusters=args.k, n_init=10, random_state=args.seed).fit(x)
    return {
        "kind": "peer-truth",
        "n": int(len(df)),
        "k": args.k,
        "ari": float(adjusted_rand_score(truth_labels, km.labels_)),
        "roles": {"numeric": numeric, "categorical": cats, "text": texts, "id": id_col},
        "env": {"sklearn": sklearn.__version__},
    }


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="mode", required=True)
    j = sub.add_parser("job")
    j.add_argument("csv")
    j.add_argument("run_json")
    j.add_argument("--k", type=int, required=True)
    j.add_argument("--n-init", type=int, default=10)
    j.add_argument("--seed", type=int, default=42)
    j.add_argument("--svd", type=int, default=16)
    j.add_argument("--out", required=True)
    km = sub.add_parser("kmeans")
    km.add_argument("vectors")
    km.add_argument("init")
    km.add_argument("--n", type=int, required=True)
    km.add_argument("--dim", type=int, required=True)
    km.add_argument("--k", type=int, required=True)
    km.add_argument("--iters", type=int, default=20)
    tr = sub.add_parser("truth")
    tr.add_argument("csv")
    tr.add_argument("truth")
    tr.add_argument("--k", type=int, required=True)
    tr.add_argument("--seed", type=int, default=42)
    tr.add_argument("--svd", type=int, default=16)
    args = p.parse_args()
    out = job(args) if args.mode == "job" else kmeans_iter(args) if args.mode == "kmeans" else truth(args)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
