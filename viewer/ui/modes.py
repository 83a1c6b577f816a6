"""The two modes a window is built in (as Mu's modes): the desk's, and the kiosk's. A mode is
given to the window and the controller when they are made; nothing rewrites a finished window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.core import words

if TYPE_CHECKING:
    from viewer.core.kiosk_config import KioskConfig


@dataclass(frozen=True)
class Mode:
    name: str = "desk"
    menus: bool = True  # the menu bar, Quit, Print, Export, text size, Search; author's problems
    frameless: bool = False  # full screen with no frame (the kiosk)
    style: str = ""  # a style sheet of resources/ added to the theme's ("kiosk.qss")
    font_scale: float = 1.0  # text size for the screen's viewing distance
    open_urls: bool = True  # web links open in the browser (the kiosk opens none)
    web_links_as_text: bool = False  # web links drawn as their text and address
    wrapping_rows: bool = False  # list titles wrap onto more lines instead of being cut
    search_box: bool = True  # the list's search box (the kiosk finds medicines with its own keyboard)
    list_before_asked: str | None = None  # the list's line before anything is asked; None: every entry listed
    back_leads_home: bool = False  # Back works after the first entry too: to the start
    banner_text: str | None = None  # the disclaimer banner's own words, else the standard ones
    minimum_size: tuple[int, int] = (640, 440)


DESK = Mode()


def kiosk_mode(config: KioskConfig) -> Mode:
    """The locked-down public screen: no menus, no author's lint, touch-sized, frameless."""
    return Mode("kiosk", menus=False, frameless=True, style="kiosk.qss", font_scale=config.font_scale, open_urls=False,
                web_links_as_text=True, wrapping_rows=True, search_box=False,
                list_before_asked=words.translate("Kiosk", "Choose a medicine: its combinations are listed here."), back_leads_home=True, banner_text=config.banner_text,
                minimum_size=(320, 240))
