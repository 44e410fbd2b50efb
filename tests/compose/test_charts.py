"""```chart blocks: CSV to a chart's data, or a table with a warning."""
import pytest

from builder.compose.charts import chart_block
from builder.diagnostics import Diagnostics
from builder.model import Image, Table


def test_csv_becomes_series_by_column_and_categories_by_row():
    report = Diagnostics("talk.md")
    image = chart_block("Quarter,2025,2026\nQ1,10,12\nQ2,\"1,100\",15%\n", 4, "line", "Sales", report)
    assert isinstance(image, Image) and image.src == "chart:4" and not report.items
    chart = image.chart
    assert (chart.kind, chart.title, chart.categories, chart.category_name) == ("line", "Sales", ("Q1", "Q2"), "Quarter")
    assert chart.series == (("2025", (10.0, 1100.0)), ("2026", (12.0, 15.0)))
    assert image.alt.startswith("Line chart: Sales by Quarter. 2025: Q1 10, Q2 1100")


@pytest.mark.parametrize("text, kind, said", [
    ("a,b\nx,ten\n", None, "'ten' is not a number"),
    ("only one column\nx\n", None, "needs a header row"),
    ("a,b\nx,1\n", "donut", "chart type 'donut'"),
    ("h,w\ntall,5\n", "scatter", "first column holds numbers"),
])
def test_what_is_not_a_charts_data_is_a_table_with_a_warning(text, kind, said):
    report = Diagnostics("talk.md")
    table = chart_block(text, 9, kind, None, report)
    assert isinstance(table, Table)
    [warning] = report.items
    assert warning.line == 9 and said in warning.message
