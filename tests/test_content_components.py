"""GOV.UK components in Markdown: a designer types `!!! inset` and gets the GOV.UK macro's HTML."""

import re
import textwrap
from pathlib import Path

import pytest
import yaml
from jinja2 import Environment

from journeys.content.markdown import check_content, render_content
from journeys.pages.markdown_pages import check_markdown_page
from journeys.problems import ContentError
from journeys.project import Project
from journeys.rendering.environment import configure


@pytest.fixture
def render(make_project, make_app):
    """Markdown in, HTML out, through the real app's GOV.UK macros; newlines and indenting removed."""
    app = make_app(make_project({"pages/index.md": "Home\n"}))

    def render_(markdown: str) -> str:
        with app.app_context():
            return squash(render_content(textwrap.dedent(markdown).lstrip("\n"), "pages/page.md", 1))

    return render_


def squash(html: str) -> str:
    return re.sub(r"\s*\n\s*", "", str(html))


COMPONENTS = {
    "inset text": ("""
        !!! inset
            We collect on weekdays between 7am and 4pm.
        """, ['<div class="govuk-inset-text">We collect on weekdays between 7am and 4pm.</div>']),
    "inset text by its Design System name, with two paragraphs": ("""
        !!! inset-text
            We collect on weekdays.

            Not on bank holidays.
        """, ['<div class="govuk-inset-text"><p class="govuk-body">We collect on weekdays.</p>'
              '<p class="govuk-body">Not on bank holidays.</p></div>']),
    "warning text": ("""
        !!! warning
            You could be fined up to £400 if you leave items out on the **wrong day**.
        """, ['<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>'
              '<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>'
              'You could be fined up to £400 if you leave items out on the <strong>wrong day</strong>.</strong></div>']),
    "details": ("""
        !!! details "What we cannot collect"
            We cannot collect [hazardous waste](/hazardous).
        """, ['<details class="govuk-details"><summary class="govuk-details__summary">'
              '<span class="govuk-details__summary-text">What we cannot collect</span></summary>'
              '<div class="govuk-details__text">We cannot collect <a class="govuk-link" href="/hazardous">hazardous waste</a>.</div>'
              '</details>']),
    "notification banner": ("""
        !!! notification "Collections are delayed this week"
            Because of the bank holiday, [collections are a day late](/delays).
        """, ['<div class="govuk-notification-banner" role="region" aria-labelledby="govuk-notification-banner-title" data-module="govuk-notification-banner">',
              '<h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">Important</h2>',
              '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Collections are delayed this week</p>'
              '<p class="govuk-body">Because of the bank holiday, <a class="govuk-notification-banner__link" href="/delays">collections are a day late</a>.</p></div>']),
    "success notification banner": ("""
        !!! notification success "Booking cancelled"
            We have sent you a confirmation email.
        """, ['<div class="govuk-notification-banner govuk-notification-banner--success" role="alert"',
              'id="govuk-notification-banner-title">Success</h2>',
              '<p class="govuk-notification-banner__heading">Booking cancelled</p><p class="govuk-body">We have sent you a confirmation email.</p>']),
    "notification banner of one line, shown as its heading": ("""
        !!! notification
            You have 7 days left to send your application.
        """, ['<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">You have 7 days left to send your application.</p></div>']),
    "panel, each line on a line of its own": ("""
        !!! panel "Booking complete"
            Your reference number
            **HDJ2123F**
        """, ['<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Booking complete</h1>'
              '<div class="govuk-panel__body">Your reference number<br /><strong>HDJ2123F</strong></div></div>']),
    "panel with HTML, as in the Design System's examples": ("""
        !!! panel "Booking complete"
            Your reference number<br><strong>HDJ2123F</strong>
        """, ['<div class="govuk-panel__body">Your reference number<br><strong>HDJ2123F</strong></div>']),
    "panel with a title only": ("""
        !!! panel "Application complete"
        """, ['<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Application complete</h1></div>']),
    "tag": ("""
        !!! tag green
            Paid
        """, ['<strong class="govuk-tag govuk-tag--green">Paid</strong>']),
    "tag in the default blue": ("""
        !!! tag
            Received
        """, ['<strong class="govuk-tag">Received</strong>']),
    "tag in a colour's name from before GOV.UK Frontend 6": ("""
        !!! tag turquoise
            Active
        """, ['<strong class="govuk-tag govuk-tag--teal">Active</strong>']),
    "summary list": ("""
        !!! summary-list
            Name: Sarah Philips
            Address: 72 Guild Street
                London
                SE23 6FH
        """, ['<dl class="govuk-summary-list"><div class="govuk-summary-list__row">'
              '<dt class="govuk-summary-list__key">Name</dt><dd class="govuk-summary-list__value">Sarah Philips</dd></div>',
              '<dt class="govuk-summary-list__key">Address</dt>'
              '<dd class="govuk-summary-list__value">72 Guild Street<br>London<br>SE23 6FH</dd>']),
    "button": ("""
        !!! button secondary "/bulky-waste/prices"
            See our prices
        """, ['<a href="/bulky-waste/prices" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">See our prices</a>']),
    "start button": ("""
        !!! start-button "/bulky-waste/start"
        """, ['<a href="/bulky-waste/start" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Start now'
              '<svg class="govuk-button__start-icon"']),
    "table": ("""
        !!! table "Collection charges" row-headers
            | Items | Charge |
            | ----- | -----: |
            | 1     | £20    |
            | 2     | **£30** |
        """, ['<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Collection charges</caption>',
              '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Items</th>'
              '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Charge</th></tr></thead>',
              '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">1</th>'
              '<td class="govuk-table__cell govuk-table__cell--numeric">£20</td></tr>',
              '<td class="govuk-table__cell govuk-table__cell--numeric"><strong>£30</strong></td>']),
}


