"""The PLOVER lexicon: which event types the words of a clause signal (legation.extract.cues)."""

from __future__ import annotations

import pytest

from legation.extract.cues import has_cue, read_clause


@pytest.mark.parametrize("clause, wanted", [
    # force against a garrison or a people, not a diplomatic expulsion
    ("a British naval expedition expelled the Argentine garrison from the islands", {"COERCE", "ASSAULT"}),
    ("Somalia expelled the Ethiopian ambassador", {"SANCTION"}),
    # recalling or withdrawing envoys is a sanction; withdrawing troops a retreat
    ("both countries recalled their ambassadors", {"SANCTION"}),
    ("Both countries withdrew their ambassadors", {"SANCTION"}),
    ("South Africa recalled its high commissioner from Nigeria", {"SANCTION"}),
    ("the army withdrew from the border", {"RETREAT"}),
    ("South Africa temporarily closed its missions in Nigeria", {"SANCTION"}),
    ("ordered the consulates in Hargeisa and Garowe to close", {"SANCTION"}),
    # rejecting an agreement
    ("Saddam Hussein tore up the Algiers Agreement", {"REJECT"}),
    ("President Velasco Ibarra declared the protocol null", {"REJECT"}),
    ("signed a law nullifying it", {"REJECT"}),
    ("Argentina was ending the 2016 agreement", {"REJECT"}),
    # fighting
    ("an exchange of fire in October", {"ASSAULT"}),
    ("Ayutthayan forces sacked the Khmer capital of Angkor", {"ASSAULT"}),
    ("A British task force retook the islands", {"ASSAULT"}),
    ("Iranian missiles struck Erbil", {"ASSAULT"}),
    ("Xenophobic violence against foreigners harmed Nigerian citizens", {"ASSAULT"}),
    ("Kenesary Khan led an uprising against Russian rule", {"ASSAULT"}),
    ("Horatio Nelson destroyed the Franco-Spanish fleet at Trafalgar", {"ASSAULT"}),
    ("North Korea blew up the liaison office", {"ASSAULT"}),
    ("31 commandos attempted to assassinate President Park Chung-hee", {"ASSAULT"}),
    ("Taksin drove out the Burmese garrisons", {"ASSAULT"}),
    ("some 12,000 camels were driven back across the border", {"ASSAULT"}),
    ("its troops reached the Adriatic at Durrës", {"ASSAULT"}),
    # force and rule
    ("the First Saudi State collected tribute from Qatari tribes", {"COERCE"}),
    ("prisoners were taken to labour camps in Siberia", {"COERCE"}),
    ("In 1731 the khan swore allegiance to Empress Anna", {"CONCEDE"}),
    ("The formal handover of the peninsula took place", {"CONCEDE"}),
    # shows of force
    ("Britain sent two patrol vessels", {"MOBILIZE"}),
    ("the North tested its largest missile yet", {"MOBILIZE"}),
    # sanctions and rejections
    ("South Korea shut the Kaesong complex", {"SANCTION"}),
    ("Qatari citizens were given 14 days to leave", {"SANCTION"}),
    ("Moscow suspended peace treaty negotiations", {"REJECT"}),
    ("Qatar suspended the 1965 agreement", {"REJECT"}),
    ("which denied responsibility", {"REJECT"}),
    # ties, agreements, cooperation, aid
    ("John Adams presented his credentials in London", {"SUPPORT"}),
    ("The United States entered the war on the side of Britain and France", {"SUPPORT"}),
    ("the lease was extended until 2050", {"AGREE"}),
    ("the presidents adopted a 13-point agenda", {"AGREE"}),
    ("the Al-Ula Declaration ended the rift", {"AGREE"}),
    ("the three leaders launched a regional initiative", {"COOPERATE"}),
    ("Thailand has imported natural gas from the Yadana field", {"COOPERATE"}),
    ("Seoul sent the North about 400,000 tonnes of rice a year", {"AID"}),
    ("the Hyundai group had secretly transferred about US$500 million to the North", {"AID"}),
    ("The Trent Affair brought the two countries close to war", {"THREATEN"}),
    ("the town was lost in 1558", {"CONCEDE"}),
    ("The Peace of Amiens broke down the following year", {"REJECT"}),
    ("The Channel Tunnel was opened on 6 May 1994", {"COOPERATE"}),
    ("The Kaesong Industrial Region opened in 2004", {"COOPERATE"}),
    ("gas sales to Thailand earned Myanmar about US$3 billion a year", {"COOPERATE"}),
    ("Relations were broken off in 1999; they were restored in January 2001", {"SUPPORT"}),
    ("Roosevelt and Churchill issued the Atlantic Charter", {"AGREE"}),
    ("an assembly of Transylvanian Romanians at Alba Iulia proclaimed union with Romania", {"SUPPORT"}),
    # a court's ruling upholds one side and rejects the other
    ("On 1 October 2018 the court ruled by 12 votes to 3 that Chile had no such obligation", {"REJECT", "SUPPORT"}),
    ("a court in The Hague ordered the Dutch state to pay €20,000 to each of the widows", {"REJECT", "SUPPORT"}),
    ("Armenia suspended the process in April 2010", {"REJECT"}),
    ("in 2024 Berlin slowed new approvals", {"SANCTION"}),
    ("Addis Ababa summoned the Egyptian ambassador", {"PROTEST"}),
    ("Ahmadinejad called for Israel to be wiped off the map", {"THREATEN"}),
    ("Ethiopia skipped the final round in late February 2020", {"REJECT"}),
    ("Egypt declared the talks a failure", {"REJECT"}),
    ("Sukarno and Mohammad Hatta proclaimed Indonesian independence", {"REJECT"}),
    ("His armies were routed by the forces of Emperor Yohannes IV at Gundet", {"ASSAULT"}),
    ("The Stuxnet worm damaged Iranian centrifuges at Natanz", {"ASSAULT"}),
    ("Mexico massed troops on the border to deter him", {"MOBILIZE"}),
    ("Ydígoras Fuentes put the Guatemalan army on alert", {"MOBILIZE"}),
    ("in which Turkey supplied Azerbaijan with drones", {"AID"}),
    ("Israeli experts helped rebuild farming in the Qazvin region", {"AID"}),
    ("Prime Minister Nikol Pashinyan attended the inauguration", {"CONSULT"}),
    ("two days later Sisi addressed the Ethiopian parliament", {"CONSULT"}),
    ("Angela Merkel told the Knesset that Israel's security mattered", {"CONSULT"}),
    ("Charter flights between Yerevan and Istanbul resumed the following month", {"COOPERATE"}),
    ("the Margara crossing opened for aid trucks", {"COOPERATE"}),
    ("Libya was an Italian colony from 1911 until 1943", {"COERCE"}),
    ("Italy renounced its claims to Libya in the peace treaty of 1947", {"CONCEDE"}),
    ("it later joined the NATO air campaign", {"ASSAULT"}),
    ("they began to pull out in the late 1980s", {"RETREAT"}),
    ("installing the People's Republic of Kampuchea under Heng Samrin", {"COERCE"}),
    ("Greek Cypriot leaders campaigned for enosis", {"REQUEST"}),
    ("about 96% of the Greek Cypriots who took part voted for union", {"SUPPORT"}),
    ("the government of Alexandros Papagos brought the Cyprus question to the United Nations", {"REQUEST"}),
    ("the Greek junta sponsored a coup that overthrew President Makarios III", {"COERCE"}),
    ("Khedive Ismail sought to extend Egyptian rule into the highlands", {"COERCE"}),
    ("Germany paid for two Dolphin-class submarines for the Israeli navy", {"AID"}),
    ("The Netherlands tried to restore its rule", {"COERCE"}),
    ("A second offensive followed in December 1948", {"ASSAULT"}),
    ("Italy landed troops at Tripoli the following week", {"ASSAULT"}),
    ("deporting some 100,000 people to desert camps", {"COERCE"}),
    ("Gaddafi expelled about 20,000 Italians in 1970", {"COERCE"}),
    ("Commodore Matthew Perry's squadron anchored at Uraga", {"MOBILIZE"}),
    ("Radić was shot in the parliament", {"ASSAULT"}),
    ("fighting broke out along the border", {"ASSAULT"}),
    ("Argentine forces landed on the islands", {"ASSAULT"}),
    ("the Axis-backed state persecuted Serbs, Jews and Roma", {"COERCE"}),
    ("the army forced about 42,000 refugees back across the border", {"COERCE"}),
    ("Cambodian kings were often vassals of Siam", {"COERCE"}),
    ("the Khmer Empire ruled much of present-day Thailand", {"COERCE"}),
    ("which led to a military standoff at the temple", {"MOBILIZE"}),
    ("Sweden sent troops to the islands", {"MOBILIZE"}),
    # accusations and claims
    ("Croatia sued Yugoslavia for genocide", {"ACCUSE"}),
    ("Serbia filed a counter-claim", {"ACCUSE"}),
    ("Somalia called the deal a violation of its sovereignty", {"ACCUSE"}),
    ("joined other leaders in condemning apartheid", {"ACCUSE"}),
    ("claimed the territories of Ethiopia and Kenya as part of a Greater Somalia", {"REQUEST"}),
    # concessions and returns
    ("Sweden ceded Finland to the Russian Empire", {"CONCEDE"}),
    ("it handed them back", {"RETREAT"}),
    ("Iran accepted Resolution 598", {"CONCEDE"}),
    ("the two presidents exchanged apologies", {"CONCEDE"}),
    ("prisoner exchanges began", {"RETREAT"}),
    # help and cooperation
    ("Thailand sheltered Cambodian resistance groups in camps", {"AID"}),
    ("Iran armed Kurdish rebels", {"AID"}),
    ("Iran sent military advisers and weapons to the government", {"AID"}),
    ("Sweden supplied weapons and credit", {"AID"}),
    ("the two governments exchanged notes confirming their boundary", {"AGREE"}),
    ("Saddam offered to return to the terms of 1975", {"AGREE"}),
    ("the two leaders held informal summits", {"CONSULT"}),
    ("The government bought the British-owned railways", {"COOPERATE"}),
    ("Nigeria withdrew from the 1996 African Cup of Nations", {"REJECT"}),
    ("Shah Ismail I took Baghdad", {"ASSAULT"}),
    ("the pipeline from Tabriz to Ankara opened", {"COOPERATE"}),
    ("The marking of the border was completed", {"COOPERATE"}),
    ("the agreements set up a Binational Development Plan", {"COOPERATE"}),
    ("the two countries submitted their applications to join NATO", {"COOPERATE"}),
    ("Abiy agreed with President Farmaajo to develop four ports jointly", {"AGREE"}),
    ("Venezuela broke relations again", {"SANCTION"}),
    ("Venezuela froze trade agreements with Colombia", {"SANCTION"}),
    ("Germany halted the certification of Nord Stream 2", {"SANCTION"}),
    ("soldiers of the two countries fought together in the Corps", {"COOPERATE"}),
    ("Protesters then stormed the Saudi embassy", {"PROTEST", "ASSAULT"}),
    ("A pogrom against Armenians followed", {"ASSAULT"}),
    ("Azerbaijan took full control of Nagorno-Karabakh", {"COERCE"}),
    ("Hungary regained Northern Transylvania", {"COERCE"}),
    ("Venezuela seceded from Gran Colombia", {"REJECT"}),
    ("Duterte said he would terminate the Visiting Forces Agreement", {"REJECT"}),
    ("Bangladesh formally asked India to extradite Hasina", {"REQUEST"}),
    ("the last Russian troops left Germany", {"RETREAT"}),
    ("Sudan became independent", {"CONCEDE"}),
    ("her successor Peter III made peace with Frederick the Great", {"AGREE"}),
    ("Iran suspended relations, which were resumed later", {"SUPPORT"}),
    ("Iran reopened its embassy in Riyadh", {"SUPPORT"}),
    ("the agreement came into force", {"AGREE"}),
    ("India gave shelter and training to militant groups", {"AID"}),
    ("India provided Sri Lanka with about US$4 billion in credit lines", {"AID"}),
    ("delegates took part in the federation conferences", {"CONSULT"}),
    ("The OSCE Minsk Group mediated", {"CONSULT"}),
    ("162 enclaves were exchanged", {"COOPERATE"}),
    ("Hugo Chávez sent ten battalions to the border", {"MOBILIZE"}),
    ("the two governments exchanged accusations", {"ACCUSE"}),
])
def test_the_words_of_an_act_give_its_type(clause: str, wanted: set[str]) -> None:
    assert wanted <= set(read_clause(clause).types), read_clause(clause)


