"""Diplomatic missions named in running text: kind, sender, host and city."""

from __future__ import annotations

from legation.extract import extract


def missions(title: str, text: str) -> set[tuple[str, str, str, str]]:
    record = extract(f"= {title} =\n\n{text}\n")
    return {(m.kind, m.sender, m.host, m.city) for m in record.missions}


def test_a_deputy_high_commission_is_not_the_high_commission() -> None:
    found = missions("Bangladesh–India relations",
                     "Bangladesh has a high commission in New Delhi and a deputy high commission in Kolkata, while "
                     "India has a high commission in Dhaka and an assistant high commission in Chittagong.")
    assert found == {("high-commission", "BGD", "IND", "New Delhi"), ("other", "BGD", "IND", "Kolkata"),
                     ("high-commission", "IND", "BGD", "Dhaka"), ("other", "IND", "BGD", "Chittagong")}, found


def test_a_consulate_in_a_territory_is_hosted_by_the_state_that_holds_it() -> None:
    found = missions("China–India relations", "India has an embassy in Beijing and consulates-general in Shanghai, "
                     "Guangzhou and Hong Kong.")
    assert ("consulate-general", "IND", "CHN", "Hong Kong") in found, found


def test_a_city_that_bears_another_countrys_name_is_the_hosts_city() -> None:
    found = missions("Costa Rica–Nicaragua relations", "Costa Rica has an embassy in Managua; Nicaragua has an embassy "
                     "in San José and a consulate in Liberia.")
    assert ("consulate", "NIC", "CRI", "Liberia") in found, found


def test_honorary_consulates_in_a_list_of_cities_are_one_each() -> None:
    found = missions("Indonesia–Netherlands relations", "Indonesia has an embassy in The Hague; the Netherlands has an "
                     "embassy in Jakarta and honorary consulates in Medan, Surabaya and Denpasar.")
    assert {("honorary-consulate", "NLD", "IDN", city) for city in ("Medan", "Surabaya", "Denpasar")} <= found, found


def test_a_mission_to_an_organisation_is_none_between_the_sides() -> None:
    found = missions("Armenia–Turkey relations", "Armenia keeps a permanent mission to the Organization of the Black "
                     "Sea Economic Cooperation in Istanbul, but neither state has an embassy in the other.")
    assert found == set(), found
