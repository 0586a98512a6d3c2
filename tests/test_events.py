"""Events of whole articles: what is dated how, end to end (reading, time, clauses, cues)."""

from __future__ import annotations

from legation.extract import extract


def events(title: str, body: str) -> list[tuple[str, str | None, tuple[str, ...], str]]:
    record = extract(f"= {title} =\n\n{body}\n")
    return [(e.start, e.end, e.types, e.evidence) for e in record.events]


def test_the_year_a_first_is_measured_from_does_not_date_it() -> None:
    found = events("China–India relations",
                   "Rajiv Gandhi's visit to Beijing in December 1988, the first by an Indian prime minister since "
                   "1954, and his meeting with Deng Xiaoping began a thaw.")
    assert found and all(start.startswith("1988") for start, *_ in found), found


def test_a_shift_in_days_dates_the_next_sentence_to_the_day() -> None:
    found = events("Iran–Iraq relations",
                   "Saddam Hussein tore up the Algiers Agreement on 17 September 1980. Iraqi forces invaded Iran "
                   "five days later.")
    assert [(start, types[0]) for start, _, types, _ in found] == [("1980-09-17", "REJECT"), ("1980-09-22", "ASSAULT")]


def test_a_range_from_a_day_without_its_year() -> None:
    found = events("Ecuador–Peru relations", "The Cenepa War was fought from 26 January to 28 February 1995.")
    assert [(start, end) for start, end, *_ in found] == [("1995-01-26", "1995-02-28")]


def test_a_place_relative_clause_with_an_act_of_its_own_is_an_event_of_its_own() -> None:
    found = events("Croatia–Serbia relations",
                   "Presidents Ivo Josipović and Boris Tadić visited Vukovar together in November 2010, where Tadić "
                   "apologised for the Ovčara massacre.")
    assert [(start, types[0], evidence.split()[0]) for start, _, types, evidence in found] == [
        ("2010-11", "CONSULT", "Presidents"), ("2010-11", "CONCEDE", "where")]


def test_a_war_and_the_treaty_that_ended_it_are_two_events() -> None:
    found = events("Iran–Turkey relations",
                   "A war between the Ottoman Empire and Qajar Iran from 1821 to 1823 ended with the First Treaty of "
                   "Erzurum in July 1823.")
    assert [(start, end, types[0]) for start, end, types, _ in found] == [
        ("1821", "1823", "ASSAULT"), ("1823-07", "1823-07", "AGREE")]
    found = events("Russia–Turkey relations",
                   "The war of 1768–1774 ended with the Treaty of Küçük Kaynarca, which gave Russia access to the "
                   "Black Sea.")
    assert [(start, types[0]) for start, _, types, _ in found] == [("1768", "ASSAULT"), ("1774", "AGREE")]


def test_the_year_that_names_an_agreement_does_not_date_the_act_on_it() -> None:
    found = events("Bangladesh–India relations",
                   "In June 2015, Prime Minister Narendra Modi visited Dhaka, and the two countries exchanged the "
                   "instruments of ratification of the 1974 Land Boundary Agreement.")
    assert [start for start, *_ in found] == ["2015-06", "2015-06"], found


def test_what_began_and_ended_is_one_event_over_both_times() -> None:
    found = events("Philippines–United States relations",
                   "The Philippine–American War, which began in February 1899 and officially ended in 1902, killed "
                   "more than 200,000 Filipino civilians.")
    assert [(start, end) for start, end, *_ in found] == [("1899-02", "1902")], found


def test_a_whose_clause_with_a_time_and_an_act_of_its_own_is_an_event_of_its_own() -> None:
    found = events("Germany–Russia relations",
                   "In the 2000s, Chancellor Gerhard Schröder and President Vladimir Putin backed the Nord Stream gas "
                   "pipeline, whose first line opened in November 2011.")
    assert [(start, end, types[0]) for start, end, types, _ in found] == [
        ("2000", "2009", "SUPPORT"), ("2011-11", "2011-11", "COOPERATE")], found


def test_an_untimed_dispute_that_ended_with_a_treaty_is_not_cut_from_it() -> None:
    found = events("Ecuador–Peru relations",
                   "The dispute ended with the Treaty of Mapasingue of 25 January 1860, later declared void.")
    assert [evidence.split()[0] for *_, evidence in found] == ["The"] and len(found[0][3]) > 20, found


