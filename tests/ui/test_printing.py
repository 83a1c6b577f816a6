"""Printing: the whole entry, the disclaimer, title and page numbers on every page, metadata,
black on white whatever the theme, links as text with their address, no dialog needed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage, QPageSize

from tests.helpers import REPO, page, seed_folder
from viewer.core.catalog.library import read_page
from viewer.core.pages.safety import DISCLAIMER
from viewer.ui.printing import PrintContext, export_pdf, locale_page_size

QUESTIONS = [f"Question number {n} about this combination?" for n in range(1, 6)]


def long_page() -> str:
    paragraph = ("This paragraph is long enough to take several lines on paper, so that the entry as a whole "
                 "runs to more than two pages when it is printed. ") * 4
    faqs = "\n".join(f"* **{q}** {paragraph}" for q in QUESTIONS)
    body = (
        f"# Alpha + Beta\n\nOpening words.\n\n**Generic Name:** alpha and beta\n\n"
        f"## Usage\n\n{paragraph}\n\n{paragraph}\n\nSee [the leaflet](https://example.org/leaflet) too.\n\n"
        f"## Side Effects\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n"
        f"## How it Works\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n"
        f"## FAQs\n\n{faqs}\n\n## Storage\n\nKeep it dry.\n\n**Disclaimer:** The page's own disclaimer.\n\n"
        f"**Note:** The page's own note.\n"
    )
    return page("Alpha + Beta", body)


def words(text: str) -> str:
    """Extracted PDF text with ligature glyphs (ﬀ, ﬂ) spelled out and whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def long_entry(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "alpha-beta.md").write_text(long_page())
    return folder, read_page(folder, "alpha-beta.md").entry


def test_a_long_entry_has_title_disclaimer_and_page_x_of_y_on_every_page(long_entry, tmp_path, qapp):
    folder, entry = long_entry
    pdf = tmp_path / "out.pdf"
    pages = export_pdf(entry, pdf, PrintContext.for_folder(folder))
    reader = pypdf.PdfReader(pdf)
    assert pages == len(reader.pages) >= 3
    for number, sheet in enumerate(reader.pages, start=1):
        text = words(sheet.extract_text())
        assert "Alpha + Beta" in text
        assert f"Page {number} of {pages}" in text
        assert words(DISCLAIMER) in text
        assert "From content · printed " in text  # the content's name and the print date on every page


FORM = Path(__file__).resolve().parent.parent / "fixtures" / "forms" / "safety-front-matter.md"


