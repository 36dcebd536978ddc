"""Drive one pane of the web chat as a person would: read, type, press, pick, attach.

Every step waits for a condition in the page (never a fixed time) and, when it does not come,
fails with what the pane shows.
"""

from __future__ import annotations

from typing import Any

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 20.0

# The newest button of the visible chat whose label contains the words (inline or reply).
FIND_BUTTON = """
const [persona, words, selector] = arguments;
const pane = document.querySelector(`section.pane[data-persona="${persona}"]`);
if (!pane) return null;
const chat = [...pane.querySelectorAll(".chat")].find((c) => !c.hidden);
const scope = selector === ".reply-btn" ? pane : chat;
const buttons = [...scope.querySelectorAll(selector)].reverse();
return buttons.find((b) => b.textContent.includes(words) && !b.disabled) || null;
"""
VISIBLE_CHAT = """
const pane = document.querySelector(`section.pane[data-persona="${arguments[0]}"]`);
const chat = pane && [...pane.querySelectorAll(".chat")].find((c) => !c.hidden);
"""
VISIBLE_TEXT = """
const pane = document.querySelector(`section.pane[data-persona="${arguments[0]}"]`);
if (!pane) return "";
const chat = [...pane.querySelectorAll(".chat")].find((c) => !c.hidden);
return chat.innerText;
"""


def open_page(driver: Any, url: str) -> None:
    """Open the page and wait until its panes are built and following the bot."""
    driver.get(url)
    WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
        lambda d: d.execute_script("return document.body.dataset.ready === '1'")
    )


class Pane:
    """One person's pane."""

    def __init__(self, driver: Any, persona: str) -> None:
        self.driver = driver
        self.persona = persona

    @property
    def node(self) -> Any:
        return self.driver.find_element(
            By.CSS_SELECTOR, f'section.pane[data-persona="{self.persona}"]'
        )

    def text(self) -> str:
        """Return what the visible chat of the pane reads now."""
        return str(self.driver.execute_script(VISIBLE_TEXT, self.persona))

    def _until(self, condition: Any, what: str) -> Any:
        try:
            return WebDriverWait(self.driver, WAIT, poll_frequency=0.1).until(condition)
        except TimeoutException:
            raise AssertionError(
                f"{self.persona}: {what} did not come; the pane reads:\n{self.text()[-3000:]}"
            ) from None

    def wait_for(self, words: str) -> None:
        """Wait until the visible chat shows these words."""
        self._until(lambda _: words in self.text(), f"{words!r}")

    def shown(self, selector: str) -> int:
        """Return how many elements of the visible chat match a CSS selector."""
        script = VISIBLE_CHAT + "return chat ? chat.querySelectorAll(arguments[1]).length : 0;"
        return int(self.driver.execute_script(script, self.persona, selector))

    def count(self, words: str) -> int:
        """Return how many times the visible chat shows these words."""
        return self.text().count(words)

    def wait_count(self, words: str, at_least: int) -> None:
        """Wait until the visible chat shows these words at least this many times."""
        self._until(lambda _: self.count(words) >= at_least, f"{at_least}× {words!r}")

    def _click(self, label: str, selector: str) -> bool:
        button = self.driver.execute_script(FIND_BUTTON, self.persona, label, selector)
        if button is None:
            return False
        try:
            button.click()
        except StaleElementReferenceException:
            # The bot edited that message meanwhile (a live view): look for the button again.
            return False
        except ElementClickInterceptedException:
            # Something still lies over it (the page scrolling a new message in): try again.
            return False
        return True

    def press(self, label: str) -> None:
        """Press the newest inline button whose label contains `label`."""
        self._until(lambda _: self._click(label, ".inline-btn"), f"a button {label!r}")

    def press_reply(self, label: str) -> None:
        """Press a button of the bot's reply keyboard."""
        self._until(lambda _: self._click(label, ".reply-btn"), f"a keyboard button {label!r}")

    def type(self, text: str) -> None:
        """Type a message and press Enter."""
        field = self.node.find_element(By.CSS_SELECTOR, "input.text")
        field.send_keys(text)
        field.send_keys(Keys.ENTER)

    def attach(self, item: str) -> None:
        """Open 📎 and choose photo, location or contact."""
        self.node.find_element(By.CSS_SELECTOR, ".bar .attach").click()
        self.node.find_element(By.CSS_SELECTOR, f".attach-menu .menu-{item}").click()

    def pick_street(self, street: str) -> None:
        """In the open map, click a street point of the directory, then send the place."""
        dot = self._until(
            lambda _: self.node.find_element(
                By.XPATH,
                f".//*[local-name()='circle'][*[local-name()='title' and text()='{street}']]",
            ),
            f"the street {street!r} on the map",
        )
        dot.click()
        self.node.find_element(By.CSS_SELECTOR, ".map-send").click()

    def choose_language(self, lang: str) -> None:
        """Switch the pane's language."""
        from selenium.webdriver.support.ui import Select

        Select(self.node.find_element(By.CSS_SELECTOR, "select.lang")).select_by_value(lang)
