"""img/draw_seed_images.py draws real illustrations, large enough never to be upscaled."""
import pytest
import importlib.util

from PIL import Image, ImageChops, ImageStat

from tests.conftest import ROOT


@pytest.mark.slow
def test_the_script_draws_four_illustrations(tmp_path):
    spec = importlib.util.spec_from_file_location("draw", ROOT / "img" / "draw_seed_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path)]) == 0
    for name in ("cloud.png", "ccschema.png", "team.png", "employee2.png"):
        image = Image.open(tmp_path / name)
        assert min(image.size) >= 800, name
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 50, f"{name} is a flat box"
        committed = Image.open(ROOT / "img" / name)
        assert committed.size == image.size, f"img/{name} is out of date: run img/draw_seed_images.py"
        if module.font(10).getname()[0].startswith("DejaVu"):  # labels drawn in the same face
            difference = ImageChops.difference(committed.convert("RGBA"), image.convert("RGBA"))
            assert max(ImageStat.Stat(difference).mean) < 2.0, f"img/{name} is out of date"
