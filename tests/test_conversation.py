"""Answers survive the outbox: what is rendered after a restart equals what was meant."""

from __future__ import annotations

import json
from pathlib import Path

from bot.conversation import Answer, Option
from bot.i18n import Catalog, Raw
from handlers.render import render_text


def test_answer_round_trips_through_json_keeping_safe_html_apart_from_user_text() -> None:
    answer = Answer(
        key="button-expired",
        args={"fragment": Raw("<b>KN-2026-000001</b>"), "typed": "<script>&"},
        options=((Option("button-expired", "x", args={"label": Raw("<i>a</i>")}),),),
        also=(("error-try-again", {"note": Raw("<u>n</u>")}),),
        scope="rp",
        version=7,
    )
    back = Answer.from_json(json.loads(json.dumps(answer.to_json())))
    assert back == answer
    assert isinstance(back.args["fragment"], Raw) and not isinstance(back.args["typed"], Raw)
    assert isinstance(back.options[0][0].args["label"], Raw)
    assert isinstance(back.also[0][1]["note"], Raw)


def test_user_text_is_escaped_and_raw_fragments_are_not(tmp_path: Path) -> None:
    (tmp_path / "pl").mkdir()
    (tmp_path / "pl" / "t.ftl").write_text("show = {$fragment} {$typed}\n", encoding="utf-8")
    catalog = Catalog(["pl"], locales_dir=tmp_path)
    answer = Answer("show", args={"fragment": Raw("<b>KN-1</b>"), "typed": "<script>&"})
    stored = Answer.from_json(json.loads(json.dumps(answer.to_json())))
    assert render_text(catalog, "pl", stored) == "<b>KN-1</b> &lt;script&gt;&amp;"


def test_long_user_text_is_rendered_whole_and_escaped(tmp_path: Path) -> None:
    (tmp_path / "pl").mkdir()
    (tmp_path / "pl" / "t.ftl").write_text("desc = Opis: {$text}!\n", encoding="utf-8")
    catalog = Catalog(["pl"], locales_dir=tmp_path)
    text = "<ą>" * 1200  # 3,600 characters, 6,000 after escaping
    rendered = catalog.render("pl", "desc", {"text": text})
    assert rendered == "Opis: " + "&lt;ą&gt;" * 1200 + "!"