def test_a_visit_and_a_meeting_on_it_are_one_event() -> None:
    found = events("Iran–Turkey relations",
                   "Reza Shah Pahlavi made a state visit to Turkey in June 1934, his only journey abroad as monarch, "
                   "and met Mustafa Kemal Atatürk.")
    assert len(found) == 1 and found[0][3].endswith("Atatürk"), found


def test_a_coordinated_clause_with_a_subject_of_its_own_is_an_event_of_its_own() -> None:
    found = events("Nigeria–South Africa relations",
                   "In March 2012 South Africa turned back 125 Nigerian travellers at the airport in Johannesburg. "
                   "Nigeria retaliated by deporting dozens of South Africans, and South Africa apologised.")
    assert [(start, evidence.split()[-1]) for start, _, _, evidence in found][-2:] == [
        ("2012-03", "Africans"), ("2012-03", "apologised")]


def test_a_clause_after_a_semicolon_with_a_subject_of_its_own_is_an_event_of_its_own() -> None:
    found = events("Azerbaijan–Iran relations",
                   "In 2012 Azerbaijan signed an arms deal with Israel, and Iran accused Baku of helping Israeli "
                   "agents who had killed its nuclear scientists; Azerbaijan denied the charge.")
    assert [(start, evidence.split()[-1]) for start, _, _, evidence in found] == [
        ("2012", "Israel"), ("2012", "scientists"), ("2012", "charge")], found


def test_a_relative_clause_in_which_the_other_side_answers_is_an_event_of_its_own() -> None:
    found = events("Azerbaijan–Iran relations",
                   "In 1992 President Abulfaz Elchibey called for the unification of northern and southern "
                   "Azerbaijan, which Tehran denounced.")
    assert [(start, evidence.split()[-1]) for start, _, _, evidence in found] == [
        ("1992", "Azerbaijan"), ("1992", "denounced")], found
    found = events("North Korea–South Korea relations",
                   "In March 2010 the South Korean corvette Cheonan was sunk by a torpedo; an international "
                   "investigation blamed North Korea, which denied responsibility.")
    assert [evidence.split()[-1] for *_, evidence in found][-2:] == ["Korea", "responsibility"], found
    # what a side merely hosted or cited is no answer
    found = events("Nigeria–South Africa relations",
                   "In 1996 Nigeria withdrew from the African Cup of Nations, which South Africa hosted.")
    assert len(found) == 1, found


def test_a_second_time_after_and_is_a_second_act_though_the_first_opens_with_a_comma() -> None:
    found = events("Costa Rica–Nicaragua relations",
                   "On December 16, 2015, the court ruled that the area belonged to Costa Rica and on 2 February 2018 "
                   "ordered Nicaragua to pay it compensation, which Nicaragua paid that March.")
    assert [(start, evidence.split()[-1]) for start, _, _, evidence in found] == [
        ("2015-12-16", "Rica"), ("2018-02-02", "compensation"), ("2018-03", "March")], found


def test_a_second_verb_of_the_same_subject_stays_in_its_clause() -> None:
    found = events("Nigeria–South Africa relations",
                   "In March 2012 South Africa turned back 125 Nigerian travellers at the airport in Johannesburg. "
                   "Nigeria retaliated by deporting dozens of South Africans, and apologised.")
    assert [evidence.split()[-1] for *_, evidence in found][-1:] == ["apologised"]
    assert len(found) == 2


def test_a_list_of_clauses_each_with_its_subject_gives_an_event_each() -> None:
    found = events("Nigeria–South Africa relations",
                   "After the riots of September 2019, Nigeria boycotted the World Economic Forum in Cape Town, "
                   "South Africa closed its missions in Nigeria after reprisal attacks, and hundreds of Nigerians "
                   "were flown home.")
    assert [(start, evidence.split()[0]) for start, _, _, evidence in found][:2] == [
        ("2019-09", "After"), ("2019-09", "South")]


def test_a_fronted_phrase_before_a_comma_is_no_clause_of_a_list() -> None:
    found = events("Iran–Iraq relations",
                   "In August 1990, shortly after invading Kuwait, Saddam offered to return to the terms of 1975, "
                   "and prisoner exchanges began.")
    assert found and not any(evidence.startswith("In August 1990, shortly") and evidence.endswith("Kuwait")
                             for *_, evidence in found), found


