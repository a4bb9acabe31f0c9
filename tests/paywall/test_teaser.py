from paywall.services.teaser import split_body


def test_teaser_ends_after_the_nth_top_level_paragraph():
    body = (
        "<h2>Sub</h2><p>One <b>bold</b></p>\r\n<p>Two\nlines</p>"
        "<blockquote><p>Q</p></blockquote><p>3</p>"
    )
    teaser, rest = split_body(body, paragraphs=2)
    assert teaser == "<h2>Sub</h2><p>One <b>bold</b></p>\r\n<p>Two\nlines</p>"
    assert rest == "<blockquote><p>Q</p></blockquote><p>3</p>"
    assert teaser + rest == body


def test_paragraphs_inside_quotes_and_lists_are_not_top_level():
    body = "<p>A</p><blockquote><p>B</p><p>C</p></blockquote><ul><li>D</li></ul><p>E</p><p>F</p>"
    teaser, _ = split_body(body, paragraphs=2)
    assert teaser == "<p>A</p><blockquote><p>B</p><p>C</p></blockquote><ul><li>D</li></ul><p>E</p>"


def test_short_body_always_withholds_its_last_paragraph():
    assert split_body("<p>A</p><p>B</p>", paragraphs=5) == ("<p>A</p>", "<p>B</p>")
    assert split_body("<p>Only</p>", paragraphs=2) == ("", "<p>Only</p>")
    assert split_body("", paragraphs=2) == ("", "")


def test_void_elements_and_entities_do_not_confuse_the_cut():
    body = "<p>A<br>b &amp; c</p><p>D<img src='x.jpg' alt=''></p><p>E</p>"
    assert split_body(body, paragraphs=2) == (
        "<p>A<br>b &amp; c</p><p>D<img src='x.jpg' alt=''></p>",
        "<p>E</p>",
    )