@pytest.mark.parametrize("markdown, expected", COMPONENTS.values(), ids=COMPONENTS.keys())
def test_each_component_renders_through_its_govuk_macro(render, markdown, expected):
    html = render(markdown)
    for markup in expected:
        assert markup in html


def test_components_sit_among_markdown_and_hold_markdown_and_other_components(render):
    html = render("""
        You can book up to 3 items.
        !!! details "What we cannot collect"
            - paint and chemicals
            - builders' rubble

            !!! warning
                Never leave **asbestos** out.

            Ask us about anything else.
        Call us on 0123 456 789.
        """)
    assert html == (
        '<p class="govuk-body">You can book up to 3 items.</p>'
        '<details class="govuk-details"><summary class="govuk-details__summary">'
        '<span class="govuk-details__summary-text">What we cannot collect</span></summary>'
        '<div class="govuk-details__text"><ul class="govuk-list govuk-list--bullet">'
        "<li>paint and chemicals</li><li>builders' rubble</li></ul>"
        '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>'
        '<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>'
        "Never leave <strong>asbestos</strong> out.</strong></div>"
        '<p class="govuk-body">Ask us about anything else.</p></div></details>'
        '<p class="govuk-body">Call us on 0123 456 789.</p>'
    )


def test_lines_after_an_empty_line_stay_in_the_component_while_indented(render):
    html = render("""
        !!! summary-list
            Name: Sarah Philips

            Phone: 0123 456 789
        !!! inset
            !!! tag
                Draft

            Not sent yet.
        """)
    assert html.count('<div class="govuk-summary-list__row">') == 2
    assert ('<div class="govuk-inset-text"><strong class="govuk-tag">Draft</strong>'
            '<p class="govuk-body">Not sent yet.</p></div>') in html


def test_content_renders_the_same_outside_the_app_as_in_it(render):
    # `journeys check` reads pages with no app running.
    every_component = "\n".join(textwrap.dedent(markdown) for markdown, _ in COMPONENTS.values())
    assert squash(render_content(every_component, "pages/page.md", 1)) == render(every_component)


def test_each_notification_banner_on_a_page_has_its_own_title_id(render):
    html = render("""
        !!! notification
            First

        !!! notification
            Second
        """)
    assert 'id="govuk-notification-banner-title">' in html
    assert 'aria-labelledby="govuk-notification-banner-title-2"' in html and 'id="govuk-notification-banner-title-2">' in html


