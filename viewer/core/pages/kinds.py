"""The one table of section kinds: what each part of a page is called, the labels that name it,
where it is shown (the header, a tab of its own, the page's notices) and how it is printed,
searched and checked. Labels, tabs, print, the full-text index and `check --json` all derive
from it: adding a kind is one row."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.words import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Kind:
    key: str  # the section's name in code and in `check --json`
    title: str  # its full title: a printed heading, a "missing section" warning
    synonyms: tuple[str, ...]  # labels that name it exactly (any case, qualifier and colon aside)
    tab: str = ""  # its tab's label, for a kind shown in a tab (in English: words.translate("Sections", tab) says it)
    place: str = "tab"  # "header" (under the title), "tab", or "notice" (the page's own, under every tab)
    topic: str = ""  # a pattern of words that name it inside a longer label ("rare but serious side effects")
    medicine: bool = True  # text about the medicines (not the page's own notices)
    expected: bool = False  # every page should have it: `check` warns when one does not
    always: bool = False  # its tab is shown even when the page lacks it, saying so
    warning_rank: int = 50  # a serious entry opens on the first tab holding a warning, lowest rank first
    indexed: bool = True  # its words are found by full-text search


KINDS: tuple[Kind, ...] = (
    Kind("generic_name", QT_TRANSLATE_NOOP("Sections", "Generic name"), ('generic name', 'generic names', 'generic', 'generic drug name', 'active ingredient', 'active ingredients'), place="header"),
    Kind("usage", QT_TRANSLATE_NOOP("Sections", "Usage"), ('usage', 'uses', 'use', 'indications', 'indication', 'what it is used for', 'what is it used for', 'what they are used for', 'used for', 'therapeutic uses', 'medical uses', 'usage and indications', 'indications and usage'), tab=QT_TRANSLATE_NOOP("Sections", "Usage"), always=True, expected=True, warning_rank=3),
    Kind("side_effects", QT_TRANSLATE_NOOP("Sections", "Side effects"), ('side effects', 'side effect', 'common side effects', 'possible side effects', 'adverse effects', 'adverse reactions', 'adverse events'), tab=QT_TRANSLATE_NOOP("Sections", "Side effects"), always=True, expected=True, warning_rank=1,
         topic=r"\b(?:side[- ]?effects?|adverse (?:effects?|reactions?|events?))\b"),
    Kind("mechanism", QT_TRANSLATE_NOOP("Sections", "Mechanism"), ('how it works', 'how they work', 'how does it work', 'how do they work', 'how it work', 'mechanism', 'mechanism of action', 'mechanisms of action', 'mode of action', 'pharmacology'), tab=QT_TRANSLATE_NOOP("Sections", "Mechanism"), always=True, expected=True, warning_rank=6,
         topic=r"\bmechanisms? of action\b|\bhow (?:it|they) works?\b"),
    Kind("faqs", QT_TRANSLATE_NOOP("Sections", "FAQs"), ('faqs', 'faq', "faq's", 'frequently asked questions', 'common questions', 'questions and answers'), tab=QT_TRANSLATE_NOOP("Sections", "FAQs"), always=True, expected=True, warning_rank=7,
         topic=r"\b(?:faqs?|frequently asked questions)\b"),
    Kind("dosage", QT_TRANSLATE_NOOP("Sections", "Dosage"), ('dosage', 'dose', 'doses', 'dosing', 'dosage and administration', 'how to take', 'how to take it', 'how to use', 'how to use it', 'administration', 'posology', 'directions for use', 'recommended dosage', 'recommended dose'), tab=QT_TRANSLATE_NOOP("Sections", "Dosage"), warning_rank=4, topic=r"\b(?:dosage|dosing)\b"),
    Kind("precautions", QT_TRANSLATE_NOOP("Sections", "Warnings and precautions"), ('precautions', 'precaution', 'warnings', 'warning', 'warnings and precautions', 'precautions and warnings', 'contraindications', 'contraindication', 'cautions', 'who should not take it', 'who should not take', 'boxed warning', 'black box warning', 'contraindications and precautions', 'precautions and contraindications', 'safety information', 'safety warnings'), tab=QT_TRANSLATE_NOOP("Sections", "Warnings"), warning_rank=0,
         topic=r"\b(?:precautions?|contraindications?|warnings?)\b"),
    Kind("interactions", QT_TRANSLATE_NOOP("Sections", "Interactions"), ('interactions', 'interaction', 'drug interactions', 'drug interaction', 'drug-drug interactions', 'interactions with other medicines', 'interactions with other drugs', 'interactions with other medications'), tab=QT_TRANSLATE_NOOP("Sections", "Interactions"), warning_rank=2, topic=r"\binteractions?\b"),
    Kind("pregnancy", QT_TRANSLATE_NOOP("Sections", "Pregnancy and breastfeeding"), ('pregnancy', 'pregnancy and breastfeeding', 'pregnancy and breast-feeding', 'pregnancy and lactation', 'breastfeeding', 'breast-feeding', 'lactation', 'pregnancy and nursing', 'use in pregnancy', 'pregnancy and breastfeeding warnings'), tab=QT_TRANSLATE_NOOP("Sections", "Pregnancy"), warning_rank=5,
         topic=r"\b(?:pregnan\w*|breast-?feeding|lactation)\b"),
    Kind("alternate_names", QT_TRANSLATE_NOOP("Sections", "Other names"), ('alternate names', 'alternative names', 'other names', 'also known as', 'synonyms', 'brand names', 'brands', 'trade names', 'brand name', 'common brand names'), place="header", medicine=False),
    Kind("disclaimer", QT_TRANSLATE_NOOP("Sections", "Disclaimer"), ('disclaimer', 'medical disclaimer', 'important disclaimer', 'legal disclaimer'), place="notice", medicine=False, expected=True),
    Kind("note", QT_TRANSLATE_NOOP("Sections", "Note"), ('note', 'notes', 'important note', 'please note', 'important notes'), place="notice", medicine=False),
)
BY_KEY = {kind.key: kind for kind in KINDS}
TAB_KINDS = tuple(kind for kind in KINDS if kind.place == "tab")
HEADER_KINDS = tuple(kind for kind in KINDS if kind.place == "header")
NOTICE_KINDS = tuple(kind for kind in KINDS if kind.place == "notice")
MORE = ("more", QT_TRANSLATE_NOOP("Sections", "More"))  # sections of the page's own, under labels no kind has
