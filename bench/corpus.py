"""Deterministic benchmark corpora: seed-sized pages, both label styles, a few broken pages."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

STEMS = [
    "sertra", "parox", "fluox", "citalo", "escitalo", "venla", "dulox", "mirta", "trazo", "clonaze",
    "alpra", "loraze", "diaze", "trama", "oxyco", "morphi", "lithi", "ibupro", "napro", "warfa",
    "metfor", "lisino", "amlodi", "atorva", "omepra", "levothy", "predni", "gabapen", "pregaba", "quetia",
]
ENDINGS = ["line", "tine", "pam", "lam", "done", "zole", "pril", "pine", "statin", "mide", "xone", "fen"]
WORDS = (
    "patients doctor dose daily effect risk nausea headache sleep mood anxiety pain blood pressure liver "
    "kidney heart monitoring weeks months tablet evening morning alcohol driving withdrawal taper serotonin "
    "sedation breathing bleeding stomach dizziness fatigue appetite weight interaction levels response"
).split()
BROKEN = [
    b"---\ntitle: [unclosed\n---\n\nno heading here\n",
    b"---\n- a list\n---\n\ntext\n",
    b"\x00\x01binary",
    b"",
]


def drug_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add((rng.choice(STEMS) + rng.choice(ENDINGS)).capitalize() + rng.choice(["", "", "a", "ol", "ex"]))
    return sorted(names)


def sentence(rng: random.Random, n: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def make_page(title: str, drugs: list[str], rng: random.Random, headings: bool) -> str:
    def label(name: str) -> str:
        return f"## {name}" if headings else f"**{name}:**"

    faqs = "\n".join(f"* **{sentence(rng, 6)[:-1]}?** {paragraph(rng, 2)}" for _ in range(4))
    per_drug = "\n\n".join(f"* **{d}:** {paragraph(rng, 2)}" for d in drugs)
    parts = [
        f"---\nlayout: minimal-medicine\nnav_exclude: true\ntitle: {title}\n---\n",
        f"# {title}\n",
        paragraph(rng, 3) + "\n",
        f"**Generic Name:** {' and '.join(drugs)}. {sentence(rng)}\n",
        f"{label('Usage')}\n\n{per_drug}\n\n{paragraph(rng, 3)}\n",
        f"{label('Side Effects')}\n\n{paragraph(rng, 2)}\n\n{per_drug}\n",
        f"{label('How it Works')}\n\n{per_drug}\n",
        f"{label('FAQs')}\n\n{faqs}\n",
        f"**Disclaimer:** {paragraph(rng, 2)}\n",
        f"**Note:** {sentence(rng)}\n",
    ]
    return "\n".join(parts)


def generate(folder: Path, pages: int, seed: int = 1) -> Path:
    """Write ``pages`` pages (about 1 in 500 broken) into ``folder``, spread over subfolders."""
    rng = random.Random(seed)
    names = drug_names(max(40, int(pages**0.5) + 20), rng)
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[tuple[str, ...]] = set()
    for index in range(pages):
        sub = folder / f"{index % 20:02d}"
        sub.mkdir(exist_ok=True)
        if index % 500 == 499:
            (sub / f"broken-{index}.md").write_bytes(BROKEN[(index // 500) % len(BROKEN)])
            continue
        while True:
            drugs = rng.sample(names, 3 if rng.random() < 0.05 else 2)
            if tuple(drugs) not in seen:
                seen.add(tuple(drugs))
                break
        title = " + ".join(drugs)
        text = make_page(title, drugs, rng, headings=bool(index % 2))
        (sub / ("-".join(d.lower() for d in drugs) + ".md")).write_text(text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    generate(args.folder, args.pages)