TYPED_TEXT = {
    "quoted text": '!!! details "<script>alert(1)</script>"\n    Body\n',
    "a tag": "!!! tag red\n    <script>alert(1)</script>\n",
    "a button's text and link": '!!! button "/go\\"><script>alert(1)</script>"\n    <script>alert(1)</script>\n',
    "a summary list": "!!! summary-list\n    <script>alert(1)</script>: <script>alert(1)</script>\n",
    "a panel title": '!!! panel "<script>alert(1)</script>"\n',
    "a table caption": '!!! table "<script>alert(1)</script>"\n    | a |\n    | - |\n    | 1 |\n',
    "a notification heading": '!!! notification "<script>alert(1)</script>"\n',
}


@pytest.mark.parametrize("markdown", TYPED_TEXT.values(), ids=TYPED_TEXT.keys())
def test_text_typed_into_a_component_is_shown_as_typed_never_run(render, markdown):
    html = render(markdown)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("markdown", TYPED_TEXT.values(), ids=TYPED_TEXT.keys())
def test_typed_text_is_escaped_even_where_autoescape_is_off(make_project, markdown):
    environment = Environment()
    configure(environment, Project.at(make_project({"pages/index.md": "Home\n"})))
    environment.autoescape = False
    html = str(render_content(markdown, "pages/page.md", 1, environment))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_in_a_component_is_escaped_as_elsewhere_on_the_page(render):
    html = render("""
        !!! inset
            Fish & chips < £5, `<b>` in code.
        """)
    assert html == '<div class="govuk-inset-text">Fish &amp; chips &lt; £5, <code>&lt;b&gt;</code> in code.</div>'


def test_a_fenced_code_block_shows_components_as_text(render):
    html = render("""
        ```
        !!! insett
        ```
        """)
    assert html == "<pre><code>!!! insett</code></pre>"