def test_a_side_that_opens_its_sentence_takes_the_time_before() -> None:
    found = events("Qatar–Saudi Arabia relations",
                   "In June 2017 Saudi Arabia and its allies presented a list of 13 demands to Qatar. "
                   "Qatar rejected the demands.")
    assert [(start[:4], evidence) for start, _, _, evidence in found][-1:] == [("2017", "Qatar rejected the demands")]


def test_a_sentence_naming_no_side_takes_no_time_from_the_one_before() -> None:
    found = events("Qatar–Saudi Arabia relations",
                   "In June 2017 Saudi Arabia and its allies presented a list of 13 demands to Qatar. "
                   "The emir rejected the demands.")
    assert len(found) == 1, found


def test_a_relative_clause_between_a_fronted_phrase_and_the_main_clause_is_one_event_with_it() -> None:
    found = events("France–United Kingdom relations",
                   "By the Treaty of Paris of 1763, which ended the Seven Years' War, France ceded Canada to Britain.")
    assert [(start, end, evidence[:6]) for start, end, _, evidence in found] == [("1763", "1763", "By the")], found


def test_a_comma_in_a_list_of_names_cuts_no_clause() -> None:
    found = events("Armenia–Azerbaijan relations",
                   "The two republics declared independence in May 1918 and fought a war over Nakhchivan, Zangezur "
                   "and Karabakh until both were taken over by the Red Army in 1920–1921.")
    assert any(evidence.endswith("Karabakh until both were taken over by the Red Army in 1920–1921")
               or "fought a war over Nakhchivan, Zangezur and Karabakh" in evidence for *_, evidence in found), found


def test_a_war_begun_that_lasted_until_a_year_runs_to_it() -> None:
    found = events("Indonesia–Netherlands relations",
                   "In 1873 the Netherlands began a war against the Sultanate of Aceh that lasted until 1904.")
    assert [(start, end) for start, end, *_ in found] == [("1873", "1904")], found


def test_since_then_is_since_the_last_time_told() -> None:
    found = events("Iran–Israel relations",
                   "Pahlavi Iran recognised Israel de facto in March 1950, and the two states were partners until the "
                   "Iranian Revolution of 1979. Since then the Islamic Republic has refused to recognise Israel.")
    assert [(start, end) for start, end, _, evidence in found if evidence.startswith("Since")] == [("1979", None)], found


def test_a_conjunct_that_leaves_out_its_verb_repeats_the_act_before_it() -> None:
    found = events("France–Spain relations",
                   "French troops defeated the Spanish army at Rocroi in May 1643 and again at Lens in August 1648.")
    assert [(start, types[0], evidence.split()[0]) for start, _, types, evidence in found] == [
        ("1643-05", "ASSAULT", "French"), ("1648-08", "ASSAULT", "and")], found
    record = extract("= France–Spain relations =\n\nFrench troops defeated the Spanish army at Rocroi in May 1643 "
                     "and again at Lens in August 1648.\n")
    assert record.events[1].actors == record.events[0].actors  # (the act's sides, from the clause before)


def test_a_bare_time_after_and_again_runs_the_act_before_to_it() -> None:
    # The references read "invaded … in 1657 and again in 1658" as one act told over two times.
    found = events("Denmark–Sweden relations", "Swedish forces invaded Denmark in 1657 and again in 1658.")
    assert found == [("1657", "1658", ("ASSAULT",), "Swedish forces invaded Denmark in 1657 and again in 1658")]


def test_a_year_followed_by_a_thousands_figure_is_no_date() -> None:
    found = events("Norway–Sweden relations",
                   "In 1905, in a referendum on 13 August, 368,208 Norwegians voted for the dissolution of the union.")
    assert [start for start, *_ in found] == ["1905-08-13"], found


def test_a_relative_time_anchors_on_the_last_of_equally_precise_times_before_it() -> None:
    found = events("Greece–Turkey relations",
                   "Talks opened in Geneva in March 1997 and broke down in October 1998. Greece protested to the "
                   "Security Council that summer.")
    assert [start for start, _, _, evidence in found if evidence.startswith("Greece")] == ["1998"], found