@pytest.mark.parametrize("clause, not_wanted", [
    ("the Axis-backed state persecuted Serbs", "SUPPORT"),  # a compound adjective is no act of support
    ("the two sides struck a trade deal", "ASSAULT"),
    ("the exhausted state sued for peace", "ACCUSE"),
    ("The state of war ended with the peace treaty", "REJECT"),  # the treaty ended the war, not itself
    ("a fleet reached the coast and claimed the land for the crown", "REQUEST"),
    ("the minister was sacked by the president", "ASSAULT"),
    ("the court ruled that the claim was void", "COERCE"),
    ("the king took Moscow's side", "ASSAULT"),
    ("the president took Office in 1990", "ASSAULT"),
    ("Morocco agreed with the Soviet view", "AGREE"),
    ("issues arising from the terms of Ireland's secession", "REJECT"),
    ("the president left for Moscow", "RETREAT"),
    ("Chile, like most of the revolting colonies, remained", "ASSAULT"),  # a word inside a longer one
    ("The affair brought the two countries close to war", "ASSAULT"),  # a war that did not happen
    ("The affair damaged relations for a decade", "ASSAULT"),
    ("he knelt at the monument to the Warsaw Ghetto Uprising", "ASSAULT"),  # a name
    ("his offensive remarks angered them", "ASSAULT"),
])
def test_words_that_look_like_a_cue_but_are_not(clause: str, not_wanted: str) -> None:
    assert not_wanted not in read_clause(clause).types, read_clause(clause)


def test_has_cue_agrees_with_read_clause() -> None:
    for clause in ("an exchange of fire", "they held summits", "a quiet year", "the weather was mild"):
        assert has_cue(clause) == bool(read_clause(clause).types)
