import pytest

from builder.geometry import Box, LayoutInfo, TemplateInfo


@pytest.fixture
def template():
    """The geometry of the project's 16:9 template, written out by hand."""
    title = Box(609600, 274638, 10972800, 1143000)
    return TemplateInfo(
        slide_w=12192000, slide_h=6858000, title_size=40.0, body_size=28.0,
        layouts={
            "title": LayoutInfo("Title Slide", title=Box(914400, 2130425, 10363200, 1470025),
                                subtitle=Box(1828800, 3886200, 8534400, 1752600)),
            "content": LayoutInfo("Title and Content", title=title, body=Box(609600, 1600200, 10972800, 4525963)),
            "section": LayoutInfo("Section Header", title=Box(963084, 4406900, 10363200, 1362075)),
        })