def test_a_span_from_the_time_told_neither_cuts_a_clause_nor_anchors_what_follows() -> None:
    found = events("Lithuania–Poland relations",
                   "On 3 May 1920 Poland sent an ultimatum demanding an answer within 24 hours, and Lithuania gave "
                   "in two days later.")
    assert [start for start, *_ in found] == ["1920-05-03", "1920-05-05"], found
    found = events("India–Nepal relations",
                   "After the earthquake of April 2015 India launched a relief operation, its largest abroad, "
                   "within hours.")
    assert [evidence.endswith("within hours") for *_, evidence in found] == [True], found


def test_a_time_the_act_is_only_placed_after_gives_way_to_its_own() -> None:
    found = events("Algeria–France relations",
                   "After the coup of 19 June 1965 in Algiers, France and Algeria signed an oil agreement on "
                   "29 July 1965.")
    assert [start for start, *_ in found] == ["1965-07-29"], found


def test_a_who_clause_with_the_sentences_only_time_is_an_act_of_its_own() -> None:
    found = events("Angola–Portugal relations",
                   "Portugal mediated between the MPLA government and UNITA, who signed the Bicesse Accords near "
                   "Lisbon on 31 May 1991.")
    assert [(start, evidence.split()[0]) for start, _, _, evidence in found] == [
        ("1991-05-31", "Portugal"), ("1991-05-31", "who")], found
    # (a state of the relations with a "which" clause is no act: see test_cues and _STATE)
    found = events("China–India relations",
                   "Relations have been strained by the border dispute, which led to a war in 1962.")
    assert len(found) == 1, found


def test_a_start_and_an_end_told_apart_are_one_interval() -> None:
    found = events("Ghana–United Kingdom relations",
                   "King Prempeh resisted British expansion from the 1880s until his death in 1931.")
    assert [(start, end) for start, end, *_ in found] == [("1880", "1931")], found


def test_what_a_clause_lasted_runs_on_the_time_it_takes_from_another() -> None:
    found = events("Angola–Portugal relations",
                   "On 4 February 1961 rebels attacked a prison in Luanda, and an uprising followed in March; the war "
                   "lasted thirteen years.")
    assert [(start, end) for start, end, _, evidence in found if evidence.startswith("the war")] == [
        ("1961-03", "1974")], found


def test_a_rule_kept_for_centuries_or_decades_runs_on_that_long() -> None:
    found = events("Finland–Russia relations",
                   "In 1809 Sweden ceded Finland to Russia, and the duchy stayed under Russian rule for more than a "
                   "century. In 1935 both sides opened border talks, which went on for almost two decades.")
    assert [(start, end) for start, end, *_ in found] == [("1809", "1809"), ("1809", "1914"), ("1935", "1954")], found


def test_what_garrisons_held_for_the_following_years_runs_on_that_long() -> None:
    found = events("Iran–Oman relations", "In 1737 Nader Shah sent an army into Oman, and Persian garrisons held much "
                   "of the coast for most of the following seven years.")
    assert [(start, end) for start, end, *_ in found][-1] == ("1737", "1744"), found


def test_what_another_conjunct_lasted_does_not_run_on_the_act() -> None:
    found = events("Canada–India relations",
                   "In 1974 Canada cut off all nuclear aid to India, and relations stayed cool for two decades.")
    assert [(start, end) for start, end, *_ in found] == [("1974", "1974")], found


def test_a_year_after_a_noun_and_of_anchors_no_relative_time() -> None:
    found = events("Montenegro–Serbia relations",
                   "On 28 November 2020 Montenegro expelled the Serbian ambassador for calling the union of 1918 a "
                   "\"liberation\"; Serbia withdrew its envoy the following day.")
    assert [start for start, *_ in found] == ["2020-11-28", "2020-11-29"], found


def test_a_year_that_names_a_thing_anchors_no_relative_time() -> None:
    found = events("El Salvador–Honduras relations",
                   "In 2013 El Salvador protested over an islet that the 1992 judgment had not named, and the two "
                   "presidents agreed that October to keep the dispute out of the military sphere.")
    assert [(start, types[0]) for start, _, types, _ in found] == [("2013", "PROTEST"), ("2013-10", "AGREE")], found


