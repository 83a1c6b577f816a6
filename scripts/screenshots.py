"""Saves PNGs of the window's main states into docs/screenshots/ (offscreen, fixed size)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.paths import content_dir  # noqa: E402
from viewer.ui.app import make_application  # noqa: E402
from viewer.ui.controller import Controller  # noqa: E402
from viewer.ui.printing import PrintContext, export_pdf  # noqa: E402
from viewer.ui.settings import Preferences  # noqa: E402

OUT = REPO / "docs" / "screenshots"
SIZE = (1280, 820)


def content_folder(tmp: Path) -> Path:
    """The content pages (bundled unless $COMBO_VIEWER_CONTENT says), plus one broken page so the problems list has something to show."""
    folder = tmp / "content"
    shutil.copytree(content_dir(), folder)
    (folder / "broken-example.md").write_text("---\ntitle: [unclosed\n---\n\nNo heading here.\n")
    return folder


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save_shot(app: QApplication, widget, name: str) -> None:
    """Let the widget paint, then save it as docs/screenshots/NAME.png."""
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def main() -> None:
    app = make_application()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        controller = Controller(content_folder(Path(tmp)), Preferences(settings), open_urls=False)
        controller.set_theme("light")
        window = controller.window
        window.resize(*SIZE)
        window.show()
        settle(app)

        def shot(name: str) -> None:
            save_shot(app, window, name)

        shot("welcome")
        window.list_panel.set_query("sert clon")
        settle(app)
        controller.open_by_name("sertraline clonazepam")
        for key in window.entry_view.tab_keys():
            window.entry_view.select_tab(key)
            shot(f"entry-{key.replace('_', '-')}")
        window.entry_view.select_tab("usage")
        window.list_panel.set_query("zzzyx metformin")
        shot("no-result")
        deadline = time.monotonic() + 30
        while controller.session.engine.fulltext is None and time.monotonic() < deadline:
            settle(app)
        window.list_panel.set_query("naloxone")
        while window.list_panel.proxy.text_pending():  # full text is searched off the window's thread
            settle(app)
            time.sleep(0.01)
        shot("search-fulltext")
        controller.open_text_hit(window.list_panel.proxy.hit_at(0).path, window.list_panel.proxy.hit_at(0).section)
        shot("fulltext-opened")
        window.list_panel.set_query("warfarin, ibuprofen, omeprazole")
        shot("pair-check")
        answer_shots(app, controller, shot)
        window.list_panel.set_query("sertraline, tramadol, sumatriptan, metformin")
        shot("pair-check-severity")
        window.list_panel.set_query("")
        controller.open_entry("oxycodone-alprazolam.md")
        for theme in ("light", "dark", "high-contrast"):
            controller.set_theme(theme)
            shot(f"major-entry-{theme}")
        controller.set_theme("light")
        window.resize(1024, 600)
        shot("major-entry-1024x600")
        window.resize(*SIZE)
        major_pdf = Path(tmp) / "major.pdf"
        export_pdf(controller.current, major_pdf, PrintContext.for_library(controller.library))
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(major_pdf),
                        str(OUT / "major-pdf-page1")], check=True)
        print(OUT / "major-pdf-page1.png")
        window.entry_view.select_tab("usage")
        window.list_panel.set_query("")
        controller.open_entry("sertraline-clonazepam.md")
        preview = controller.print_preview()
        from PySide6.QtWidgets import QToolBar

        preview.resize(preview.findChild(QToolBar).sizeHint().width() + 40, 900)  # every button shown, Print included
        save_shot(app, preview, "print-preview")
        preview.close()
        pdf = Path(tmp) / "entry.pdf"
        export_pdf(controller.current, pdf, PrintContext.for_folder(controller.root))
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(OUT / "print-pdf-page1")], check=True)
        print(OUT / "print-pdf-page1.png")
        window.find_action.trigger()
        window.entry_view.find_bar.field.setText("drowsiness")
        window.entry_view.find_bar.step(1)
        shot("find-in-page")
        window.entry_view.find_bar.close_bar()
        dialog = controller.show_problems_dialog()
        save_shot(app, dialog, "problems")
        dialog.close()
        for theme in ("dark", "high-contrast"):
            controller.set_theme(theme)
            shot(f"theme-{theme}")
        controller.set_theme("light")
        window.resize(660, 460)
        shot("small-window")
        window.close()
        controller.shutdown()
        brand_shot(app, Path(tmp))
        site_shots(app, Path(tmp))
        kiosk_shots(app, Path(tmp))
        hindi_shots(app, Path(tmp))
        phone_shots(Path(tmp))


DISCHARGE_LIST = ("Atorvastatin 40mg once daily\nWarfarin 5mg once daily (INR target 2-3)\nOmeprazole 20mg\n"
                  "Sertraline 50mg\nIbuprofen 400mg three times a day")


def searched(app: QApplication, controller: Controller, query: str) -> None:
    """The query typed, and its full text searched (off the window's thread)."""
    controller.window.list_panel.set_query(query)
    while controller.window.list_panel.proxy.text_pending():
        settle(app)
        time.sleep(0.01)
    settle(app)


def answer_shots(app: QApplication, controller: Controller, shot) -> None:
    """A list pasted from a discharge letter, a name the reference does not know, and two
    products that share an ingredient."""
    searched(app, controller, DISCHARGE_LIST)
    shot("pasted-list-check")
    searched(app, controller, "zolpidem tramadol")
    shot("unknown-name")
    searched(app, controller, "combiflam, crocin, sertraline")
    shot("duplicate-ingredient")


def fixture_window(fixture: Path, copy: Path) -> Controller:
    """A window, light and at the shots' size, on a copy of a fixture folder."""
    shutil.copytree(fixture, copy)
    settings = QSettings(str(copy.with_suffix(".ini")), QSettings.Format.IniFormat)
    controller = Controller(copy, Preferences(settings), open_urls=False)
    controller.set_theme("light")
    controller.window.resize(*SIZE)
    controller.window.show()
    return controller


def brand_shot(app: QApplication, tmp: Path) -> None:
    """A later form of the site: a brand page's name leads to its composition, named in its header."""
    controller = fixture_window(REPO / "tests" / "fixtures" / "sites" / "successor", tmp / "successor")
    window = controller.window
    searched(app, controller, "crocin 650")
    controller.open_entry(window.list_panel.shown_paths()[0])
    save_shot(app, window, "site-brand")
    window.close()
    controller.shutdown()


SITE = REPO.parent / "shared" / "sites" / "rxhive-2024"
FORMS = REPO / "tests" / "fixtures" / "forms"


def site_shots(app: QApplication, tmp: Path) -> None:
    """The viewer pointed at the real site: a five-ingredient page, a three-ingredient search;
    and a page of the later form with Dosage, Warnings and Interactions tabs."""
    os.environ["COMBO_VIEWER_CACHE"] = str(tmp / "cache")
    if not SITE.is_dir():
        print(f"skipped the site screenshots: {SITE} is missing")
        return
    settings = QSettings(str(tmp / "site.ini"), QSettings.Format.IniFormat)
    controller = Controller(SITE, Preferences(settings), open_urls=False)
    controller.set_theme("light")
    window = controller.window
    window.resize(*SIZE)
    window.show()
    deadline = time.monotonic() + 60  # a first start reads heads; the full read follows in the background
    while (not controller.loader.complete() or controller.watcher.busy()) and time.monotonic() < deadline:
        settle(app)
        time.sleep(0.02)
    settle(app)
    window.list_panel.set_query("aceclofenac paracetamol cetirizine phenylephrine caffeine")
    settle(app)
    controller.open_entry("composition/a/aceclofenac-paracetamol-cetirizine-phenylephrine-caffeine.md")
    window.entry_view.select_tab("usage")
    save_shot(app, window, "site-five-ingredients")
    window.list_panel.set_query("aceclofenac, paracetamol, tramadol")
    save_shot(app, window, "site-three-ingredients")
    window.resize(1366 - 2, 768 - 60)  # a 1366x768 laptop: its panel and the frame take the rest
    window.set_list_width()
    window.list_panel.set_query("aceclofenac chlorzoxazone paracetamol")  # strengths in every title: they wrap
    controller.open_entry("composition/a/aceclofenac-paracetamol-chlorzoxazone.md")  # an unrated page
    save_shot(app, window, "site-1366x768-wrapped-titles")
    window.resize(*SIZE)
    window.list_panel.set_query("codergocrine")
    controller.open_entry("composition/c/codergocrine-mesylate.md")  # a placeholder left in its FAQs
    save_shot(app, window, "site-unfinished")
    window.close()
    controller.shutdown()

    controller = fixture_window(FORMS, tmp / "forms")
    window = controller.window
    controller.open_entry("unfinished.md")
    save_shot(app, window, "unfinished-page")
    controller.open_entry("one-line-faqs.md")  # a later form: Markdown description, a timestamp, one-line FAQs
    window.entry_view.select_tab("faqs")
    save_shot(app, window, "later-form-description-date-faqs")
    controller.open_entry("heading-labels.md")
    window.entry_view.select_tab("interactions")
    save_shot(app, window, "extra-tabs")
    window.close()
    controller.shutdown()


def kiosk_shots(app: QApplication, tmp: Path) -> None:
    """The kiosk on the bundled pages: the start screen at 1920x1080, 1280x800 and 1080x1920
    (portrait), letters typed on its keyboard, a medicine chosen, a pair built by taps, an entry,
    the PIN pad and the attract screen; then on the real site, as a clinic would run it."""
    kiosk, shot = start_kiosk(app, tmp, content_dir(), 1.4, (1920, 1080))
    window = kiosk.window
    shot("kiosk-home")
    for size, name in (((1280, 800), "kiosk-home-1280x800"), ((1080, 1920), "kiosk-home-portrait")):
        window.resize(*size)
        shot(name)
    window.resize(1280, 800)
    press(kiosk, "SE")
    shot("kiosk-typing")
    kiosk.medicines.choose("Sertraline")
    shot("kiosk-first-tap")
    press(kiosk, "TRA")
    kiosk.medicines.choose("Tramadol")
    shot("kiosk-pair-by-taps")
    kiosk.go_home()
    window.resize(1920, 1080)
    kiosk.controller.open_by_name("oxycodone alprazolam")
    shot("kiosk-entry")
    kiosk.ask_pin()
    shot("kiosk-pin-pad")
    kiosk.pinpad.cancel()
    kiosk.reset()
    shot("kiosk-attract")
    stop_kiosk(kiosk)
    if SITE.is_dir():
        kiosk_site_shots(app, tmp)


def kiosk_site_shots(app: QApplication, tmp: Path) -> None:
    """The kiosk on the real site (1,900 medicines) at 1.4 times the text size, at 1280x800 and
    1080x1920: the keyboard with its suggestions, then two and three medicines chosen."""
    for size, suffix in (((1280, 800), "1280x800"), ((1080, 1920), "portrait")):
        kiosk, shot = start_kiosk(app, tmp, SITE, 1.4, size)
        press(kiosk, "PARA")
        shot(f"kiosk-site-keyboard-{suffix}")
        kiosk.medicines.choose("Paracetamol")
        press(kiosk, "ACEC")
        kiosk.medicines.choose("Aceclofenac")
        shot(f"kiosk-site-two-{suffix}")
        kiosk.chips.add.click()
        press(kiosk, "SERR")
        kiosk.medicines.choose(kiosk.finder.shown_names()[0])
        shot(f"kiosk-site-three-{suffix}")
        stop_kiosk(kiosk)


def start_kiosk(app: QApplication, tmp: Path, content: Path, scale: float, size: tuple[int, int]):
    from viewer.core.kiosk_config import KioskConfig
    from viewer.ui.kiosk import Kiosk

    settings = QSettings(str(tmp / f"kiosk-{content.name}-{size[0]}.ini"), QSettings.Format.IniFormat)  # a fresh start each
    config = KioskConfig(allow_print=True, exit_pin_sha256="0" * 64, font_scale=scale)
    kiosk = Kiosk.build(content, Preferences(settings), config)
    kiosk.controller.set_theme("light")
    kiosk.window.resize(*size)
    kiosk.window.show()
    settle(app)

    def shot(name: str) -> None:
        settle(app)
        save_shot(app, kiosk.window, name)

    return kiosk, shot


def press(kiosk, letters: str) -> None:
    """Letters typed as a patient would: a tap on each key of the on-screen keyboard."""
    for letter in letters:
        kiosk.finder.keyboard.keys[letter].click()


def stop_kiosk(kiosk) -> None:
    kiosk.stop()
    kiosk.controller.shutdown()
    kiosk.window.close()


def hindi_shots(app: QApplication, tmp: Path) -> None:
    """The interface in Hindi (as LANGUAGE=hi starts it): the desk window at 1366x768 with a major
    entry open, and the kiosk with a medicine chosen. Page text stays as the page writes it."""
    from PySide6.QtCore import QLocale

    from viewer.ui.i18n import install_translations

    install_translations(app, QLocale("hi"))
    try:
        settings = QSettings(str(tmp / "hindi.ini"), QSettings.Format.IniFormat)
        controller = Controller(content_dir(), Preferences(settings), open_urls=False)
        controller.set_theme("light")
        controller.window.resize(1366, 768)
        controller.window.show()
        settle(app)
        controller.open_by_name("apixaban aspirin")
        settle(app)
        save_shot(app, controller.window, "hindi-window")
        controller.window.close()
        controller.shutdown()
        kiosk, shot = start_kiosk(app, tmp, content_dir(), 1.4, (1280, 800))
        press(kiosk, "SE")
        kiosk.medicines.choose("Sertraline")
        shot("hindi-kiosk")
        stop_kiosk(kiosk)
    finally:
        install_translations(app, QLocale("en"))


PHONE = (390, 844)  # a common phone's screen in CSS pixels


def phone_shots(tmp: Path) -> None:
    """The exported library (export --zim) served by kiwix-serve, drawn by a headless Chromium at
    phone size: the home page and a major entry."""
    missing = [tool for tool in ("kiwix-serve", "chromium") if shutil.which(tool) is None]
    if missing:
        print(f"phone pictures skipped: {', '.join(missing)} missing (scripts/system-deps.sh screenshots)")
        return
    from tests.kiwix_server import serving

    zim = tmp / "clinic.zim"
    if subprocess.run([sys.executable, "-m", "viewer", "export", "--zim", str(zim), "--content",
                       str(content_dir())], capture_output=True).returncode != 0:
        print("phone pictures skipped: the export failed")
        return
    with serving(zim) as base:
        for name, path in (("phone-home", "/clinic/"), ("phone-entry", "/clinic/entry/apixaban-aspirin")):
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--user-data-dir={tmp / 'chromium'}", f"--window-size={PHONE[0]},{PHONE[1]}",
                            f"--screenshot={OUT / (name + '.png')}", base + path],
                           capture_output=True, timeout=120, check=True)


if __name__ == "__main__":
    main()
