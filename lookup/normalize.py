"""Fold the many ways residents type an address into comparable keys."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lookup.house_numbers import HouseNumber, parse_house_number

# Polish letters map directly (the common case stays on the fast ASCII path); dashes unify.
_LATIN = {
    "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z",
    "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "–": "-", "—": "-", "‐": "-", "−": "-",
}  # fmt: skip
# Ukrainian (and Russian) Cyrillic in Polish-style Latin, so "Словацького" lands near
# "Słowackiego"; г→h is Ukrainian, and the ending folding in stem_key hides -oho/-ogo.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "w", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "je",
    "ж": "z", "з": "z", "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ь": "", "ю": "ju",
    "я": "ja", "ё": "jo", "ы": "y", "э": "e", "ъ": "", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_FOLD = str.maketrans({**_LATIN, **_CYRILLIC})
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
# Soft vowels after a consonant read as Polish "ia/iu/ie" (Костюшка → kostiuszka).
_SOFT_RE = re.compile("(?<=[бвгґджзклмнпрстфхцчшщ])([єюяё])")
_SOFT = {"є": "ie", "ю": "iu", "я": "ia", "ё": "io"}
# A soft sign before a vowel softens it the Polish way (ьо → io).
_SOFT_SIGN_RE = re.compile("ь(?=[аеоуі])")
_NON_WORD_RE = re.compile(r"[^0-9a-z]+")

PREFIXES = frozenset(
    {
        "ul", "ulica", "ulicy", "al", "aleja", "aleje", "alei", "pl", "plac", "placu",
        "os", "osiedle", "osiedla", "rondo", "skwer", "park",
        # Ukrainian and Russian, after transliteration: вул., вулиця, площа, ул., улица.
        "wul", "wulycia", "wulyci", "ploszcza", "pr", "prosp", "prospekt",
    }
)  # fmt: skip
# Inflectional endings folded by stem_key, longest first: Polish genitive -iego/-ego,
# Ukrainian -oho, Russian -ogo, then single vowels.
# Only words of 5+ characters that are not numbers lose their ending.
_STEM_RE = re.compile(
    r"\b(?=[0-9a-z]{5})(?![0-9]+\b)([0-9a-z]+?)(?:iego|oho|ogo|ego|ej|ij|yj|a|e|i|o|u|y)\b"
)
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi"})

_POSTAL_RE = re.compile(r"\b\d{2}\s?-\s?\d{3}\b")
# A flat ("m. 3", "lok 2") is dropped, and so is "nr" before a house number.
_NOISE_RE = re.compile(r"\b(?:(?:m|lok|mieszk|kw)\s*\d+\b|(?:nr|no)\s*(?=\d))")
_LETTER_RE = re.compile(r"\b(\d+)\s+([a-z])\b(?!\s*\.)")
_SLASH_RE = re.compile(r"\s*/\s*")
# Words and numbers; "/" and "-" survive only inside a token ("12/3", "5-7").
_TOKEN_RE = re.compile(r"[0-9a-z]+(?:[/-][0-9a-z]+)*")
_NUMBER_RE = re.compile(r"^\d{1,5}[a-z]?(?:[/-]\d{1,5}[a-z]?)?$")


@dataclass(frozen=True, slots=True)
class AddressParts:
    """One reading of a typed address: street key, house number and locality key."""

    street: str
    number: HouseNumber | None
    locality: str | None


def fold(text: str) -> str:
    """Lower-case, transliterate Cyrillic and drop diacritics, keeping punctuation."""
    text = text.lower()
    if _CYRILLIC_RE.search(text):
        text = _SOFT_SIGN_RE.sub("і", text)
        text = _SOFT_RE.sub(lambda m: _SOFT[m.group(1)], text)
    text = text.translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_key(text: str) -> str:
    """Fold and keep only letters and digits, single-spaced."""
    return " ".join(_NON_WORD_RE.split(fold(text))).strip()


def strip_prefixes(key: str) -> str:
    """Remove leading street-type words (ul., al., pl., os., ...) from a folded key."""
    words = key.split()
    while len(words) > 1 and words[0] in PREFIXES:
        words.pop(0)
    return " ".join(words)


def street_key(text: str) -> str:
    """Turn a street name as written anywhere into its lookup key."""
    return strip_prefixes(words_key(text))


def stem_key(key: str) -> str:
    """Fold inflectional endings, so Ukrainian genitives meet Polish ones."""
    return _STEM_RE.sub(r"\1", key)


def surname_key(key: str) -> str | None:
    """Return the last word of a multi-word name ("jana matejki" → "matejki"), if meaningful."""
    words = key.split()
    if len(words) < 2 or words[0].isdigit():
        return None
    last = words[-1]
    if last.isdigit() or last in _ROMAN or len(last) < 4:
        return None
    return last


def split_address(text: str) -> list[AddressParts]:
    """Read a free-text address into candidate (street, number, locality), likeliest first."""
    folded = fold(text).replace(".", " ").replace(";", ",")
    # The cheap membership tests skip regexes most addresses do not need.
    if "-" in folded:
        folded = _POSTAL_RE.sub(" ", folded)
    if "/" in folded:
        folded = _SLASH_RE.sub("/", folded)
    folded = _NOISE_RE.sub(" ", folded)
    if _LETTER_RE.search(folded):
        folded = _LETTER_RE.sub(r"\1\2", folded)
    parts = [_TOKEN_RE.findall(part) for part in folded.split(",")]
    parts = [part for part in parts if part]
    if not parts:
        return []
    if len(parts) == 1:
        return _split_tokens(parts[0], None)
    with_number = [part for part in parts if any(_NUMBER_RE.match(t) for t in part)]
    street_part = with_number[0] if with_number else parts[0]
    others = [part for part in parts if part is not street_part]
    locality = strip_prefixes(" ".join(others[0])) if others else None
    candidates = _split_tokens(street_part, locality)
    if not with_number and locality:
        # "Konin, Kolejowa": no number tells which part is the street; try the other order.
        candidates.append(AddressParts(locality, None, strip_prefixes(" ".join(street_part))))
    return candidates


def _split_tokens(tokens: list[str], locality: str | None) -> list[AddressParts]:
    """Produce the readings of one token list: number last, in the middle, first, or none."""
    candidates: list[AddressParts] = []
    for i in range(len(tokens) - 1, 0, -1):
        if not _NUMBER_RE.match(tokens[i]):
            continue
        street = strip_prefixes(" ".join(tokens[:i]))
        # Words after the number name the locality: "Kolejowa 12 Konin".
        after = " ".join(tokens[i + 1 :]) or locality
        candidates.append(AddressParts(street, _number(tokens[i]), after))
        break
    numbered_after_street = bool(candidates)
    if len(tokens) > 1 and _NUMBER_RE.match(tokens[0]):
        street = strip_prefixes(" ".join(tokens[1:]))
        candidates.append(AddressParts(street, _number(tokens[0]), locality))
    if not numbered_after_street:
        # "3 Maja" is a street, not number 3 of "Maja": keep the plain reading too.
        candidates.append(AddressParts(strip_prefixes(" ".join(tokens)), None, locality))
    return [c for c in candidates if c.street]


def _number(token: str) -> HouseNumber | None:
    """Parse a number token, skipping the general parser for plain digits."""
    if token.isdigit():
        return HouseNumber(int(token), "", token) if token.strip("0") else None
    return parse_house_number(token)