def test_a_verb_with_a_time_of_its_own_after_one_without_is_another_occasion() -> None:
    found = events("Burma–Thailand relations",
                   "In 1766 a Burmese army besieged Ayutthaya. Burmese troops defeated its defenders, sacked the city "
                   "the following year and deported thousands of captives.")
    assert [(start, evidence) for start, _, _, evidence in found][1:] == [
        ("1766", "Burmese troops defeated its defenders"),
        ("1767", "sacked the city the following year and deported thousands of captives")], found


def test_a_subject_of_its_own_after_and_or_a_semicolon_reports_an_act_of_its_own() -> None:
    found = events("El Salvador–Honduras relations",
                   "On 14 July 1969 the Salvadoran army invaded Honduras and its air force bombed the airport of "
                   "Tegucigalpa.")
    assert [evidence for *_, evidence in found] == ["On 14 July 1969 the Salvadoran army invaded Honduras",
                                                    "and its air force bombed the airport of Tegucigalpa"], found
    # (each part, with no time of its own, takes the paragraph's, as both sides are named in the sentence)
    found = events("Qatar–Saudi Arabia relations",
                   "On 5 June 2017 Saudi Arabia cut ties with Qatar. Riyadh closed the border; Qatari citizens were "
                   "given 14 days to leave.")
    assert [(start, evidence) for start, _, _, evidence in found][1:] == [
        ("2017-06-05", "Riyadh closed the border"),
        ("2017-06-05", "Qatari citizens were given 14 days to leave")], found


def test_from_a_time_until_an_act_told_with_its_own_time_is_one_interval() -> None:
    found = events("China–Vietnam relations", "The Ming dynasty occupied Đại Việt from 1407 until Lê Lợi drove out "
                   "its armies in 1427.")
    assert [(start, end) for start, end, *_ in found] == [("1407", "1427")], found


def test_what_was_not_done_until_a_time_was_done_then() -> None:
    found = events("Cambodia–Thailand relations",
                   "In 1962 both countries withdrew their ambassadors, and ambassadors were not exchanged again "
                   "until 1976.")
    assert [(start, end, types) for start, end, types, _ in found][1:] == [("1976", "1976", ("COOPERATE",))], found


def test_a_semicolon_marks_off_the_part_that_reports_an_act_and_its_time() -> None:
    # An invented sentence: the part after the semicolon reports no act between the two, so it is no evidence.
    found = events("Iraq–Kuwait relations",
                   "On 2 August 1990 Iraq invaded Kuwait; the emir and his cabinet fled to Saudi Arabia, where they "
                   "formed a government in exile.")
    assert [(start, types[0], evidence) for start, _, types, evidence in found] == [
        ("1990-08-02", "ASSAULT", "On 2 August 1990 Iraq invaded Kuwait")], found
    # Without its own time, the part with the act keeps the whole sentence: nothing to tell the parts apart by.
    found = events("Iraq–Kuwait relations",
                   "Iraq invaded Kuwait; the emir and his cabinet fled to Saudi Arabia in August 1990.")
    assert [evidence for *_, evidence in found] == [
        "Iraq invaded Kuwait; the emir and his cabinet fled to Saudi Arabia in August 1990"], found


def test_after_a_colon_a_clause_with_a_time_of_its_own_is_the_next_step() -> None:
    # Invented: the visit and the signing are two acts, each with its own date.
    found = events("Kenya–Uganda relations",
                   "President Ruto travelled to Kampala in March 2023: on 4 April 2023 he and Museveni signed a "
                   "protocol on the railway.")
    assert [(start, evidence.split()[0]) for start, _, _, evidence in found] == [
        ("2023-03", "President"), ("2023-04-04", "on")], found
    # A state before the colon is no act: the figure after it stays with it.
    found = events("Portugal–Spain relations",
                   "Spain is Portugal's largest trading partner: in 2022 bilateral trade was worth about €50 billion.")
    assert len(found) <= 1 and all(evidence.startswith("Spain") for *_, evidence in found), found


