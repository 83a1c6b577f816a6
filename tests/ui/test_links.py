"""Links never open by themselves: entries open, the web goes to the browser, files never."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument

from tests.helpers import page


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toString()) or True))
    return urls


@pytest.fixture
def linking(make_controller, content):
    (content / "links.md").write_text(
        page(
            "Links + Page",
            "**Usage:**\n\n[web](https://example.org/info) [file](file:///etc/passwd) "
            "[entry](sertraline-clonazepam.md) [mail](mailto:a@example.org)\n\n"
            "![inside](pic.png) ![outside](../secret.png)\n",
        )
    )
    return make_controller(content, open_urls=True)


def test_text_views_never_follow_links_themselves(linking):
    for view in (linking.window.entry_view.header, *linking.window.entry_view.views.values()):
        assert not view.openLinks() and not view.openExternalLinks()


def test_a_link_to_another_entry_opens_it(linking, opened):
    linking.open_entry("links.md")
    linking.window.entry_view.views["usage"].link_activated.emit(QUrl("sertraline-clonazepam.md"))
    assert linking.current.path == "sertraline-clonazepam.md" and opened == []


@pytest.mark.parametrize("href", [
    "{% link sertraline-clonazepam.md %}", "{{ site.baseurl }}/sertraline-clonazepam/", "/sertraline-clonazepam.html",
])
def test_site_links_open_the_page_they_name(make_controller, content, opened, href):
    (content / "_config.yml").write_text("collections:\n  pages:\n    permalink: /pages/:path/\n")
    (content / "site-links.md").write_text(page("Site + Links", f"**Usage:** [the pair]({href})\n\n**Side effects:** none\n"))
    controller = make_controller(content)
    controller.open_entry("site-links.md")
    view = controller.window.entry_view.views["usage"]
    assert "{%" not in view.toPlainText() and "{{" not in view.toPlainText()
    anchor = view.document().toHtml().split('href="', 1)[1].split('"', 1)[0]
    view.link_activated.emit(QUrl(anchor))
    assert controller.current.path == "sertraline-clonazepam.md" and opened == []


def test_web_links_go_to_the_system_browser(linking, opened):
    linking.open_entry("links.md")
    linking.follow_link(QUrl("https://example.org/info"))
    assert opened == ["https://example.org/info"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "mailto:a@example.org", "javascript:alert(1)", "ftp://x/y"])
def test_other_schemes_do_nothing(linking, opened, url):
    linking.open_entry("links.md")
    linking.follow_link(QUrl(url))
    assert opened == [] and linking.current.path == "links.md"


def test_clicking_a_file_link_opens_nothing(linking, opened, qtbot):
    """The renderer drops file: hrefs; even if one reached the view, clicking it shows nothing new."""
    linking.open_entry("links.md")
    view = linking.window.entry_view.views["usage"]
    view.setHtml('<p><a href="file:///etc/passwd">secret</a></p>')
    before = view.toHtml()
    cursor_rect = view.cursorRect(view.document().find("secret"))
    qtbot.mouseClick(view.viewport(), qtbot_button(), pos=cursor_rect.center())
    view.link_activated.emit(QUrl("file:///etc/passwd"))  # also as Tab+Enter would
    assert opened == []
    assert view.toHtml() == before and "root:" not in view.toPlainText()
    assert linking.current.path == "links.md"


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_rendered_page_keeps_no_file_link(linking):
    linking.open_entry("links.md")
    assert "file:" not in linking.window.entry_view.views["usage"].toHtml()


def test_images_load_only_from_inside_the_content_folder(linking, content, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(content / "pic.png"))
    image.save(str(tmp_path / "secret.png"))  # beside the content folder, not inside it
    linking.open_entry("links.md")
    view = linking.window.entry_view.views["usage"]
    kind = QTextDocument.ResourceType.ImageResource.value
    assert view.loadResource(kind, QUrl("pic.png")) is not None
    for outside in ("../secret.png", str(tmp_path / "secret.png"), "file://" + str(tmp_path / "secret.png"),
                    "http://example.org/x.png"):
        assert view.loadResource(kind, QUrl(outside)) is None


def test_svg_that_refers_to_other_content_is_never_drawn(linking, content):
    svgs = {
        "outside.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                       '<image xlink:href="/usr/share/pixmaps/debian-logo.png" width="9" height="9"/></svg>',
        "climb.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(../../x.svg#p)" width="9" height="9"/></svg>',
        "nested.svg": '<svg xmlns="http://www.w3.org/2000/svg"><defs><g id="a"><rect width="1" height="1"/></g>'
                      + "".join(f'<g id="{chr(98 + i)}"><use href="#{chr(97 + i)}"/><use href="#{chr(97 + i)}"/></g>' for i in range(20))
                      + '</defs><use href="#u"/></svg>',
        "plain.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" height="9" fill="red"/></svg>',
    }
    for name, text in svgs.items():
        (content / name).write_text(text)
    linking.open_entry("links.md")
    view = linking.window.entry_view.views["usage"]
    kind = QTextDocument.ResourceType.ImageResource.value
    assert [name for name in svgs if view.loadResource(kind, QUrl(name)) is not None] == ["plain.svg"]


def test_a_huge_image_under_forty_spellings_is_decoded_at_most_once_and_never_when_too_large(linking, content):
    import time

    from PySide6.QtGui import QImage

    huge = QImage(5100, 5100, QImage.Format.Format_Grayscale8)
    huge.fill(0)
    huge.save(str(content / "huge.png"))
    (content / "sub").mkdir()
    linking.open_entry("links.md")
    view = linking.window.entry_view.views["usage"]
    kind = QTextDocument.ResourceType.ImageResource.value
    spellings = ["huge.png", "./huge.png", "sub/../huge.png", "%68uge.png"] + [f"sub/{'../sub/' * i}../huge.png" for i in range(36)]
    started = time.perf_counter()
    assert all(view.loadResource(kind, QUrl(s)) is None for s in spellings)
    assert time.perf_counter() - started < 5  # a hang detector: the header alone says it is too large
