"""The interface in Hindi: LANGUAGE=hi starts the window with Hindi words (page text as written),
Devanagari is drawn with real glyphs on a machine without an Indic font of its own, and the
translation files are up to date with the code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from types import SimpleNamespace

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QTextLayout

from tests.helpers import REPO
from viewer.core import words
from viewer.core.pages.quality import NO_SEVERITY, Flag, quality_lines
from viewer.core.pages.safety import DISCLAIMER, safety_sentence, severity_sentence, severity_word
from viewer.core.search.answers import Duplicate, not_known_line
from viewer.core.search.results import no_result
from viewer.ui.fonts import load_bundled_fonts
from viewer.ui.i18n import install_translations

WINDOW_IN_HINDI = r"""
import json, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QSettings
from viewer.ui.app import make_application
from viewer.ui.controller import Controller
from viewer.ui.settings import Preferences

app = make_application()
with tempfile.TemporaryDirectory() as tmp:
    controller = Controller(Path(sys.argv[1]), Preferences(QSettings(tmp + "/s.ini", QSettings.Format.IniFormat)), open_urls=False)
    window = controller.window
    window.show()
    for _ in range(20):
        app.processEvents()
    controller.open_by_name("apixaban aspirin")
    view = window.entry_view
    seen = {
        "back": window.back_action.text(),
        "placeholder": window.list_panel.search.placeholderText(),
        "banner": window.banner.label_text(),
        "tabs": [view.tabs.tabText(i) for i in range(view.tabs.count())],
        "safety": view.safety.text() if hasattr(view.safety, "text") else "",
        "title": window.windowTitle(),
    }
    window.list_panel.set_query("zzqqx")
    deadline = time.monotonic() + 30
    while not window.no_result.message.text() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    seen["no_result"] = window.no_result.message.text()
    print(json.dumps(seen, ensure_ascii=False))
    window.close()
    controller.shutdown()
