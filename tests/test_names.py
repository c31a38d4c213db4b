"""Person names: transliterations match, other people do not, names are read whole."""
import pytest

from checker.values.names import near_miss, read_name, same_person


@pytest.mark.parametrize("stated, known", [
    ("Andrei Belousov", "Andrey Belousov"),
    ("Belousov", "Andrey Belousov"),
    ("Yuri Borisov", "Yury Borisov"),
    ("Shin Wonsik", "Shin Won-sik"),
    ("Shin Won Sik", "Shin Won-sik"),
    ("Kim Jong-un", "Kim Jong Un"),
    ("Sergey Lavrov", "Sergei Lavrov"),
    ("Aleksandr Novak", "Alexander Novak"),
    ("Dmitriy Peskov", "Dmitry Peskov"),
    ("Vladimir Vladimirovich Putin", "Vladimir Putin"),
    ("Dmitri Peskov", "Dmitry Peskov"),
])
def test_same_person(stated, known):
    assert same_person(stated, known)


@pytest.mark.parametrize("stated, known", [
    ("Yuri Ushakov", "Yury Borisov"),
    ("Sergei Shoigu", "Andrey Belousov"),
    ("Denis Manturov", "Alexander Novak"),
    ("Choe Ryong Hae", "Choe Son Hui"),
    ("Borisenko", "Yury Borisov"),
    ("Ushkov", "Yuri Ushakov"),
])
def test_different_person(stated, known):
    assert not same_person(stated, known)


def test_near_miss_flags_one_letter():
    assert near_miss("Belousow", "Belousov") is False  # folded: same
    assert near_miss("Belousev", "Belousov")


@pytest.mark.parametrize("text, name", [
    ("Defense Minister Andrey Belousov, First Deputy", "Andrey Belousov"),
    ("Minister Sergei Lavrov said on Monday", "Sergei Lavrov"),
    ("Chief Yury Borisov and the head", "Yury Borisov"),
    ("Minister Shin Won-sik has said", "Shin Won-sik"),
    ("Minister Belousov.", "Belousov"),
    ("Minister Says Shells Arrived", None),
])
def test_read_name_after_a_role(text, name):
    first = text.index(" ") + 1
    if text.startswith(("Defense",)):
        first = text.index("Andrey")
    got = read_name(text, first, len(text))
    assert (got.text if got else None) == name


@pytest.mark.parametrize("country, text, found", [
    ("United Kingdom", "The Bank of England cut rates.", True),
    ("UK", "Rain swept across Scotland and Wales.", True),
    ("Russia", "Rain swept across Scotland.", False),
    ("United States", "Hurricane Milton struck Florida.", True),
    ("United States", "Investors in Georgian bonds sold.", False),  # an adjective is no region
])
def test_a_story_names_a_country_through_its_regions(country, text, found):
    from checker.values.places import regions_of
    assert (regions_of(country).search(text) is not None) == found


def test_only_countries_have_regions():
    from checker.values.places import regions_of
    assert regions_of("Acme") is None and regions_of("Swiss National Bank") is None
    assert regions_of("Russia") is not None  # (the ISO name is "Russian Federation")


def test_particles_do_not_count_towards_a_names_length():
    text = "Sheikh Mohamed bin Zayed Al Nahyan, has ordered"
    assert read_name(text, 0, len(text)).text == "Mohamed bin Zayed Al Nahyan"


def test_place_in_a_claim_skips_the_person_and_role():
    from checker.values.places import place_in
    assert place_in("Sergei Lavrov is Russia's foreign minister", "Sergei Lavrov foreign minister") == "Russia"
    assert place_in("Ron DeSantis is the Governor of Florida", "Ron DeSantis governor") == "Florida"
    assert place_in("Georgia Meloni is Italy's prime minister", "Georgia Meloni prime minister") == "Italy"
    assert place_in("Yury Borisov heads Roscosmos", "Yury Borisov Roscosmos head") is None
    assert place_in("", "") is None