PROBLEMS = {
    "unknown component": ("!!! insett\n    x\n", 1, "there is no component called 'insett'", "did you mean 'inset'?"),
    "no name": ("!!!\n    x\n", 1, "'!!!' should be followed by the name of a component",
                "For example:  !!! inset. Components are: inset, warning, details, notification, panel, tag, "
                "summary-list, button, start-button, table."),
    "panel without its title": ("!!! panel\n    Your reference\n", 1, "'!!! panel' needs the title in double quotes",
                                'For example:  !!! panel "Booking complete"'),
    "button without its link": ("!!! button\n    Start\n", 1, "'!!! button' needs the link in double quotes",
                                'For example:  !!! button "/bulky-waste/start"'),
    "button link without quotes": ("!!! button /start\n    Start\n", 1, "'!!! button' needs the link in double quotes",
                                   'Write:  !!! button "/start"'),
    "details summary without quotes": ("!!! details What we cannot collect\n    x\n", 1,
                                       "'!!! details' needs the summary in double quotes",
                                       'Write:  !!! details "What we cannot collect"'),
    "unknown tag colour": ("!!! tag purpel\n    Paid\n", 1, "there is no tag colour called 'purpel'", "did you mean 'purple'?"),
    "tag colour far from any": ("!!! tag light-blue\n    Paid\n", 1, "there is no tag colour called 'light-blue'",
                                "Use one of: grey, green, teal, blue, purple, magenta, red, orange, yellow."),
    "two tag colours": ("!!! tag red green\n    Paid\n", 1, "'!!! tag' takes only one tag colour", "For example:  !!! tag green"),
    "quoted tag colour": ('!!! tag "green"\n    Paid\n', 1, "'!!! tag' takes no quoted text", "Write it without quotes:  !!! tag green"),
    "words after a component that takes none": ("!!! inset please\n    x\n", 1, "'!!! inset' takes nothing after its name", "Remove 'please'."),
    "two quoted texts": ('!!! details "A" "B"\n    x\n', 1, "'!!! details' takes only one quoted text (the summary)",
                         'For example:  !!! details "What we cannot collect"'),
    "unclosed quote": ('!!! details "What we cannot collect\n    x\n', 1, "the quoted text has no closing double quote",
                       'Add " at the end of the text.'),
    "summary list line without a colon": ("!!! summary-list\n    Name: Sarah\n    Address 72 Guild Street\n", 3,
                                          "a summary list line should be 'Key: Value'", "For example:  Name: Sarah Philips"),
    "body not indented": ("!!! inset\nWe collect on weekdays.\n", 2, "the text under '!!! inset' (line 1) is not indented",
                          "Put 4 spaces before each line of it."),
    "body indented by 2 spaces": ('!!! details "Help"\n  Call us.\n', 2,
                                  "the lines under '!!! details' (line 1) should be indented by 4 spaces; this one has 2",
                                  "Put 4 spaces before it."),
    "body line indented by 2 spaces after others": ("!!! inset\n    We collect.\n  On weekdays.\n", 3,
                                                    "the lines under '!!! inset' (line 1) should be indented by 4 spaces; this one has 2",
                                                    "Put 4 spaces before it."),
    "body indented by 8 spaces": ("!!! inset\n        We collect.\n", 2,
                                  "the lines under '!!! inset' (line 1) should be indented by 4 spaces; this one has 8",
                                  "Put 4 spaces before it."),
    "no body": ("!!! warning\n\nText after.\n", 1, "'!!! warning' has no text under it",
                "Write its text on the next line, indented by 4 spaces."),
    "empty notification": ("!!! notification\n", 1, "'!!! notification' has no text under it",
                           "Write its text on the next line, indented by 4 spaces."),
    "warning of two paragraphs": ("!!! warning\n    One.\n\n    Two.\n", 4, "'!!! warning' (line 1) is one paragraph, with no empty lines",
                                  "Remove the empty line above this one, or take this text out of the warning."),
    "table without dashes": ("!!! table\n    | a | b |\n    | 1 | 2 |\n", 3,
                             "the second line of a table should be dashes under its headings, like | --- | --- |",
                             "Put a line like  | ----- | ------ |  under the first line, with one '-----' for each column."),
    "table with an empty line": ("!!! table\n    | a |\n    | - |\n\n    | 1 |\n", 5,
                                 "the table under '!!! table' (line 1) has an empty line between its rows", "Remove the empty line."),
    "indented !!! line": ("Text\n\n  !!! inset\n      x\n", 3, "'!!!' should be at the start of the line, not indented by 2 spaces",
                          "Remove the spaces; to put it inside a component, indent it 4 spaces more than that component's '!!!'."),
    "nested !!! line indented wrongly": ('!!! details "Help"\n    Text\n\n      !!! inset\n          x\n', 4,
                                         "a '!!!' line inside '!!! details' (line 1) should be indented by 4 spaces; this one has 6",
                                         "Put 4 spaces before '!!!'."),
    "component inside one that holds none": ("!!! tag\n    !!! inset\n        x\n", 2, "'!!! tag' (line 1) cannot hold other components",
                                             "Only inset, details and notification can. To put this after it instead, indent this line like '!!! tag'."),
}


@pytest.mark.parametrize("markdown, line, message, fix", PROBLEMS.values(), ids=PROBLEMS.keys())
def test_each_problem_is_reported_with_its_line_and_a_fix(markdown, line, message, fix):
    problems = check_content(markdown, "pages/apply.yaml", 1)
    assert [(p.file, p.line, p.message, p.fix) for p in problems] == [("pages/apply.yaml", line, message, fix)]


def test_every_problem_is_reported_at_once_counting_lines_from_where_the_text_starts():
    text = "Intro\n\n!!! insett\n    x\n\n!!! panel\n    Done\n\n!!! tag purpel\n    Paid\n"
    with pytest.raises(ContentError) as raised:
        render_content(text, "pages/apply.yaml", 12)
    assert [(p.line, p.message) for p in raised.value.problems] == [
        (14, "there is no component called 'insett'"),
        (17, "'!!! panel' needs the title in double quotes"),
        (20, "there is no tag colour called 'purpel'"),
    ]