def pdf_text(pdf: Path) -> list[str]:
    """Each page's text as pdftotext reads it: what a reader copying or searching the PDF gets."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: 'make test' installs poppler-utils")
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return out.split("\f")[: len(pypdf.PdfReader(pdf).pages)]


def test_a_major_entry_on_paper_leads_with_its_severity_and_warning(tmp_path, qapp):
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(FORM, folder / "zetarol-quintavex.md")
    (folder / "drugs.yaml").write_text("name: Riverside test library\nzetarol: {brands: [Zet]}\n")
    pdf = tmp_path / "major.pdf"
    export_pdf(read_page(folder, "zetarol-quintavex.md").entry, pdf, PrintContext.for_folder(folder))
    pages = pdf_text(pdf)
    first = " ".join(pages[0].split())
    assert first.index("Severity: ⚠ MAJOR") < first.index("slow breathing to a dangerous degree") < first.index("Usage")
    assert "Side effects" in pages[0]  # typed letters, not a ligature glyph
    assert "⚠ Warning" in first and "Serious side effects needing help at once" in first
    for text in pages:
        flat = " ".join(text.split())
        assert "From Riverside test library · this page: reviewed 30 Sep 2025 · updated 2 Oct 2025 · printed " in flat
        assert words(DISCLAIMER) in flat


@pytest.mark.parametrize(("setup", "name"), [
    (lambda f: (f / "_config.yml").write_text("title: Hillside Clinic pages\n"), "Hillside Clinic pages"),
    (lambda f: None, "the bundled library"),
])
def test_the_footer_names_the_content_never_an_internal_folder(tmp_path, qapp, setup, name):
    folder = tmp_path / "_content"
    folder.mkdir()
    shutil.copy(FORM, folder / "zetarol-quintavex.md")
    setup(folder)
    pdf = tmp_path / "named.pdf"
    export_pdf(read_page(folder, "zetarol-quintavex.md").entry, pdf, PrintContext.for_folder(folder))
    flat = " ".join(pdf_text(pdf)[0].split())
    assert f"From {name} · " in flat and "From _content" not in flat


def test_no_page_ends_with_a_faq_question_without_its_answer(tmp_path, qapp):
    """Pages of many questions, shifted a line at a time so that some question falls on the
    last line of a page (without keeping headings with their text, several do)."""
    answers = ["Short answer.", "A longer answer that takes a line or two on paper. " * 3, "Medium answer here. " * 2]
    questions = [f"Is question {n} answered on the same page?" for n in range(1, 61)]
    faqs = "\n\n".join(f"**Q: {q}**\nA: {answers[n % 3]}" for n, q in enumerate(questions))
    for shift in range(8):
        folder = tmp_path / f"content{shift}"
        folder.mkdir()
        opening = "\n\n".join(["Opening line."] * shift)
        (folder / "faq.md").write_text(page("Alpha + Beta", f"## Usage\n\nUsed.\n\n{opening}\n\n## FAQs\n\n{faqs}\n"))
        pdf = tmp_path / f"faq{shift}.pdf"
        export_pdf(read_page(folder, "faq.md").entry, pdf, PrintContext.for_folder(folder))
        pages = pdf_text(pdf)
        assert len(pages) >= 3
        for number, text in enumerate(pages, start=1):
            body = text.split(DISCLAIMER.split()[0])[0]  # the text above the footer
            lines = [line.strip() for line in body.splitlines() if line.strip()]
            assert lines[-1] not in questions, f"page {number} ends with a question: {lines[-1]}"
        missing = [q for q in questions if q not in words(" ".join(pages))]
        assert missing == [], shift


def test_every_section_heading_and_faq_question_is_printed(long_entry, tmp_path, qapp):
    folder, entry = long_entry
    pdf = tmp_path / "out.pdf"
    export_pdf(entry, pdf, PrintContext.for_folder(folder))
    text = words(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
    for heading in ("Generic name", "Introduction", "Usage", "Side effects", "Mechanism", "FAQs", "Storage",
                    "Disclaimer (from this page)", "Note (from this page)"):
        assert heading in text
    for question in QUESTIONS:
        assert question in text
    assert text.index("Usage") < text.index("Side effects") < text.index("Mechanism") < text.index("FAQs")


def test_pdf_metadata_names_the_entry_and_the_program(long_entry, tmp_path, qapp):
    folder, entry = long_entry
    pdf = tmp_path / "out.pdf"
    export_pdf(entry, pdf, PrintContext.for_folder(folder))
    meta = pypdf.PdfReader(pdf).metadata
    assert meta.title == "Alpha + Beta"
    assert meta.creator == "combo-viewer 0.1.0"


def test_links_are_printed_as_text_with_their_address(long_entry, tmp_path, qapp):
    folder, entry = long_entry
    pdf = tmp_path / "out.pdf"
    export_pdf(entry, pdf, PrintContext.for_folder(folder))
    text = words(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
    assert "the leaflet (https://example.org/leaflet)" in text


def test_paper_size_follows_the_locale():
    assert locale_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)).id() == QPageSize.PageSizeId.Letter
    assert locale_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)).id() == QPageSize.PageSizeId.A4
    assert locale_page_size(QLocale(QLocale.Language.German, QLocale.Country.Germany)).id() == QPageSize.PageSizeId.A4


def test_print_is_black_on_white_whatever_the_theme_and_zoom(controller, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: 'make test' installs poppler-utils")
    controller.open_entry("sertraline-clonazepam.md")
    outputs = []
    for theme, zoom in (("light", 0), ("dark", 6)):
        controller.set_theme(theme)
        for _ in range(abs(zoom)):
            controller.zoom(1)
        pdf = tmp_path / f"{theme}.pdf"
        export_pdf(controller.current, pdf, PrintContext.for_folder(controller.root))
        subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / theme)], check=True)
        image = QImage(str(next(tmp_path.glob(f"{theme}-*1.png"))))
        corner = image.pixelColor(5, 5)
        assert corner.lightness() > 245, theme  # white paper
        outputs.append((len(pypdf.PdfReader(pdf).pages), words(pypdf.PdfReader(pdf).pages[0].extract_text())))
    assert outputs[0] == outputs[1]  # the window's theme and zoom change nothing on paper


def test_file_print_opens_a_preview_of_the_whole_entry(controller, qtbot):
    window = controller.window
    assert not window.print_action.isEnabled()
    controller.open_entry("sertraline-clonazepam.md")
    assert window.print_action.isEnabled() and window.export_action.isEnabled()
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+E"
    dialog = controller.print_preview()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and "Sertraline + Clonazepam" in dialog.windowTitle()
    dialog.close()


def test_the_print_preview_fits_the_screen_and_shows_a_whole_page(controller, qtbot, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QToolBar

    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 1366, 728))  # 1366x768 less a panel
    controller.open_entry("sertraline-clonazepam.md")
    dialog = controller.print_preview()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.height() <= 728 and dialog.width() <= 1366
    assert dialog.findChild(QPrintPreviewWidget).zoomMode() == QPrintPreviewWidget.ZoomMode.FitInView
    toolbar = dialog.findChild(QToolBar)
    printing = next(a for a in toolbar.actions() if a.text().replace("&", "").lower().startswith("print"))
    button = toolbar.widgetForAction(printing)
    assert button.isVisible() and dialog.rect().contains(button.mapTo(dialog, button.rect().bottomRight()))
    dialog.close()


def test_the_print_preview_has_print_and_close_buttons_with_words(controller, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QToolBar

    controller.open_entry("sertraline-clonazepam.md")
    dialog = controller.print_preview()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    buttons = {b.text().replace("&", ""): b for b in dialog.findChild(QDialogButtonBox, "PreviewButtons").buttons()}
    assert set(buttons) == {"Print…", "Close"}
    for button in buttons.values():
        assert button.isVisible() and dialog.rect().contains(button.mapTo(dialog, button.rect().bottomRight()))
    printing = next(a for a in dialog.findChild(QToolBar).actions() if a.text().replace("&", "").lower().startswith("print"))
    printing.triggered.disconnect()  # the printer's own dialog would wait for a person
    asked = []
    printing.triggered.connect(lambda *_: asked.append(True))
    qtbot.mouseClick(buttons["Print…"], Qt.MouseButton.LeftButton)
    assert asked == [True]
    qtbot.mouseClick(buttons["Close"], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_export_pdf_adds_the_extension(controller, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "handout"), "")))
    controller.open_entry("paroxetine-clonazepam.md")
    path = controller.export_pdf()
    assert path == tmp_path / "handout.pdf" and path.is_file()
    assert pypdf.PdfReader(path).metadata.title == "Paroxetine + Clonazepam"


def test_the_print_command_writes_a_pdf_with_no_display(tmp_path):
    content = seed_folder(tmp_path / "content")
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [sys.executable, "-m", "viewer", "print", "clonazepam + sertraline", "--content", str(content),
         "--pdf", str(tmp_path / "out.pdf")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert pypdf.PdfReader(tmp_path / "out.pdf").metadata.title == "Sertraline + Clonazepam"


@pytest.mark.parametrize(
    "entry, status, message",
    [
        ("clonazepam", 2, "matches several entries"),
        ("warfarin aspirin", 2, "No entry for 'warfarin aspirin'"),
    ],
)
def test_the_print_command_refuses_unclear_names(tmp_path, entry, status, message):
    content = seed_folder(tmp_path / "content")
    out = subprocess.run(
        [sys.executable, "-m", "viewer", "print", entry, "--content", str(content), "--pdf", str(tmp_path / "o.pdf")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == status and message in out.stderr
    assert not (tmp_path / "o.pdf").exists()


def test_a_missing_printer_exits_1_with_its_message(tmp_path):
    content = seed_folder(tmp_path / "content")
    out = subprocess.run(
        [sys.executable, "-m", "viewer", "print", "sertraline clonazepam", "--content", str(content),
         "--printer", "No Such Printer"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 1 and "no printer named 'No Such Printer'" in out.stderr


def test_a_pdf_that_cannot_be_written_whole_is_an_error_not_a_success(long_entry, tmp_path, qapp):
    folder, entry = long_entry
    with pytest.raises(OSError, match="PDF"):
        export_pdf(entry, Path("/dev/full"), PrintContext.for_folder(folder))  # every write fails: disk full


def test_the_print_command_refuses_an_empty_pdf_name(capsys):
    from viewer.cli import main

    assert main(["print", "lithium ibuprofen", "--pdf", ""]) == 2
    assert "--pdf needs a file name" in capsys.readouterr().err