def test_the_occasions_relative_clause_with_both_sides_acting_is_an_act_of_its_own() -> None:
    # Invented sentences.
    found = events("Egypt–Sudan relations",
                   "President Sisi visited Khartoum in October 2016, when the two governments signed a treaty on "
                   "the Nile waters.")
    assert [(start, types, evidence.split()[0]) for start, _, types, evidence in found] == [
        ("2016-10", ("CONSULT",), "President"), ("2016-10", ("SUPPORT", "AGREE"), "when")], found
    # Over decades the main clause tells a state, not an occasion; and a copy cut off before the act's object
    # tells no act: both stay one event.
    for body in ("Rivalry returned under the military governments of the 1960s and 1970s, when both countries "
                 "pursued nuclear programmes and clashed over a dam.",
                 "President Sisi visited Khartoum in October 2016, when the two sides signed a"):
        assert len(events("Egypt–Sudan relations", body)) == 1, body


def test_a_relative_clause_that_accuses_those_just_acted_on_is_an_act_of_its_own() -> None:
    # Invented.
    found = events("Czech Republic–Russia relations",
                   "On 17 April 2021 Prague expelled 18 Russian diplomats whom it accused of spying.")
    assert [(start, types[0], evidence.split()[0]) for start, _, types, evidence in found] == [
        ("2021-04-17", "SANCTION", "On"), ("2021-04-17", "ACCUSE", "whom")], found


def test_after_a_colon_a_full_clause_with_its_own_time_is_an_act_of_its_own() -> None:
    # Invented: the backing and the pact are two acts; a bare "trade resumed:" is told by what follows it.
    found = events("Egypt–Saudi Arabia relations",
                   "After the officers took power in July 1952, Riyadh at first backed the new regime: a mutual "
                   "defence pact was signed on October 27, 1955.")
    assert [(start, evidence.split()[0]) for start, _, _, evidence in found] == [
        ("1952-07", "Riyadh"), ("1955-10-27", "a")], found
    found = events("Georgia–Russia relations",
                   "Talks began in 2012, and trade resumed: Russia lifted its wine embargo the following year.")
    assert not any(evidence == "trade resumed" for *_, evidence in found), found


def test_a_sentence_that_answers_the_act_before_it_takes_its_time() -> None:
    # Invented: the answers have no time of their own and the act's date closes its sentence.
    found = events("Canada–Mexico relations",
                   "Citing a surge in refugee claims, Canada imposed visas on Mexican visitors on July 13, 2009. Mexico "
                   "called the measure unfriendly. It retaliated by requiring visas of Canadian officials.")
    assert [(start, evidence.split()[0]) for start, _, _, evidence in found] == [
        ("2009-07-13", "Citing"), ("2009-07-13", "Mexico"), ("2009-07-13", "It")], found
    # A sentence that only names the act again, to say what came of it, is no answer.
    found = events("Laos–Vietnam relations",
                   "After years of raids on its western frontier, the Vietnamese army invaded Laos in the 1680s. "
                   "However, the Vietnamese invasion damaged Laos heavily.")
    assert len(found) == 1, found


def test_an_answer_after_a_semicolon_and_more_of_the_same_act_are_events_of_their_own() -> None:
    # Invented.
    found = events("Spain–United Kingdom relations",
                   "In July 2013 Gibraltar dropped some 70 concrete blocks into the bay; Spain answered with "
                   "hours-long checks at the border. He also cut its telephone links.")
    assert [(start, evidence.split()[0]) for start, _, _, evidence in found] == [
        ("2013-07", "Spain"), ("2013-07", "He")], found
    found = events("Egypt–Saudi Arabia relations",
                   "Mohammed bin Salman visited Cairo in October 2024, when he and Sisi signed a protocol on trade.")
    assert [evidence.split()[0] for *_, evidence in found] == ["Mohammed", "when"], found


def test_a_relative_clause_in_which_a_government_calls_the_act_something_is_an_act_of_its_own() -> None:
    # Invented.
    found = events("Denmark–Sweden relations",
                   "In 2019 Denmark brought back checks on its Swedish border, which the Swedish government called "
                   "regrettable.")
    assert [evidence.split()[0] for *_, evidence in found] == ["In", "which"], found


def test_a_capital_that_acts_is_its_side() -> None:
    # Invented: "Vienna protested" opens with the side's government, as "Austria protested" would.
    found = events("Austria–Hungary relations",
                   "The plebiscite was held in Sopron in December 1921. Vienna protested that the vote had been rigged.")
    assert any(evidence.startswith("Vienna protested") and start == "1921-12" for start, *_, evidence in found), found