def test_windows_line_endings_count_lines_the_same():
    problems = check_content("Intro\r\n\r\n!!! insett\r\n    x\r\n", "pages/page.md", 1)
    assert [p.line for p in problems] == [3]


DOCS = Path(__file__).resolve().parent.parent / "docs" / "content.md"


def test_every_example_in_the_designers_guide_works(render):
    guide = DOCS.read_text(encoding="utf-8")
    examples = re.findall(r"```markdown\n(.*?)```", guide, re.S)
    examples += [yaml.safe_load(text)["content"] for text in re.findall(r"```yaml\n(.*?)```", guide, re.S)]
    assert len(examples) > 10
    for example in examples:
        assert check_content(example, "docs/content.md", 1) == []
        assert "!!!" not in render(example)


PAGE = """\
---
title: Book a collection
---
You can book up to 3 items.

!!! details "What we cannot collect"
    - paint and chemicals
    - builders' rubble

!!! start-button "/bulky-waste/start"
"""


def test_a_markdown_page_shows_its_components_in_the_layout(make_project, make_app):
    page = make_app(make_project({"pages/book.md": PAGE})).test_client().get("/book").text
    main = page.split('<main class="govuk-main-wrapper" id="main-content">')[1].split("</main>")[0]
    assert '<h1 class="govuk-heading-xl">Book a collection</h1>' in main
    assert '<span class="govuk-details__summary-text">\n      What we cannot collect\n    </span>' in main
    assert "<li>builders' rubble</li>" in main
    assert 'href="/bulky-waste/start" role="button" draggable="false" class="govuk-button govuk-button--start"' in main


@pytest.mark.parametrize("text, lines", [
    # The front matter's three lines come before the text.
    ("---\ntitle: Book\n---\nIntro\n\n!!! insett\n    x\n\n!!! panel\n", [6, 9]),
    # The first '# heading' becomes the title, and still counts.
    ("---\nlayout: content\n---\n\n# Book\n\n!!! tag purpel\n    Paid\n", [7]),
    # Front matter and content problems are shown together.
    ("---\ntitle: Book\nlayuot: content\n---\n!!! tag purpel\n    Paid\n", [3, 5]),
])
def test_a_markdown_page_with_problems_shows_each_with_its_line_in_the_file(make_project, make_app, text, lines):
    response = make_app(make_project({"pages/book.md": text})).test_client().get("/book")
    assert response.status_code == 500
    shown = [int(line) for line in re.findall(r"<h2>pages/book.md:(\d+)</h2>", response.text)]
    assert shown == lines


def test_a_markdown_page_can_be_checked_without_the_app(make_project):
    project = make_project({"pages/book.md": "---\nlayuot: content\n---\n!!! tag purpel\n    Paid\n"})
    problems = check_markdown_page(project / "pages" / "book.md", "pages/book.md")
    assert [(p.line, p.message) for p in problems] == [
        (2, "unknown front matter key 'layuot'"), (4, "there is no tag colour called 'purpel'"),
    ]


def test_a_details_component_opens_in_the_browser(make_project, live_server, page):
    project = make_project({"pages/index.md": PAGE + """
!!! notification success "Booking cancelled"
    We have sent you a confirmation email.

!!! table "Collection charges"
    | Items | Charge |
    | ----- | -----: |
    | 1     | £20    |
"""})
    server = live_server(project)
    page.goto(server.url + "/")
    page.wait_for_load_state("networkidle")

    summary = page.get_by_text("What we cannot collect")
    paint = page.get_by_text("paint and chemicals")
    assert not paint.is_visible()
    summary.click()
    assert paint.is_visible()
    assert page.locator("details.govuk-details").get_attribute("open") is not None
    assert page.get_by_role("alert").get_by_text("Booking cancelled").is_visible()
    assert page.get_by_role("table", name="Collection charges").is_visible()
    assert page.watch.console_errors == []
    assert page.watch.failed_requests == []
