"""A cooperative's phase follows its region, in the tranches run in phases."""
import pytest

from murafaqa_desktop import assets
from murafaqa_desktop.domain.cooperative import phase_from_region


@pytest.mark.parametrize("region, phase", [
    ("10", 1), ("07", 1), ("04", 1), ("08", 1),  # Guelmim-Oued Noun, Marrakech-Safi, Rabat-Salé-Kénitra, Drâa-Tafilalet
    ("11", 2), ("03", 2), ("06", 2), ("05", 2),  # Laâyoune-Sakia El Hamra, Fès-Meknès, Casablanca-Settat, Béni Mellal
    ("01", None), ("09", None),  # regions in neither phase of tranche 4
])
def test_tranche_4_phase_per_region(region, phase):
    assert phase_from_region(assets.reference(), 4, region) == phase


@pytest.mark.parametrize("tranche", [1, 2, 3])
def test_tranches_1_to_3_have_no_phase(tranche):
    ref = assets.reference()
    assert all(phase_from_region(ref, tranche, region) is None for region in ref.regions)


@pytest.mark.parametrize("tranche, region", [(None, "07"), (4, None), (9, "07"), (4, "99")])
def test_no_tranche_no_region_or_unknown_ones_give_no_phase(tranche, region):
    assert phase_from_region(assets.reference(), tranche, region) is None
