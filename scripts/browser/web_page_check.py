#!/usr/bin/env python3
"""Drives Marquee's web page in headless Chromium (Debian's chromium + chromium-driver, selenium from PyPI).

Called by Tests/RecServerTests/WebPageTests.swift with the address of a live test server and a client key:

    web_page_check.py --url http://localhost:PORT/ --key mq_... --screenshot PATH

It starts as a new viewer (popular fallback), clicks "Like" on the first card, and checks that the list
changed in place (personalised, the liked film gone) and that the first card shows an explanation naming
the liked film and a pitch naming its own title; then checks labels, keyboard reachability and a
phone-width layout, and saves a screenshot. Exit status 0 when every check passes; the failing check
is printed otherwise.
"""
import argparse
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def card_ids(driver):
    return [card.get_attribute("data-item") for card in driver.find_elements(By.CSS_SELECTOR, "#cards li.card")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    args = parser.parse_args()

    options = Options()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.driver), options=options)
    wait = WebDriverWait(driver, 20)
    try:
        driver.get(f"{args.url}#key={args.key}")
        wait.until(lambda d: len(card_ids(d)) > 0)

        driver.find_element(By.ID, "new-user").click()
        wait.until(lambda d: d.find_element(By.ID, "cards").get_attribute("data-fallback") == "true")
        before = card_ids(driver)
        liked = before[0]
        liked_title = driver.find_element(By.CSS_SELECTOR, f'#cards li[data-item="{liked}"] h3').text
        driver.find_element(By.CSS_SELECTOR, f'#cards li[data-item="{liked}"] button[data-kind="like"]').click()
        wait.until(lambda d: d.find_element(By.ID, "cards").get_attribute("data-fallback") == "false")
        after = card_ids(driver)
        if after == before or liked in after:
            raise AssertionError(f"the list did not change after liking {liked}: before {before}, after {after}")
        first = driver.find_element(By.CSS_SELECTOR, "#cards li.card")
        title = first.find_element(By.TAG_NAME, "h3").text
        because = first.find_element(By.CSS_SELECTOR, ".because").text
        pitch = first.find_element(By.CSS_SELECTOR, ".pitch")
        if not because.startswith("Because you liked"):
            raise AssertionError(f"the first card's explanation is {because!r}; expected 'Because you liked …'")
        if liked_title not in because:
            raise AssertionError(f"the explanation {because!r} does not name the liked film {liked_title!r}")
        if not pitch.is_displayed() or title not in pitch.text or not pitch.get_attribute("data-generator"):
            raise AssertionError(f"the first card's pitch {pitch.text!r} is hidden, lacks the title {title!r} or its generator")
        status = driver.find_element(By.ID, "status").text
        if "Noted: like" not in status:
            raise AssertionError(f"no confirmation after the like; status says {status!r}")

        for control in driver.find_elements(By.CSS_SELECTOR, "input, select"):
            control_id = control.get_attribute("id")
            if control.get_attribute("type") != "hidden" and not driver.find_elements(By.CSS_SELECTOR, f'label[for="{control_id}"]'):
                raise AssertionError(f"control #{control_id} has no label")
        for button in driver.find_elements(By.CSS_SELECTOR, "button"):
            if not (button.get_attribute("aria-label") or button.text.strip()) and button.is_displayed():
                raise AssertionError("a button has no accessible name")
            if button.get_attribute("tabindex") == "-1":
                raise AssertionError(f"button {button.text!r} cannot be reached by keyboard")

        driver.set_window_size(375, 812)
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            raise AssertionError(f"the page is {overflow}px wider than a 375px phone screen")
        driver.set_window_size(1280, 900)
        driver.save_screenshot(args.screenshot)
        print(json.dumps({"before": before, "liked": liked, "after": after, "because": because,
                          "pitch": pitch.text, "generator": pitch.get_attribute("data-generator")}))
    finally:
        driver.quit()


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # report any failed check or driver error as one line
        print(f"web page check failed: {error}", file=sys.stderr)
        sys.exit(1)