"""


def test_language_hi_starts_the_window_in_hindi_and_leaves_page_text_as_written():
    env = {**os.environ, "LANGUAGE": "hi", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", WINDOW_IN_HINDI, str(REPO / "content")], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["back"] == "पीछे (&B)" and seen["placeholder"] == "खोजें: दवा, ब्रांड या दो दवाएँ…"
    assert "केवल सामान्य जानकारी, चिकित्सा सलाह नहीं।" in seen["banner"]
    assert seen["tabs"][:4] == ["उपयोग", "दुष्प्रभाव", "क्रियाविधि", "सामान्य प्रश्न"]
    assert "गंभीर" in seen["safety"] and "Together they make serious bleeding more likely" in seen["safety"]
    assert seen["title"].startswith("दवा संयोजन संदर्भ — ")  # the program's name too; the entry's title as written
    assert seen["no_result"] == ("इस संदर्भ में 'zzqqx' के लिए कोई प्रविष्टि नहीं है। "
                                 "प्रविष्टि न होने का मतलब यह नहीं है कि इन दवाओं को साथ लेना सुरक्षित है।")


def test_without_a_translation_the_interface_stays_english(qapp):
    try:
        assert install_translations(qapp, QLocale("fr")) == ""
        assert safety_sentence(DISCLAIMER) == DISCLAIMER and severity_word("major") == "Major"
        assert no_result("zzqqx").startswith("No entry for 'zzqqx' in this reference.")
    finally:
        install_translations(qapp, QLocale("en"))


def test_the_core_says_its_sentences_through_the_installed_translator(qapp):
    try:
        assert install_translations(qapp, QLocale("hi")) == "hi"
        assert severity_word("contraindicated") == "वर्जित"
        assert no_result(" a   b ").startswith("इस संदर्भ में 'a b' के लिए कोई प्रविष्टि नहीं है।")
        stated = SimpleNamespace(warning="", sources=("BNF",), reviewed="")  # no severity, warning or review date
        assert quality_lines([Flag(NO_SEVERITY)], stated) == ["यह पन्ना गंभीरता, चेतावनी या समीक्षा की तिथि नहीं बताता।"]
        assert severity_sentence("major") == "गंभीरता: गंभीर।"
        assert Duplicate("paracetamol", ("Combiflam", "Crocin"), "ingredient").sentence == "दोनों में paracetamol है: Combiflam और Crocin।"
        assert not_known_line(["zzqqx"], "check") == "इस संदर्भ में नहीं: zzqqx। नीचे की जाँच में यह शामिल नहीं है।"
    finally:
        install_translations(qapp, QLocale("en"))
    assert severity_word("contraindicated") == "Contraindicated"
    assert quality_lines([Flag(NO_SEVERITY)], SimpleNamespace(warning="", sources=(), reviewed="")) == [
        "This page states no severity, warning, sources or review date."]
    words.use(None)


def test_hindi_is_drawn_with_real_glyphs_from_the_shipped_font(qapp):
    """No empty boxes: every glyph of a Hindi sentence is found in some font (index 0 is the
    missing-glyph box), on a machine that has no Devanagari font of its own (as CI has none)."""
    load_bundled_fonts()
    layout = QTextLayout("प्रविष्टि न होने का मतलब यह नहीं है कि इन दवाओं को साथ लेना सुरक्षित है।", QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs and all(index != 0 for run in runs for index in run.glyphIndexes())
    assert any("Devanagari" in run.rawFont().familyName() for run in runs)


def test_the_translations_are_up_to_date_with_the_code():
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "translations.py"), "--check"], capture_output=True,
                          text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


HINDI_PAGE = {  # written here: shaped words, conjuncts (प्र, र्द, न्त), vowel signs drawn before their letter (ि)
    "title": "पैरासिटामोल + इबुप्रोफेन",
    "Usage": "दर्द और बुखार में, डॉक्टर की सलाह से।",
    "Side effects": "पेट में जलन हो सकती है; ज़्यादा मात्रा में न लें।",
}


def _printed_text(folder, name: str) -> str:
    pdf = folder / "out.pdf"
    done = subprocess.run([sys.executable, "-m", "viewer", "print", name, "--content", str(folder), "--pdf", str(pdf)],
                          capture_output=True, text=True, cwd=REPO, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert shutil.which("pdftotext"), "pdftotext is missing: scripts/system-deps.sh installs poppler-utils"
    # Poppler's reader, as Evince, Okular and other PDF viewers copy text out of a page.
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_hindi_copied_out_of_a_printed_pdf_reads_as_written(tmp_path):
    """Before, Qt's PDF writer gave back "पैरा सटामोल + इबु ोफेन": letters that are one glyph
    together, and the vowel sign drawn before its consonant, were lost or out of order."""
    sections = "".join(f"## {name}\n\n{text}\n\n" for name, text in HINDI_PAGE.items() if name != "title")
    (tmp_path / "para-ibu.md").write_text(f'---\ntitle: "{HINDI_PAGE["title"]}"\n---\n\n{sections}',
                                          encoding="utf-8")
    lines = _printed_text(tmp_path, "पैरासिटामोल").splitlines()
    for text in HINDI_PAGE.values():
        assert text in lines, (text, lines[:12])
    assert "Side effects" in lines and "Page 1 of 1" in lines  # English beside it is marked as it reads


def test_a_long_page_copies_out_whole_on_every_page(tmp_path):
    """Several pages, each with its own header and footer: every paragraph comes back, in order."""
    paragraphs = [f"अनुच्छेद {number}: दवा की मात्रा डॉक्टर से पूछें।" for number in range(1, 121)]
    body = "\n\n".join(paragraphs)
    (tmp_path / "long.md").write_text(f'---\ntitle: "लम्बा पृष्ठ"\n---\n\n## Usage\n\n{body}\n', encoding="utf-8")
    text = _printed_text(tmp_path, "लम्बा")
    assert text.count("\f") >= 3  # it did run over several pages
    found = [line for line in text.splitlines() if line.startswith("अनुच्छेद")]
    assert found == paragraphs


def test_text_objects_are_marked_only_when_they_pair_with_what_was_drawn():
    from viewer.ui.pdf_text import mark_text

    content = b"q\nBT\n/F1 9 Tf <0001> Tj\nET\nQ\nBT\n/F1 9 Tf <0002> Tj\nET\n"
    assert mark_text(content, ["कि"]) is None  # one text for two objects: the page is left as Qt wrote it
    marked = mark_text(content, ["कि", "x"])
    assert marked == (b"q\n/Span <</ActualText <FEFF0915093F>>> BDC\nBT\n/F1 9 Tf <0001> Tj\nET\nEMC\nQ\n"
                      b"/Span <</ActualText <FEFF0078>>> BDC\nBT\n/F1 9 Tf <0002> Tj\nET\nEMC\n")


def test_printing_to_a_pdf_file_from_the_print_dialog_copies_out_as_written_too(tmp_path, qapp):
    """The print dialog's "Print to file" writes the PDF through the same drawing: marked the same."""
    from PySide6.QtPrintSupport import QPrinter

    from viewer.core.catalog.library import read_page
    from viewer.ui.printing import EntryPrint, PrintContext, configure

    load_bundled_fonts()
    sections = "".join(f"## {name}\n\n{text}\n\n" for name, text in HINDI_PAGE.items() if name != "title")
    (tmp_path / "para-ibu.md").write_text(f'---\ntitle: "{HINDI_PAGE["title"]}"\n---\n\n{sections}', encoding="utf-8")
    entry = read_page(tmp_path, "para-ibu.md").entry
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # as the dialog sets it for a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    configure(printer, entry)
    EntryPrint(entry, PrintContext.for_folder(tmp_path)).paint(printer)
    lines = subprocess.run(["pdftotext", str(tmp_path / "printed.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert HINDI_PAGE["title"] in lines and HINDI_PAGE["Usage"] in lines
