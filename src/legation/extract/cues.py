"""The PLOVER lexicon: words of encyclopedic English that report each event type.

Each cue is a regular expression over a clause, with the PLOVER types it
signals (``../shared/contract/plover.md``), and optionally a mode. Cues are
ordered from specific to general; a clause collects the types of every cue it
holds, the earliest cue first. Negation turns cooperation into ``REJECT``
("did not sign"), planning marks ``future`` ("plans to open").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from legation.extract.triggers import Lexicon, fold


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern
    types: tuple[str, ...]
    mode: str | None = None
    strong: bool = True  # a past-tense act that can carry a time from the sentence before


def _cue(regex: str, *types: str, mode: str | None = None, strong: bool = True) -> Cue:
    return Cue(re.compile(regex, re.IGNORECASE), types, mode, strong)


# After a name of 3 to 14 letters: "Kampala fell", "Vidin fell" (a look-behind has a fixed width, so one for each).
AFTER_A_NAME = "(?:" + "|".join(f"(?<=(?-i:[A-Z])[a-z]{{{n}}} )" for n in range(2, 14)) + ")"

# Verb forms: "sign(s|ed|ing)". Order: specific phrases before single words.
CUES: tuple[Cue, ...] = (
    # A court or tribunal's ruling upholds one side's claim and rejects the other's.
    _cue(r"\b(?:court|tribunal|arbitrat(?:ion|ors?)|ICJ|judges?)\b[^.;]{0,60}?\b(?:ruled|rules|ordered|awarded|found|dismissed|"
         r"decided|upheld|confirmed|divided|split)\b", "REJECT", "SUPPORT"),
    # Leave given to the other side's people or craft ("allowed the opposition parties to meet there", "let the
    # aircraft land"): read before the words of what they were let do.
    _cue(r"\b(?:allow(?:ed|s)|let|permitt(?:ed|ing))\s+(?:[\w'’,-]+\s+){1,5}?(?:to\s+)?(?:land|meet|use|operate|transit|"
         r"pass|stay|refuel|dock|fight|settle|set\s+up|establish|train)\b", "SUPPORT"),
    # An outcome welcomed is support, whatever the outcome ("welcomed the defeat of the Tamil Tigers"); the state of
    # war ended is peace made, not war; a place captured is taken by force.
    _cue(r"\bwelcom(?:ed|es|ing)\s+the\s+(?:[\w-]+\s+)?(?:defeat|fall|end|election|return|agreement|decision|ruling|"
         r"verdict|release|withdrawal|victory)\b", "SUPPORT"),
    _cue(r"\bend(?:ed|s|ing)\s+(?:the\s+)?(?:state\s+of\s+war|hostilities)\b", "AGREE", "CONCEDE"),
    _cue(r"\b(?:captur|recover)(?:ed|ing)\s+the\s+(?:[\w-]+\s+)?(?:city|port|town|fortress|capital|island|islands|"
         r"garrison|base|stronghold|province|provinces)\b", "ASSAULT", "COERCE"),
    _cue(r"\bhelp(?:ed|ing)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:side|government|regime|rebels|insurgents|"
         r"guerrillas|resistance|army|forces|king|party|movement)\b", "SUPPORT", "AID"),
    # A law struck down is rejected, not attacked; laws sanctioned by a king are approved; terms come to are agreed.
    _cue(r"\bstruck\s+down\b", "REJECT"),
    _cue(r"\b(?:laws?|reforms?|constitution|statutes?)\b[^.;]{0,30}?\bsanctioned\b", "SUPPORT", "CONCEDE"),
    _cue(r"\bcame\s+to\s+terms\b", "AGREE", "CONCEDE"),
    _cue(r"\bend(?:ed|ing)\s+the\s+(?:personal\s+|real\s+|dual\s+)?union\b", "REJECT", "RETREAT"),
    _cue(r"\belected\s+(?:[\w'’-]+\s+){0,4}?(?:as\s+)?(?:king|queen|emperor|ruler|prince|sovereign)\b", "SUPPORT"),
    # Ties broken in the passive; an envoy declared unwelcome; legitimacy questioned.
    _cue(r"\b(?:relations|ties)\s+(?:were|was)\s+(?:\w+\s+)?(?:broken\s+off|severed|cut|suspended|frozen)\b",
         "SANCTION", mode="break"),
    _cue(r"\bpersona\s+non\s+grata\b", "SANCTION", "REJECT"),
    _cue(r"\bquestion(?:ed|ing|s)\s+(?:the\s+)?(?:legitimacy|legality|validity)\b", "ACCUSE", "REJECT"),
    # Armies massed, led across or into, landed; a land overrun; fences dismantled.
    _cue(r"\bmass(?:ed|ing)\s+(?:[\w,]+\s+){0,3}?(?:troops|forces|soldiers|tanks|units|warships)\b", "MOBILIZE",
         "THREATEN"),
    _cue(r"\bover(?:ran|run|running)\b", "ASSAULT", "COERCE"),
    _cue(r"\bled\s+(?:his|her|their|its|an?|the)\s+(?:[\w-]+\s+)?(?:army|armies|troops|forces|fleet)\s+(?:across|into|"
         r"against|through|over)\b", "MOBILIZE", "ASSAULT"),
    _cue(r"\b(?:(?<=army )|(?<=armies )|(?<=fleet ))landed\b", "ASSAULT"),
    _cue(r"\bdismantl(?:e|ed|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:fence|barrier|wall|checkpoints?|installations)\b",
         "COOPERATE", "RETREAT"),
    # A step blocked ("Greece blocked an invitation to Skopje"), a port closed to the other's trade: rejection, sanction.
    _cue(r"\bblock(?:ed|ing|s)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:invitation|membership|accession|"
         r"entry|bid|talks|resolution|progress|deal|candidacy|negotiations)\b", "REJECT", "SANCTION"),
    _cue(r"\bclos(?:ed|ing)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?to\s+(?:[\w-]+\s+){0,2}?(?:trade|traffic|shipping|ships|"
         r"goods|vessels|flights)\b", "SANCTION"),
    # Shelter given, closer ties sought, operations coordinated.
    _cue(r"\bgave\s+(?:shelter|refuge|sanctuary|asylum)\b", "AID", "SUPPORT"),
    _cue(r"\bs(?:ought|eeks?|eeking)\s+(?:closer|better|stronger|warmer)\s+(?:ties|relations|cooperation)\b", "COOPERATE"),
    _cue(r"\bcoordinat(?:ed|ing)\s+(?:their\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:operations|efforts|patrols|action|"
         r"policies|positions)\b", "COOPERATE"),
    # A side armed ("armed the pro-government Popular Front"), mines laid, supplies or transport cut, objections
    # dropped, a charge dismissed.
    _cue(r"\barm(?:ed|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:rebels|insurgents|guerrillas|militias?|fighters|groups?|"
         r"tribes|front|opposition|movement|royalists|mujahideen|separatists)\b", "AID", "SUPPORT"),
    _cue(r"\blaid\s+(?:land\s*)?mines\b", "COERCE", "MOBILIZE"),
    _cue(r"\bhalt(?:ed|s|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:trains|flights|traffic|transit)\b|"
         r"\b(?:links|flights|traffic|services)\s*,?\s+(?:were\s+|was\s+)?suspended\b", "SANCTION"),
    _cue(r"\bdropp(?:ed|ing)\s+(?:its|their|his|her)\s+(?:[\w-]+\s+)?(?:objections?|opposition|claims?|veto|demands?)\b",
         "CONCEDE"),
    _cue(r"\bdismiss(?:ed|es|ing)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:charges?|accusations?|allegations?|claims?|criticism)\b",
         "REJECT"),
    # A mission opened without an object ("Japan's first consulate in Australia opened in Townsville"); an advance
    # halted; men taken prisoner or tried; demands complied with; one offer chosen over the other's; a pact updated.
    _cue(r"\b(?:embassy|consulate(?:-general)?|legation|high\s+commission)\b[^.;]{0,40}?\b(?:re)?opened\b", "SUPPORT",
         "COOPERATE"),
    _cue(r"\bhalt(?:ed|ing)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:advance|offensive|invasion|attack)\b", "ASSAULT"),
    _cue(r"\btaken\s+prisoner\b|\btook\s+(?:[\w,]+\s+){0,3}?prisoners?\b", "COERCE", "ASSAULT"),
    _cue(r"\btried\s+(?:[\w,]+\s+){0,4}?for\s+(?:war\s+crimes|treason|espionage|spying|murder)\b", "ACCUSE", "COERCE"),
    _cue(r"\bcompl(?:ied|ies)\b", "CONCEDE"),
    _cue(r"\bchose\s+(?:[\w-]+\s+){1,4}?over\s+(?-i:[A-Z])", "REJECT"),
    _cue(r"\b(?:updated|renewed|revised|upgraded|extended)\s+(?:the|their|a|its)\s+(?:[\w-]+\s+){0,2}?(?:declaration|"
         r"agreement|treaty|pact|partnership|accord)\b", "AGREE", "COOPERATE"),
    # Royal marriages between the two houses; a fleet scattered.
    _cue(r"\barrang(?:ed|ing)\s+(?:the|a)\s+marriage\b", "AGREE", "COOPERATE"),
    _cue(r"\bmarri(?:ed|es)\b(?!\s+(?:couples?|women|men)\b)", "COOPERATE"),
    _cue(r"\b(?:fleet|armada|army|armies|navy|squadron)\b[^.;]{0,30}?\b(?:was|were)\s+(?:\w+\s+)?(?:scattered|wrecked|"
         r"annihilated)\b", "ASSAULT"),
    # Crossings restricted or slowed, links cut: "restricted traffic at the frontier", "cut its telephone and ferry
    # links", "hours-long checks at the border".
    _cue(r"\brestrict(?:ed|s|ing)\s+(?:[\w-]+\s+){0,2}?(?:traffic|trade|access|imports|exports|travel|movement|crossings?|"
         r"flights|fishing)\b|\bchecks\s+(?:at|on|along)\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:border|frontier|crossing)s?\b|"
         r"\b(?:kept|maintained)\s+restrictions\b",
         "SANCTION", "COERCE"),
    _cue(r"\bcut\s+(?:[\w-]+\s+){0,4}?(?:links|connections|communications)\b", "SANCTION"),
    _cue(r"\b(?:announced|reached|struck|clinched)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord|"
         r"settlement)\b", "AGREE"),
    # Debt written off is aid given up ("cancelled … debt" is no cancelled agreement: read first).
    _cue(r"\b(?:wr(?:ote|ites?|itten|iting)\s+off|cancel(?:l?ed|s|ling)|forg(?:ave|ive|iven|iving))\b[^.;]{0,60}?\bdebts?\b",
         "AID", "CONCEDE"),
    # Visas or border checks brought in are a sanction; lifted, cooperation.
    _cue(r"\b(?:re)?(?:introduc(?:ed|es|ing)|impos(?:ed|es|ing))\b[^.;]{0,20}?\b(?:border\s+(?:checks|controls)|"
         r"visa\s+(?:requirements?|regimes?)|visas)\b", "SANCTION"),
    _cue(r"\b(?:lift(?:ed|ing|s)?|abolish(?:ed|ing|es)?|scrapp(?:ed|ing)|end(?:ed|ing))\b[^.;]{0,20}?\b(?:border|passport|"
         r"visa)\s+(?:checks|controls|requirements?|regimes?)\b|\b(?:border|passport)\s+(?:checks|controls)\s+"
         r"(?:[\w-]+\s+){0,5}?(?:ended|were\s+(?:lifted|abolished|scrapped))\b", "COOPERATE"),
    # An autonomy abolished is rule imposed.
    _cue(r"\b(?:abolish(?:ed|es|ing)?|abolition\s+of|revok(?:ed|es|ing)|suspend(?:ed|s|ing)|end(?:ed|ing))\s+"
         r"(?:the\s+|its\s+|their\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+)?(?:autonomy|self-rule|self-government|special\s+status)\b",
         "COERCE", "REJECT"),
    # Training another's soldiers or police is military aid.
    _cue(r"\btrain(?:ed|s|ing)\b[^.;]{0,40}?\b(?:troops|soldiers|officers|police|pilots|cadets|army|armies|forces|"
         r"guerrillas|rebels|militias|fighters)\b", "AID", "COOPERATE"),
    _cue(r"\bdeposit(?:ed|s|ing)?\b[^.;]{0,40}?\bcentral\s+bank\b", "AID"),
    # Fire opened: "fired missiles and drones at Saudi cities", "fired on protesters".
    _cue(r"\bfir(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:missiles|rockets|shells|drones|mortars|shots|artillery|torpedoes)\b|"
         r"\bfir(?:ed|ing)\s+(?:on|at|upon|into)\b|\bopen(?:ed|s)?\s+fire\b", "ASSAULT"),
    # War moved forward: "advanced into Uganda", "marched on Nakhon Ratchasima", "razed Vientiane", a city that fell
    # to an army, a rising put down, a prince who rebelled.
    _cue(r"\badvanc(?:ed|ing)\s+(?:deep\s+)?(?:into|on|towards?)\b|\bmarch(?:ed|ing)\s+on\b|\braz(?:ed|ing)\b|"
         rf"\b(?:capital|city|town|fortress|stronghold)\s+fell\b|\b{AFTER_A_NAME}fell\b(?=\s*(?:[,.;]|$|and\b|after\b|"
         r"to\s+(?:the\s+)?(?-i:[A-Z])))|\bfell\s+to\s+(?:the\s+)?(?-i:[A-Z])|\brebell?(?:ed|ing)\b",
         "ASSAULT"),
    _cue(r"\bput\s+down\b|\bevict(?:ed|ing|ions?|s)?\b|\bcarried\s+(?:[\w'’-]+\s+){1,4}?off\b|"
         r"\b(?:forcibly\s+)?resettl(?:ed|ing)\s+(?:(?:some|about|tens\s+of|hundreds\s+of)\s+)?(?:thousands|hundreds|\d)|"
         r"\braised\s+(?:its|their|the\s+[\w-]+)\s+flag\b", "COERCE"),
    # A leader put in power by another's army.
    _cue(r"\binstall(?:ed|ing)\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*\s+as\s+(?:president|king|ruler|prime\s+minister|"
         r"emir|shah|khan|leader|head\s+of\s+state)\b", "COERCE", "SUPPORT"),
    # Links opened between the two: a border post, a crossing, a bridge; a foundation stone laid.
    _cue(r"\bopen(?:ed|s|ing)\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,2}?(?:border\s+posts?|crossings?|"
         r"bridges?|railway|pipeline)\b|\blaid\s+the\s+foundation\s+stone\b", "COOPERATE"),
    _cue(r"\bbr(?:oke|eaks?|eaking)\s+with\b", "REJECT"),
    # Driven out, taken back, troops lost; fire opened first.
    _cue(r"\bdr(?:o|i)ve\s+(?:[\w'’-]+\s+){0,4}?out\b(?!\s+of\b)|\blost\s+(?:[\w,]+\s+){0,2}?(?:divisions|battalions|"
         r"brigades|regiments|warships|aircraft|soldiers|troops)\b|\bfired\s+first\b", "ASSAULT"),
    _cue(r"\btook\s+(?:[\w'’-]+\s+){0,4}?back\b", "COERCE"),
    # Territory taken ("Russia took about 62% of its territory"), a territory left to the other by a treaty.
    _cue(r"\btook\s+(?:(?:about|some|nearly|over|almost)\s+)?(?:[\d.]+%|half|a\s+third|two-thirds|most|much|part|parts)\s+of\s+"
         r"(?:its|their|the)\s+(?:[\w-]+\s+)?(?:territory|lands?|provinces|regions|coast)\b", "COERCE"),
    # (Treaties, truces and peaces only: "Convention", "Protocol", "Agreement" would try it at every "con…", "pro…".)
    _cue(r"\b(?-i:Treaty|Truce|Peace)\s+of\s+(?-i:[A-Z])[\w'’-]+"
         r"(?:\s+(?-i:[A-Z])[\w'’-]+)*(?:\s+of)?\s+(?:\d{4}\s+)?(?:left|gave|ceded|fixed|confirmed|restored|recogni[sz]ed|"
         r"granted|awarded|divided|transferred)\b", "AGREE", "CONCEDE"),
    # A dispute put to a court or an arbitrator; a territory shared out; an organisation founded together.
    _cue(r"\bsubmit(?:ted|s|ting)?\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+)?(?:case|dispute|claims?|question|matter)\b",
         "REQUEST", "AGREE"),
    _cue(r"\bdivided\b[^.;]{0,40}?\bbetween\s+them(?:selves)?\b", "AGREE", "COOPERATE"),
    _cue(r"\bfounded\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:Organi[sz]ation|Union|Community|Council|Commission|Authority|"
         r"Association|Alliance|League|Bank|Forum)\b", "COOPERATE", "AGREE"),
    _cue(r"\b(?:chose|choose|voted\s+for)\s+independence\b", "REJECT", "RETREAT"),
    _cue(r"\b(?:embass(?:y|ies)|consulates?(?:[- ]general)?|missions?|legations?)\b[^.;]{0,80}?\b(?:were|was)\s+(?:both\s+|all\s+)?"
         r"closed\b", "SANCTION"),
    # A union of the two ended or split; a vote to dissolve it; envoys named for talks.
    _cue(r"\b(?:union|federation|common\s+currency|common\s+state|customs\s+union)\s+(?:[\w-]+\s+){0,2}?(?:ended(?!\s+(?:the|its|their|an?)\b)|"
         r"(?:was|were)\s+(?:split|dissolved|abolished)|broke\s+up|dissolved)\b|\bvot(?:ed|ing)\b[^.;]{0,40}?\bto\s+dissolve\b",
         "RETREAT", "REJECT"),
    _cue(r"\b(?:named|appointed)\s+(?:special\s+)?(?:envoys|negotiators|representatives)\b", "CONSULT", "COOPERATE"),
    # Armies that met (joined up), a war gone to together, a vote to unite; a law called an attack is an accusation.
    _cue(r"\b(?:troops|forces|armies|units)\b[^.;]{0,30}?\bmet\b|\b(?:went\s+to\s+war|declared\s+war)\b[^.;]{0,50}?"
         r"\b(?:together|jointly|as\s+allies)\b", "COOPERATE", "SUPPORT"),
    _cue(r"\bvot(?:ed|ing)\s+(?:\w+\s+)?to\s+(?:unite|join|merge|accept|approve|ratify)\b|\bvot(?:ed|ing)\b[^.;]{0,60}?"
         r"\bfor\s+(?:(?:the|a)\s+)?(?:union|unification|reunification|merger)\b", "SUPPORT", "AGREE"),
    # (Read before the act called so: "called the arrest politically motivated".)
    _cue(r"\bcalled\s+(?:[\w'’-]+\s+){1,4}?(?:an?\s+)?(?:[\w-]+\s+)?(?:attack|aggression|provocation|threat|"
         r"occupation|violation)\b|\bcalled\s+(?:the|this|that|it|its|their)\s+(?:[\w-]+\s+){0,2}?(?:unfriendly|"
         r"politically\s+motivated|onerous|humiliating|excessive)\b|\bcalled\s+(?:it\s+)?(?:regrettable|deplorable|unacceptable)\b",
         "ACCUSE", "PROTEST"),
    # Privileges or rights withdrawn are a sanction; construction halted is a step back.
    _cue(r"\bwithdr(?:ew|awn|aw|awing)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:privileges|rights|residency|"
         r"work\s+permits|visas|accreditation|recognition|concessions)\b", "SANCTION", "COERCE"),
    _cue(r"\b(?:construction|work)\b[^.;]{0,40}?\b(?:was|were)\s+(?:halted|suspended|stopped|abandoned)\b", "RETREAT",
         "CONCEDE"),
    # An army that advanced; posts or troops reinforced.
    _cue(r"\b(?:troops|forces|army|armies|units|soldiers|divisions)\b[^.;]{0,60}?\badvanc(?:ed|ing)\b", "ASSAULT",
         "MOBILIZE"),
    _cue(r"\breinforc(?:ed|ing|es)\s+(?:its|their|the)\s+(?:[\w-]+\s+)?(?:posts|troops|garrisons?|positions|border|"
         r"forces|presence|patrols)\b", "MOBILIZE"),
    # A mission kept open through a war or a break is cooperation kept up.
    _cue(r"\bkept\s+(?:its|their|the)\s+(?:[\w-]+\s+)?(?:embassy|embassies|consulates?|missions?|legation|border|borders)\b"
         r"[^.;]{0,40}?\bopen\b", "COOPERATE", "SUPPORT"),
    _cue(r"\bborders?\s+(?:[\w-]+\s+){0,2}?closed\b", "SANCTION", "COERCE"),
    _cue(r"\b(?:borders?|port|bridge|crossing|railway|pipeline|highway|road)\b[^.;]{0,40}?\b(?:was|were)\s+(?:re-?)?"
         r"opened\b", "COOPERATE"),
    # People made to leave: force. Work on a joint project suspended: a step back from it.
    _cue(r"\b(?:had|have)\s+to\s+leave\b", "COERCE"),
    _cue(r"\b(?:suspend(?:ed|s|ing)|halt(?:ed|s|ing)|stopp(?:ed|ing))\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+)?"
         r"(?:work|construction|recruitment)\b", "REJECT", "RETREAT"),
    _cue(r"\bpress(?:ed|es|ing)\s+for\b", "REQUEST"),
    # People driven from their homes: force.
    _cue(r"\b(?:were|was|been|being)\s+driven\s+(?:out|into|from|across|away|off)\b", "COERCE"),
    _cue(r"\b(?:troops|units|forces|soldiers|garrisons?|contingents?)\s+(?:[\w-]+\s+)?left\b(?!\s+(?:behind|in\s+place))",
         "RETREAT"),
    # SANCTION: break or reduce relations, expel, recall, embargo, close borders.
    _cue(r"\b(?:sever(?:s|ed|ing)?|br(?:oke|eak(?:s|ing)?)(?: off)?|cut(?:s|ting)?|suspend(?:s|ed|ing)?|froze|freez(?:e|es|ing)|downgrad(?:e|ed|es|ing))\b[^.;]{0,40}?\b(?:ties|relations|contacts?)\b",
         "SANCTION", mode="break"),
    # Supplies cut off: "cut off oil to Britain and France", "halted the shipments", "stopped sending the kiswa".
    _cue(r"\b(?:froze|freez(?:e|es|ing)|halt(?:ed|s|ing)|cut\s+off)\b[^.;]{0,30}?\b(?:agreements?|trade|assets|accounts|"
         r"cooperation|certification|imports|exports|deliveries|talks|oil|gas|supplies|shipments|electricity|"
         r"funding|credits?)\b|\bstopp(?:ed|ing)\s+(?:sending|supplying|buying|importing|paying)\b", "SANCTION"),
    # (Expelling a garrison or a people is force, not a diplomatic sanction: read first, it takes the verb.)
    _cue(r"\b(?:expel(?:s|led|ling)?|expulsion)\b(?=[^.;]{0,40}\b(?:garrisons?|troops|forces|army|armies|"
         r"settlers|colonists|population|inhabitants|Jesuits|missionaries)\b|[^.;]{0,15}\b\d[\d,]*\s+(?-i:[A-Z])[a-z]+"
         r"(?:ans|ese|is|ish|s)\b|[^.;]{0,40}\b(?:many|most|all|thousands|millions|hundreds|tens of thousands)\s+(?:of\s+)?"
         r"(?:the\s+)?(?:ethnic\s+)?(?-i:[A-Z])[a-z]+(?:ans|ese|is|ish|s)\b|\s+from\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
         r"(?:territories|lands|regions|homes|homelands?|villages|provinces)\b)", "COERCE", "ASSAULT"),
    _cue(r"\b(?:expel(?:s|led|ling)?|expulsion)\b", "SANCTION", mode="expel"),
    _cue(r"\b(?:recall(?:s|ed|ing)?|withdr(?:ew|awn|aw|aws|awing|awal))\b[^.;]{0,30}\b(?:ambassadors?|envoys?|"
         r"high commissioners?|charg[ée]s? d'affaires|diplomats|consuls?)\b|"
         r"\brecall(?:s|ed|ing)?\s+(?:him|her)\b(?!\s+(?:as|that|saying)\b)", "SANCTION", mode="recall"),
    _cue(r"\b(?:embargo(?:es|ed)?|sanction(?:s|ed|ing)?)\b", "SANCTION"),
    _cue(r"\b(?:impos(?:ed|es|ing)|rais(?:ed|ing))\b[^.;]{0,30}\b(?:tariffs?|duties|quotas?|bans?|restrictions|tax(?:es)?|"
         r"levy|levies|fees|charges)\b|\bstrip(?:ped|ping|s)?\b[^.;]{0,30}\bcitizenship\b|"
         r"\btighten(?:ed|s|ing)?\b[^.;]{0,20}\bcontrols?\b|\bbarr(?:ed|ing)\b|\bban(?:ned|ning)\b|"
         r"\bretaliat(?:ed|es|ion|ing)\b", "SANCTION", "COERCE"),
    _cue(r"\b(?:cancel(?:l?ed|s|ling)|call(?:ed)? off)\b", "SANCTION", "REJECT"),
    _cue(r"\b(?:postpon(?:ed|es|ing)|suspend(?:ed|s|ing)|put\s+off)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
         r"(?:talks|negotiations|visit|meeting|summit|dialogue)\b", "SANCTION", "REJECT"),
    _cue(r"\b(?:renounc(?:e|ed|es)|denounc(?:e|ed|es)|abrogat(?:e|ed))\b[^.;]{0,30}\b(?:treaty|pact|agreement|"
         r"accord|convention|protocol)\b|\bend(?:ed|ing|s)?\s+(?:the|its|their|this|that)\s+(?:\S+\s+){0,3}?(?:treaty|"
         r"pact|agreement|accord|convention|protocol|alliance|deal)\b", "REJECT", "SANCTION"),
    _cue(r"\bwithdr(?:ew|awn|aw|aws|awing)\s+from\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:talks|negotiations|tournament|"
         r"Cup|Games|Olympics|Championships?|Festival|Expo)\b", "REJECT", "PROTEST"),
    _cue(r"\b(?:seced(?:e|ed|es|ing)|broke away)\b", "REJECT", "RETREAT"),  # (the verb: "Ireland's secession" is a topic)
    _cue(r"\bterminat(?:e|ed|es|ing|ion)\b[^.;]{0,40}?\b(?:treaty|pact|agreement|accord|convention|protocol|alliance|"
         r"deal)\b", "REJECT", "SANCTION"),
    _cue(r"\b(?:tore up|tear(?:s|ing)? up|annul(?:led|s|ling|ment)?|nullif(?:y|ied|ies|ying)|repudiat(?:e|ed|es|ion)|"
         r"declared\b[^.;]{0,30}\b(?:null|void|invalid))\b", "REJECT"),
    _cue(r"\b(?:collaps(?:e|ed)|dissol(?:ved|ution)|broke up|break-?up|broke down)\b", "SANCTION", "REJECT", strong=False),
    _cue(r"\b(?:was|were)\s+lost\b|\blost\s+(?:control of|the\s+(?:city|town|island|islands|province|territory|"
         r"port|fortress|war))\b", "CONCEDE", "RETREAT"),
    _cue(r"\b(?:clos(?:ed|ing|ure)|shut(?:ting)?(?: down)?)\b[^.;]{0,30}\b(?:borders?|embass(?:y|ies)|consulates?|"
         r"airspace|missions|high commissions?|complex|crossings?|liaison office)\b|"
         r"\b(?:ordered|given|told)\b[^.;]{0,60}\bto (?:close|leave)\b|\bfined\b",
         "SANCTION", "COERCE"),
    _cue(r"\bcut(?:s|ting)?\s+(?:off\s+)?(?:its\s+|their\s+|the\s+|all\s+)?(?:\w+\s+)?(?:subsidies|aid|assistance|funding|"
         r"supplies|imports|credit)\b|\bsuspend(?:s|ed|ing)?\s+(?:the|its|their)\s+(?:\w+\s+)?(?:project|programme|program|"
         r"construction|scheme)\b", "SANCTION", "REJECT"),
    _cue(r"\bkept\b[^.;]{0,40}\bclosed\b", "SANCTION", "COERCE"),
    _cue(r"\bordered\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:embassy|mission|consulate|legation|office|border)\s+"
         r"(?:to\s+be\s+)?(?:closed|shut)\b", "SANCTION", "COERCE"),
    _cue(r"\bsuspend(?:s|ed|ing)?\b[^.;]{0,40}?\b(?:agreements?|treat(?:y|ies)|talks|negotiations|flights|cooperation|"
         r"deal|accord|dialogue|process|rapprochement|aid|assistance|visa services|services)\b", "REJECT", "SANCTION"),
    _cue(r"\b(?:re-?introduc|introduc|impos)\w*\s+(?:\w+\s+)?(?:border\s+)?(?:checks|controls)\b|"
         r"\b(?:borders?|border crossings?|embass(?:y|ies)|consulates?)\b[^.;]{0,20}\b(?:stayed|remained)\s+closed\b|"
         r"\b(?:built|build|building|announced|erected|erect)\b[^.;]{0,30}\b(?:fence|wall|barrier)\b|"
         r"\bshut\b[^.;]{0,30}\b(?:shops|businesses|stores|markets)\b|\bblock(?:ed|s|ing)\s+(?:the\s+|its\s+|their\s+|[\w ]+['’]s\s+)?(?:[\w$.,-]+\s+){0,3}?(?:talks|accession|membership|"
         r"entry|bid|resolution|enlargement|imports|exports|trade|sale|purchase|deal|plan|access|takeover|merger)\b|"
         r"\b(?:put|placed|levied|slapped)\b[^.;]{0,25}\btariffs?\b", "SANCTION", "COERCE"),
    _cue(r"\b(?:slow(?:ed|s|ing)?|restrict(?:ed|s|ing)?|curb(?:ed|s|ing)?)\b[^.;]{0,30}\b(?:approvals|exports|imports|"
         r"arms sales|licen[cs]es|visas|deliveries)\b", "SANCTION"),
    _cue(r"\bsuspend(?:s|ed|ing)?\b[^.;]{0,20}\bmembership\b", "SANCTION", "REJECT"),
    _cue(r"\b(?:abandon(?:ed|s)?|isolat(?:e|ed|ing))\b", "SANCTION", strong=False),
    # ASSAULT: wars, invasions, attacks, battles. (Fighting together is an alliance: read first.)
    _cue(r"\bfought\s+(?:together|alongside|side by side|on the\b[^.;]{0,20}\bside)\b", "COOPERATE", "SUPPORT"),
    _cue(r"\b(?:exchang(?:e|es|ed) (?:of )?(?:fire|gunfire)|gunfire|firefights?|shoot-?outs?|sieges?|besieg(?:e|ed|ing)|"
         r"fighting|crusades?|pogroms?|violence\s+against|(?:(?-i:uprisings?|revolts?|rebellions?|insurrections?)|"
         r"destroy(?:ed|s|ing)?|routed|broke through|victor(?:y|ies)\s+(?:at|over|in)|beat\s+(?:the\s+)?(?-i:[A-Z])\w+|"
         r"dr(?:o|i)ve\b[^.;]{0,60}\bout of|offensives?\b(?!\s+(?:remarks?|comments?|language|statements?|cartoons?|"
         r"behaviou?r|posts?|words))|land(?:ed|ing)\s+(?:\w+\s+)?(?:troops|forces|soldiers|marines)|sabotag(?:e|ed|ing)|cyber-?attacks?|"
         r"damag(?:ed|ing)\b(?!\s+(?:the\s+)?(?:\w+\s+)?(?:relations|ties|trust|reputation|image|confidence))|blew up|blown up|blow up|assassinat(?:e|es|ing)|dr(?:o|i)ve out|driven (?:out|back)|"
         r"(?:troops|forces|army|armies|soldiers|submarines|warships|tanks)\s+(?:\w+\s+)?(?:reached|entered|crossed|advanced|"
         r"marched))\b|storm(?:ed|ing)|(?<=was )shot|(?<=were )shot|shot dead|gunned down|retook|recaptur(?:e|ed|ing)|"
         r"reconquer(?:ed|ing)?|repel(?:led|s)?|repulsed|dr(?:o|i)ve back|dr(?:o|i)ve\s+(?:[\w'’-]+\s+){1,4}?back\b|(?:missile|drone|rocket) (?:strikes?|attacks?)|"
         r"struck\b(?!\s+(?:a|an|the)\s+(?:\w+\s+)?(?:deal|agreement|balance|compromise|bargain|chord|note))|"
         r"sack(?:ed|ing)\b(?=\s+(?:the\s+)?(?:(?-i:[A-Z])|city|capital|town)))", "ASSAULT"),
    _cue(r"\b(?:(?<=troops )|(?<=forces )|(?<=soldiers )|(?<=marines ))landed\b", "ASSAULT"),
    _cue(r"\b(?:invasion|invad(?:e|ed|es|ing)|attack(?:s|ed|ing)?|bombard(?:ed|ment|ing)?|bomb(?:ed|ing|ings)|"
         r"shell(?:ed|ing)|massacre[sd]?|atrocit(?:y|ies)|war crimes|battles?|clash(?:es|ed)?|fought|"
         r"hostilities|air ?strikes?|raid(?:s|ed)?|devastat(?:ed|ing)|bombs?|explo(?:ded|sion)|shot down|"
         r"assassinat(?:ed|ion)|kill(?:ed|ing)|burn(?:ed|t)|massacred|intervened|intervention|"
         r"skirmish(?:es)?|shelling)\b", "ASSAULT"),
    _cue(r"\b(?:conquest|conquer(?:ed|s|ing)?|reconquest)\b", "ASSAULT", "COERCE"),
    _cue(r"\bshot\s+(?:(?:about|some|around|nearly|more\s+than|over|at\s+least)\s+)?(?:[\d,]+|hundreds|thousands|"
         r"tens\s+of\s+thousands|dozens)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:officers|soldiers|prisoners|civilians|"
         r"protesters|demonstrators|people|men|hostages|guards|fishermen|migrants|refugees|villagers|"
         r"(?-i:[A-Z])[a-z]+(?:ans|ese|is|s))\b", "ASSAULT"),
    _cue(r"\b(?:close to|brink of|verge of|threat of|on the edge of)\s+(?:a\s+)?war\b", "THREATEN"),
    _cue(r"\b(?<!close to )(?<!brink of )(?<!verge of )(?<!threat of )(?<!edge of )wars?\b(?! of words)(?!\s+crim)", "ASSAULT",
         strong=False),
    _cue(r"\bdefeat(?:ed|s)?\b", "ASSAULT", strong=False),
    # COERCE: occupation, annexation, arrests, rule imposed.
    _cue(r"\b(?:occup(?:y|ied|ies|ation)|annex(?:ed|ation)|arrest(?:s|ed)?|detain(?:ed|s)?|seiz(?:e|ed|ure)|"
         r"deport(?:ed|ations?|ing)?|revok(?:ed|es|ing)|satellite|install(?:ed|ing)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?(?:government|regime|Republic|"
         r"ruler|king|puppet)|coups?(?: d'[ée]tat)?|overthr(?:ew|own|ow|owing)|extend(?:ed|ing)?\s+(?:\w+\s+)?rule|"
         r"restor(?:e|ed|ing)\s+(?:its|their)\s+(?:\w+\s+)?(?:rule|control|authority)|sentenc(?:ed|es)|imprison(?:ed|ment)|colonized|colonised|executed|execution|behead(?:ed|ing)|"
         r"captur(?:ed|e)|suppress(?:ed|ion)|crush(?:ed|ing)|(?:(?<=was )|(?<=were )|(?<=been ))exiled|exiled\s+(?:to|the|him|her|them)|blockad(?:e|ed|ing)|confiscat(?:ed|ion)|expropriat(?:ed|ion)|nationali[sz](?:ed|ation)|"
         r"ordered\b[^.;]{0,40}\bto (?:compensate|pay)|partitions?|persecut(?:ed|ion|ing)|forc(?:ed|ing)|"
         r"turned back|pushed back|vassals?|vassalage|suzerainty|tributar(?:y|ies)|tribute|(?:labou?r|prison|internment)"
         r" camps?|interned|internment)\b", "COERCE"),
    _cue(r"\b(?:were|was)\s+held\s+(?:in\b|hostage|captive|prisoner)|\b(?:taken|held)\s+hostage\b", "COERCE"),
    _cue(r"\b(?:troops|forces|garrisons?|army|armies|soldiers)\s+(?:\w+\s+)?held\b", "COERCE", "MOBILIZE"),
    # "The Khalkha princes submitted to the Qing dynasty": rule accepted.
    _cue(r"\bsubmitted\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:rule|authority|dynasty|emperor|king|sultan|khan|tsar|"
         r"shah|overlordship|suzerainty)\b", "CONCEDE", "COERCE"),
    _cue(r"\b(?:subdu(?:e|ed|es|ing)|russification|germani[sz]ation|magyari[sz]ation|turkification|arabi[sz]ation|"
         r"poloni[sz]ation|sinici[sz]ation)\b", "COERCE"),
    # (Not "took Greece to the International Court of Justice": a suit, read below.)
    _cue(r"\btook\s+(?:the\s+city\s+of\s+)?(?!(?-i:Part|Office|Power)\b)(?-i:[A-Z])[\w-]+\b(?!['’])"
         r"(?!\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:court|tribunal|arbitration|(?-i:ICJ))\b)", "ASSAULT", "COERCE"),
    _cue(r"\bruled\b(?=\s+(?:over\s+)?(?:much|most|parts?|all|large)\b)", "COERCE"),
    _cue(r"\b(?:was|became|remained|were|became)\s+(?:an?\s+|its\s+)?(?:\w+\s+)?(?:colony|colonies|protectorate)\b",
         "COERCE"),
    # "brought the lands … under a single Shia state", "made it part of Collasuyu", "remained under Qing rule"
    _cue(r"\bbrought\b[^.;]{0,60}?\bunder\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:state|rule|control|"
         r"crown|authority|dominion|sovereignty)\b|\bmade\s+(?:it|them|(?:the\s+)?[\w-]+)\s+(?:a\s+)?part\s+of\b|"
         r"\b(?:remained|stayed|was|were)\s+under\s+(?:[\w-]+\s+){0,2}?rule\b|"
         r"\bimpos(?:ed|es|ing)\s+(?:the\s+|its\s+|his\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:rule|reformation|religion|faith|"
         r"language|regime|government|martial law)\b|\b(?:trade\s+)?monopoly\b", "COERCE"),
    _cue(r"\b(?:brought|came|fell) under\b[^.;]{0,25}\brule\b|\b(?:assumed|took|seized|gained)\s+(?:full\s+|effective\s+|direct\s+)?"
         r"control\b|\bcontrol over\b|\bregain(?:ed|s|ing)\b|\bgoverned\s+(?:as part of|from|by)\b", "COERCE"),
    # MOBILIZE.
    _cue(r"\b(?:troops|forces|soldiers|divisions|units|garrisons?|missiles|warships)\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+)?"
         r"stationed\b|\bstationed\s+(?:\w+\s+){0,3}?(?:troops|forces|soldiers|divisions|units|missiles|warships)\b",
         "MOBILIZE"),
    _cue(r"\b(?:mobili[sz](?:ed|ation|e)|troop build-?up|military base|deploy(?:ed|ment)|expedition|"
         r"nuclear tests?|missile tests?|military exercises?|missiles|infiltrat(?:e|ed|ion)|"
         r"led\b[^.;]{0,40}\bforces?|stand-?offs?|faced (?:each other|one another|off)|"
         r"(?:sent|send|sending)\b[^.;]{0,30}\b(?:troops|soldiers|warships|forces|gunboats|battalions?|brigades?|divisions?|tanks|army|armies|"
         r"(?:patrol\s+)?(?:vessels|ships|boats)|frigates|destroyers|fighter jets)|"
         r"test(?:ed|s|ing)\b[^.;]{0,30}\b(?:missiles?|nuclear|bombs?|rockets?)|mass(?:ed|ing)\s+(?:its\s+|their\s+)?"
         r"(?:troops|forces|soldiers)|on (?:high |full )?alert|(?:squadron|fleet|warships?|gunboats?|naval force)\b[^.;]{0,30}\b(?:anchored|"
         r"arrived|appeared|entered))\b",
         "MOBILIZE", "THREATEN"),
    _cue(r"\blaunch(?:ed|es)?\b[^.;]{0,30}\b(?:operation|offensive|attack|strikes?|invasion)\b", "ASSAULT", "MOBILIZE"),
    # PROTEST.
    _cue(r"\bboycott(?:s|ed|ing)?\b", "PROTEST", "REJECT"),
    _cue(r"\b(?:protest(?:s|ed|ing|ers?)?|demonstrat(?:ion|ions|ors|ed)|sit-in|riots?)\b", "PROTEST"),
    # THREATEN.
    _cue(r"\b(?:threat(?:en|ened|ens|s)?|warn(?:ed|s|ing)|ultimatum)\b", "THREATEN"),
    _cue(r"\bsummon(?:ed|s|ing)\b[^.;]{0,40}\b(?:ambassador|envoy|charg[ée] d'affaires|diplomats?)\b", "PROTEST",
         "ACCUSE"),
    _cue(r"\bwiped? off the map\b", "THREATEN"),
    # (A dispute declared closed is settled: read before the dispute itself.)
    _cue(r"\bdeclared\b[^.;]{0,30}\b(?:closed|settled|over|resolved)\b", "CONCEDE", "AGREE"),
    # ACCUSE.
    _cue(r"\b(?:accus(?:e|ed|es|ing|ations?)|criticiz(?:e|ed|es|ing)|criticis(?:e|ed|es|ing)|criticism|"
         r"condemn(?:ed|s|ing|ation)?|complain(?:ed|s|t|ing)|alleg(?:e|ed|ation)|denounc(?:e|ed|ing)|blam(?:e|ed|ing)|"
         r"provocations?|disputes?|disputed|violat(?:ed|ion|ions|ing)|su(?:ed|es|ing)\b(?!\s+for\s+peace)|lawsuits?|"
         r"counter-?claims?|(?:filed|brought|lodged)\b[^.;]{0,20}\b(?:suits?|claims?|complaints?|case|cases))\b", "ACCUSE"),
    _cue(r"\bcall(?:ed|s|ing)\b[^.;]{0,40}\b(?:a|an)\s+(?:\w+\s+)?(?:mistake|error|provocation|violation|betrayal|"
         r"disgrace|insult|crime|farce)\b|\bcall(?:ed|s|ing)\s+(?:the|this|that|it|its|their)\s+(?:[\w-]+\s+){0,2}?"
         r"(?:unprecedented|unacceptable|unjust|unfair|discriminatory|provocative|hostile|outrageous|absurd)\b|\btook\b[^.;]{0,60}?\bto\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:court|tribunal|"
         r"arbitration|(?-i:ICJ)|Security\s+Council)\b|\b(?:quarrell?(?:ed|ing)|feuded|bickered|argued\s+over)\b", "ACCUSE",
         "PROTEST"),
    _cue(r"\b(?:charg(?:ed|es|ing)|indict(?:ed|s|ing))\b[^.;]{0,60}?\bwith\b", "ACCUSE", "COERCE"),
    # The other side's step regretted ("said he regretted the decision"); not one's own past regretted (CONCEDE, below).
    _cue(r"\bregrett(?:ed|ing)\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:decision|move|measure|step|vote|"
         r"ruling|closure|expulsion|ban|reimposition)\b", "PROTEST", "REJECT"),
    # (Giving up a claim is a concession: read before the claim itself.)
    _cue(r"\b(?:renounc(?:ed|es|ing)|gave up|relinquish(?:ed|es|ing)|abandon(?:ed|s|ing))\s+(?:its\s+|their\s+|all\s+|"
         r"(?-i:[A-Z])[\w-]+['’]s\s+)?(?:\w+\s+)?claims?\b", "CONCEDE", "RETREAT"),
    _cue(r"\bclaim(?:ed|s|ing)?\b(?:\s+(?:to|over|on)\b|\s+sovereignty\b|[^.;]{0,100}?\bas (?:a )?part of\b)",
         "REQUEST", "ACCUSE"),
    # REJECT.
    _cue(r"\b(?:refus(?:e|ed|es|al)|reject(?:s|ed|ion)?|declin(?:ed|es) to|veto(?:ed|es)?|resist(?:ed|s)?|"
         r"oppos(?:ed|es|ing|ition))\b", "REJECT", "ACCUSE"),
    _cue(r"\bopted to remain\b", "REJECT"),
    _cue(r"\bcalled\b[^.;]{0,30}\b(?:illegal|illegitimate|invalid|null and void)\b", "REJECT", "ACCUSE"),
    _cue(r"\bskipp(?:ed|ing)\b|\bdeclared\b[^.;]{0,30}\b(?:a\s+)?failure\b", "REJECT"),
    _cue(r"\bden(?:ied|ies|y|ying)\b", "REJECT", "ACCUSE"),
    # REQUEST.
    _cue(r"\b(?:demand(?:s|ed|ing)?|appeal(?:s|ed)?|urg(?:e|ed|es)|request(?:s|ed)?|called (?:on|for)|"
         r"(?:referred|brought|took)\b[^.;]{0,30}\bto the (?:UN|United Nations|Security Council|International Court)|"
         r"campaign(?:ed|s|ing)? for|turned to\b[^.;]{0,30}\bfor (?:help|aid|support|assistance)|"
         r"asked\b[^.;]{0,40}?\bto\s+(?!the\b|an?\b)[a-z]+|extradit(?:e|ion)|"
         r"ask(?:ed|s|ing)\s+(?:[\w'’-]+\s+){0,4}?for\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:help|aid|"
         r"assistance|support|troops|arms|revision|review|extradition|return|release|mediation))\b", "REQUEST"),
    # RETREAT.
    _cue(r"\b(?:(?<=troops )|(?<=forces )|(?<=soldiers ))left\b", "RETREAT"),
    _cue(r"\bprisoners?(?:-of-war)? exchanges?\b|\bexchang(?:e|es|ed)(?: of)? (?:\w+ )?prisoners\b", "RETREAT",
         "COOPERATE"),
    _cue(r"\b(?:withdr(?:ew|awn|aw|awal)|retreat(?:s|ed)?|releas(?:e|ed|es)|ceasefire|evacuat(?:e|ed|ion)|"
         r"ceas(?:e|ed)|disarm(?:ed|ament)?|pull(?:ed|ing)? out)\b", "RETREAT", mode="withdraw"),
    _cue(r"\b(?:administration|rule|occupation|presence)\b[^.;]{0,30}\bended\b", "RETREAT", "CONCEDE"),
    # CONCEDE.
    # (Not when both became independent: from a third state.)
    _cue(r"\b(?<!both )(?<!countries )(?<!states )(?<!nations )"
         r"(?:(?:gain(?:ed|s)?|won|achieved|granted|obtained) (?:its |their |her |full )?independence\b|"
         r"became (?:fully )?independent\b)", "CONCEDE", "RETREAT"),
    _cue(r"\bmade peace\b", "AGREE", "RETREAT"),
    _cue(r"\b(?:declared|proclaimed)\b[^.;]{0,20}\b(?:independence|(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?-i:Republic|State))\b|"
         r"\bdeclarations?\s+of\s+(?:independence|sovereignty)\b|\brestored\s+(?:its|their)\s+independence\b|"
         r"\b(?:the\s+)?(?:republic|independence)\s+was\s+(?:proclaimed|declared)\b|\bend\s+the\s+union\b", "REJECT",
         "CONCEDE"),
    _cue(r"\b(?:left|quit|withdrew\s+from)\s+(?:the\s+(?:\w+\s+)?(?:federation|union|commonwealth|alliance|league|bloc|"
         r"community|confederation|pact)\b|it(?=\s*(?:[,.;]|\Z)))", "RETREAT", "REJECT", strong=False),
    _cue(r"\b(?:surrender(?:ed|s)?|capitulat(?:ed|ion)|gave\s+way)\b", "CONCEDE", "RETREAT"),
    _cue(r"\badmit(?:ted|s|ting)\s+(?:its\s+|their\s+|his\s+|her\s+)?(?:responsibility|guilt|liability|wrongdoing|"
         r"involvement)\b", "CONCEDE"),
    _cue(r"\b(?:swore|sworn|swear(?:s|ing)?|pledged|took an oath of)\s+(?:an\s+oath\s+of\s+)?(?:allegiance|fealty)\b",
         "CONCEDE", "SUPPORT"),
    _cue(r"\bhand-?overs?\b", "CONCEDE", "RETREAT"),
    _cue(r"\b(?:troops|forces|soldiers|units|contingents?)\s+(?:[\w-]+\s+)?(?:returned|went)\s+home\b", "RETREAT"),
    _cue(r"\b(?:troops|forces|soldiers|units)\s+(?:\w+\s+)?returned\b", "MOBILIZE", "COERCE"),
    _cue(r"\b(?:troops|forces|soldiers|units|garrisons?)\s+(?:[\w-]+\s+)?(?:remained|stayed)\s+(?:in|on)\b",
         "MOBILIZE", "COERCE"),
    # A person's return is a visit ("Perry returned [the following year]", "returned the visit"), an envoy's
    # the renewal of relations; a territory's ("Tacna returned to Peru") is the concession below.
    _cue(r"\b(?:ambassadors?|envoys?|diplomats?)\s+(?:\w+\s+){0,2}?returned\b", "COOPERATE", "SUPPORT"),
    _cue(r"\breturned\s+(?:the\s+(?:visit|gesture)\b|for\s+(?:an?\s+)?(?:\w+\s+)?visit\b)|\breturned(?=\s*(?:[,.;]|\Z|with\b|"
         r"to\s+(?:open|attend|inaugurate|sign|address|hold|meet)\b))",
         "CONSULT", mode="visit"),
    # (The army before the verb in look-behinds: the cue is tried where "moved" stands, not at every "for…" word.)
    _cue(r"\bmov(?:ed|es|ing)\s+(?:\w+\s+){0,2}?(?:troops|forces|soldiers|units|tanks|warships)\b|"
         r"\b(?:(?<=troops )|(?<=forces )|(?<=soldiers )|(?<=units )|(?<=tanks )|(?<=warships )|(?<=armies )|(?<=columns ))"
         r"mov(?:ed|ing)\s+(?:toward|towards|into|on|up\s+to|closer\s+to)\b", "MOBILIZE", "THREATEN"),
    _cue(r"\b(?:settled|resolved|returning|returned(?!\s+to\s+(?:power|office)\b))\b", "CONCEDE", "AGREE", strong=False),
    _cue(r"\b(?:gave in|give in|gives in|backed down|relented|gave up\s+(?:(?:its|their|the)\s+)?(?-i:[A-Z]))|"
         r"\blift(?:ed|s|ing)\s+(?:it|them|the|its|their)\b|\b(?:(?<=was )|(?<=were ))lifted\b|"
         r"\b(?:was|were)\s+(?:re)?joined\s+to\b",
         "CONCEDE", "AGREE"),
    _cue(r"\bgrant(?:ed|s|ing)\s+(?:\w+\s+){0,2}?(?:autonomy|independence|self-rule|self-government|sovereignty|home rule|"
         r"constitution)\b",
         "CONCEDE", "RETREAT"),
    _cue(r"\b(?:apologi[sz](?:e|ed|es|ing)|apology|apologies|conced(?:e|ed)|yield(?:ed)?|reconcil(?:ed|iation)|"
         r"regrets?|expressing regret|compensat(?:e|ed|ion))\b", "CONCEDE", "COOPERATE"),
    _cue(r"\b(?:ced(?:e|ed|es|ing)|cession|hand(?:ed|s|ing)?\b[^.;]{0,25}\b(?:back|over))\b", "CONCEDE", "RETREAT"),
    _cue(r"\baccept(?:ed|s|ing)?\b", "CONCEDE", "AGREE"),
    # SUPPORT: sign, ratify, establish ties, recognize, back.
    _cue(r"\b(?:sign(?:s|ed|ing)?|ratif(?:y|ied|ies|ication)|conclud(?:ed|es))\b", "SUPPORT", "AGREE"),
    _cue(r"\b(?:establish(?:ed|es|ing|ment)?|re-?establish(?:ed|es|ing|ment)?|restor(?:ed|es|ation)|"
         r"normali[sz](?:ed|ation)|resum(?:ed|ption)|opened)\b[^.;]{0,40}?\b(?:relations|ties|contacts?)\b", "SUPPORT", "COOPERATE"),
    _cue(r"\b(?:relations|ties)\b[^.;]{0,40}?\b(?:were|was|have been|had been) (?:formally )?(?:re-?)?established\b",
         "SUPPORT", "COOPERATE"),
    _cue(r"\b(?:first|formal|official)\s+diplomatic (?:relations|ties)\b[^.;]{0,60}?\b(?:developed|began|started|"
         r"opened|were formed)\b", "SUPPORT", "COOPERATE"),
    _cue(r"\b(?:which|that)\s+(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:restored|resumed|re-?established|"
         r"normali[sz]ed)\b", "SUPPORT", "COOPERATE"),
    _cue(r"\b(?:establish(?:ed|es)?|(?:re-?)?open(?:ed|s)?|set up|inaugurat(?:ed|es))\b[^.;]{0,40}?\b(?:embassy|consulate|"
         r"legation|mission|office)\b", "SUPPORT", "COOPERATE"),
    # "opened a legation in Mexico City in 1944, and Mexico opened one in Ottawa": the same mission.
    _cue(r"\b(?:re-?)?open(?:ed|s)\s+(?:one|its\s+own)\s+in\s+(?-i:[A-Z])", "SUPPORT", "COOPERATE"),
    _cue(r"\b(?:recogni(?:[sz](?:e|ed|es|ing)|tion))\b", "SUPPORT"),
    _cue(r"\bpresent(?:ed|s|ing)\s+(?:his|her|their)\s+credentials\b", "SUPPORT", "COOPERATE"),
    _cue(r"\b(?:award(?:ed|s)?|confer(?:red|s)?|bestow(?:ed|s)?|gave|presented)\b[^.;]{0,40}\b(?:(?-i:Order|Medal)\b|"
         r"(?:highest\s+)?(?:civilian\s+)?(?:honou?r|decoration)s?\b)|\b(?:sponsor(?:ed|s|ing)|co-?sponsor(?:ed|s)|lobbied\s+for)\b",
         "SUPPORT"),
    _cue(r"\b(?:assur(?:ed|es|ing)|reassur(?:ed|es|ing)|approv(?:ed|es|ing))\b", "SUPPORT", "AGREE", strong=False),
    _cue(r"\bon the side of\b", "SUPPORT", "COOPERATE"),
    _cue(r"\bre-?open(?:ed|s|ing)?\b", "COOPERATE", "CONCEDE", strong=False),  # (after "reopened its embassy")
    _cue(r"\bthey\s+(?:were|had been|have been)\s+(?:\w+\s+)?(?:restored|resumed|re-?established|normali[sz]ed)\b|"
         r"\bissu(?:ed|es|ing)\s+(?:a|an|the)\s+(?:[\w–-]+\s+){0,4}?(?:Charter|Declaration|declaration|communiqu[ée]|"
         r"Communiqu[ée]|joint statement)\b", "SUPPORT", "COOPERATE", "AGREE"),
    _cue(r"\b(?:relations|ties)\b[^.;]{0,30}\b(?:were|was|had been|have been) (?:\w+ )?(?:restored|resumed|"
         r"normali[sz]ed|re-?established)\b|\bexchanged (?:ambassadors|legations|embassies|envoys|diplomatic missions)\b|\braised to (?:the rank of )?embass(?:y|ies)\b|"
         r"\bnominated\b", "SUPPORT", "COOPERATE"),
    _cue(r"\bvot(?:ed|ing)\b[^.;]{0,25}?\bfor\b", "SUPPORT", "REQUEST"),
    _cue(r"\b(?<!-)(?:support(?:ed|s|ing)?|back(?:ed|s|ing)|endors(?:e|ed|es)|prais(?:e|ed)|supporter|"
         r"in favou?r of|stood by|sided with)\b", "SUPPORT"),
    _cue(r"\b(?:all(?:y|ies|ied|iance)|strategic partners?(?:hip)?)\b", "SUPPORT", "COOPERATE"),
    _cue(r"\bproclaim(?:ed|s|ing)\s+(?:the\s+)?(?:union|unification)\b", "SUPPORT", "COOPERATE"),
    _cue(r"\bjoin(?:ed|s|ing)?\s+(?-i:[A-Z])[\w-]+\s+(?:in\s+(?:a\s+)?war\s+)?against\b", "ASSAULT", "COOPERATE"),
    _cue(r"\bjoin(?:ed|s|ing)?\b[^.;]{0,30}\b(?:air campaign|bombing|air ?strikes|military intervention|invasion|"
         r"blockade)\b", "ASSAULT", "COOPERATE"),
    _cue(r"\bjoin(?:ed|s|ing)?\b", "COOPERATE", "SUPPORT"),
    _cue(r"\b(?:establish(?:ed|es)?|creat(?:ed|es)|found(?:ed|s)|set up|form(?:ed|s))\b[^.;]{0,60}?\b(?:joint|"
         r"command|commission|committee|council|community|union|confederation|zone|bank|fund|secretariat|plan|"
         r"programme|program|mechanism|agency|commonwealth|federation)\b",
         "COOPERATE", "AGREE", "SUPPORT"),
    _cue(r"\braised\b[^.;]{0,30}\bto the (?:status|rank) of\b", "SUPPORT", "CONCEDE"),
    _cue(r"\b(?:deliver(?:ed|ies|y)|shipped|sold)\b", "COOPERATE", "AID", strong=False),
    # AGREE: agreements, plans, promises.
    _cue(r"\b(?:agree(?:d|s)?)\b(?! with)|\bagreed with\b[^.;]{0,60}?\bto\s+(?!the\b|an?\b|its\b|their\b)[a-z]+|"
         r"\boffer(?:ed|s)? to\b", "AGREE"),
    _cue(r"\breach(?:ed|es|ing)?\s+(?:a|an|the)\s+(?:\w+\s+)?(?:settlement|agreement|deal|compromise|understanding|accord)\b",
         "AGREE", "SUPPORT"),
    _cue(r"\bexchang(?:e|ed|es)(?: of)? (?:diplomatic )?notes\b", "AGREE", "SUPPORT"),
    _cue(r"\b(?:lease|agreement|treaty|accord|deal|pact|mandate)\s+(?:was|were|has been|had been)\s+extended\b|"
         r"\bextend(?:ed|s|ing)\s+(?:the|its|their)\s+(?:\w+\s+)?(?:lease|agreement|treaty|accord|deal|pact)\b|"
         r"\badopt(?:ed|s|ing)\b[^.;]{0,30}\b(?:agenda|declaration|roadmap|road map|plan|programme|program|"
         r"statement|resolution)\b|\bended\s+the\s+(?:rift|dispute|feud|blockade|boycott|standoff|stand-off|"
         r"diplomatic crisis)\b", "AGREE", "SUPPORT"),
    _cue(r"\b(?:came|entered) into force\b|\btook effect\b", "AGREE", "COOPERATE"),
    _cue(r"\b(?:agreements?|treat(?:y|ies)|accords?|protocols?|pacts?|conventions?|memorand(?:um|a)|arrangements?)\b", "AGREE", "SUPPORT",
         strong=False),
    _cue(r"\b(?:plan(?:s|ned|ning)? to|planning|promis(?:e|ed|es)|pledg(?:e|ed|es)|intend(?:s|ed)? to|"
         r"proposed|decided to|tried to|commissioned|formali[sz]ed|underlined the importance)\b", "AGREE"),
    # AID.
    _cue(r"\b(?:aid|assistance|assist(?:ed|ing|s)?|donat(?:ed|ion|ions)|humanitarian|sanctuary|asylum|refuge|"
         r"contribut(?:ed|ion)|relief|fed|fund(?:ed|ing)|financ(?:ed|ing)|bankroll(?:ed|ing)|"
         r"grant(?:s|ed)|(?<=\ba\s)grant|loans?|provid(?:ed|ing) (?:arms|money|weapons|troops|shelter|sanctuary|economic|military|"
         r"financial|medical)|suppl(?:ied|y|ying|ies)\b[^.;]{0,20}\b(?:arms|weapons|ammunition|credit|loans?|food|"
         r"fuel|equipment|drones|missiles|aircraft|tanks|helicopters)|helped\s+(?:to\s+)?(?:re)?build|dependent on|shelter(?:ed|ing)|(?:gave|provided|offered)\b[^.;]{0,20}\b(?:shelter|training|"
         r"sanctuary)|supplies|provid(?:ed|ing)\b[^.;]{0,40}\b(?:credit|loans?|aid|assistance|funds|grants?)|armed\s+(?:(?-i:[A-Z])\w+\s+)?(?:rebels|insurgents|guerrillas|"
         r"militias|separatists)|sent\b[^.;]{0,30}\b(?:advisers|advisors|instructors|weapons|arms|supplies|doctors|nurses|"
         r"medical\s+(?:missions?|teams?|units?|staff))|"
         r"(?:tonnes|tons)\s+of\s+(?:rice|food|grain|wheat|maize|corn|flour|fertili[sz]er)|paid for|with\s+(?:\w+\s+)?help)\b", "AID"),
    _cue(r"\b(?:rais(?:ed|es|ing)|increas(?:ed|es|ing)|doubl(?:ed|es|ing))\s+(?:the|its|their|a|an)\s+(?:\w+\s+)?(?:subsid(?:y|ies)|"
         r"aid|assistance|grants?|credit line|loans?)\b|\b(?:subsid(?:y|ies)|aid|assistance)\s+(?:was|were)\s+restored\b",
         "AID"),
    # "India gave US$1 million": money given.
    _cue(r"\b(?:gave|donated|offered|contributed)\s+(?:(?:about|some|over|nearly|another|an\s+additional)\s+)?"
         r"(?:US\$|\$|€|£|¥|₹|(?-i:[A-Z]{1,3})\$|\d[\d,.]*\s+(?:million|billion)\b)", "AID"),
    _cue(r"\btook\s+in\b[^.;]{0,40}\b(?:refugees|exiles|migrants|evacuees|children|wounded|people)\b", "AID"),
    _cue(r"\b(?:relations|ties)\s+(?:\w+\s+)?(?:improved|warmed|thawed|recovered)\b|\bupgrad(?:ed|es|ing)\s+"
         r"(?:their\s+|the\s+|bilateral\s+|diplomatic\s+)*(?:ties|relations)\b", "COOPERATE"),
    _cue(r"\bcongratulat(?:ed|es|ing|ions?)\b", "SUPPORT"),
    # "the two juntas drew closer": ties that grow.
    _cue(r"\b(?:drew|grew|moved|came)\s+closer\b(?!\s+to\s+(?:a\s+)?(?:war|conflict|confrontation|blows|collapse))",
         "COOPERATE"),
    _cue(r"\bpaid\s+to\s+(?:abolish|end|buy|redeem|settle|lift)\b", "CONCEDE", "AGREE"),
    # "…ordered Nicaragua to pay it compensation, which Nicaragua paid": what was owed, paid.
    _cue(r"\bwhich\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*\s+(?:duly\s+|eventually\s+|later\s+)?paid\b",
         "CONCEDE", "AID"),
    _cue(r"\bpaid\b(?:[^.;]|\.(?=\d)){0,60}\b(?:in\s+)?(?:costs|compensation|damages|reparations|indemnit(?:y|ies))\b", "CONCEDE", "AID"),
    # CONSULT: visits, meetings, talks, conferences.
    _cue(r"\b(?:led|took|brought)\s+(?:a|an|his|her|the|\w+)\s+(?:\w+\s+)?(?:delegation|ministers|officials|businessmen|"
         r"business leaders|mission)\s+to\b", "CONSULT", mode="visit"),
    _cue(r"\b(?:paid a visit|state visit|official visit|visit(?:s|ed|ing)?)\b", "CONSULT", mode="visit"),
    _cue(r"\btour(?:ed|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:capitals?|countries|region|cities|(?-i:[A-Z]))", "CONSULT",
         mode="visit"),
    _cue(r"\b(?:met|meet(?:s|ing|ings)?|talks|summits?|conferences?|mediat(?:ed|ion|ing)|forum|negotiat(?:ed|ions?|ing)|discussions?|"
         r"consultations?|participat(?:e|ed|es|ion)|contacts?|address(?:ed)? (?:at|to)|(?<!-)hosted|delegation|"
         r"in (?:regular )?contact|attend(?:ed|s|ing)|travell?(?:ed|ing)\s+to|(?:addressed|told|spoke (?:to|before|in))\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
         r"(?:parliament|assembly|congress|senate|knesset|bundestag|duma|legislature|majlis))\b", "CONSULT"),
    # COOPERATE: trade, investment, joint work.
    _cue(r"\blaunch(?:ed|es|ing)?\b[^.;]{0,30}\b(?:initiative|partnership|dialogue|programme|program|"
         r"project)\b", "COOPERATE", "AGREE"),
    _cue(r"\btransferr(?:ed|ing)\b[^.;]{0,30}\b(?:million|billion|funds|money)\b", "AID", "COOPERATE"),
    _cue(r"\b(?:trad(?:e|ed|ing)|exports?|imports?|currency\s+swaps?|export(?:ed|ing)|import(?:ed|ing)|sales|invest(?:ed|ing|ment|ments|s)?|exchange of goods|"
         r"cooperat(?:ion|ive|ed|e)|co-operat(?:ion|ive|ed|e)|joint|partnership|integration|inaugurat(?:ed|ion)|"
         r"exchanges?|developed close|strengthened|close relations|co-?host(?:ed|s)?|founders?|founding members?|"
         r"abolished visa|visa-free|hotline|bought|purchas(?:e|ed|es|ing)|free movement|common (?:labour|labor) market|"
         r"passport union|became part of|unit(?:ed|ing) (?:with|into|in)|unification|merg(?:ed|er) (?:with|into)|"
         r"exchanged|drills?)\b",
         "COOPERATE"),
    _cue(r"\b(?:pipelines?|(?:first |second |new )?line|railway|rail link|bridge|tunnel|highway|flights?|air link|ferry|"
         r"industrial (?:region|zone|park|complex|estate)|"
         r"border crossings?|crossings?)\b[^.;]{0,80}?"
         r"\b(?:opened|re-?opened|resumed|began operating|entered service|was inaugurated)\b|"
         r"\b(?:opened|re-?opened|inaugurated)\s+(?:the\s+|a\s+)?(?:[\w–-]+\s+){0,3}?(?:pipeline|railway|rail link|bridge|tunnel|"
         r"highway|border crossing|crossing|air link|ferry)\b|\b(?:demarcat(?:ed|ion)|delimitat(?:ed|ion)|"
         r"marking of the border)\b", "COOPERATE", "AGREE"),
)

_NEGATION = re.compile(
    r"\b(?:did not|didn't|does not|do not|never|chose not to|not to|failed to|has not|have not|had not|was not|"
    r"were not|would not|refused to)\s+(?:\w+\s+){0,2}?$",
    re.IGNORECASE,
)
# Every phrase of _NEGATION holds one of these, once folded as a case-insensitive match folds it.
_NEGATION_WORDS = ("not", "n't", "never", "failed", "refused")


def _negated(before: str) -> bool:
    """Whether ``before`` (what precedes a cue) ends with a negation ("did not", "never")."""
    folded = fold(before)
    return any(word in folded for word in _NEGATION_WORDS) and _NEGATION.search(before) is not None


_FUTURE = re.compile(r"\b(?:plans? to|planning to|planned to|will|is expected to|intends? to|is set to|promises? to|"
                     r"should later|aims? to)\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may)\s+(?:have\s+)?\w+", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|stated|declared|claimed|announced|argued|described|told)\b(?=[^.;]{0,25}?(?:\bthat\b|[\"“])|"
                     r"\s+(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,3}\s+(?:had|have|has|were|was)\b)",  # ("said Kyrgyz forces had …")
                     re.IGNORECASE)
_HOSTILE_SPEECH = re.compile(r"\b(?:at war|war|provocation|enemy|hostile|aggression|point of no return|threat)\b",
                             re.IGNORECASE)
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"})


@dataclass(frozen=True)
class Reading:
    """What the cues of a clause say: types (best first), mode, auxiliary modes, strength."""

    types: tuple[str, ...]
    mode: str | None
    aux: tuple[str, ...]
    strong: bool


# The cues, and the words of speech and mood, indexed by the starts of their words: a clause is
# searched only with the expressions its words can match, and only where those words start.
_LEXICON = Lexicon([*(cue.pattern for cue in CUES), _SPEECH, _FUTURE, _HYPOTHETICAL, _HOSTILE_SPEECH])
_N_SPEECH, _N_FUTURE, _N_HYPOTHETICAL, _N_HOSTILE = range(len(CUES), len(CUES) + 4)


def read_clause(text: str) -> Reading:
    """The PLOVER reading of a clause, with time expressions already blanked out.

    >>> read_clause("the Soviet Union did not sign the Tangier Protocol").types
    ('REJECT',)
    >>> read_clause("King Mohammed VI of Morocco visited Russia and met with President Putin").types
    ('CONSULT',)
    """
    found = _LEXICON.hits(text)
    hits: list[tuple[int, Cue, bool]] = []
    taken: list[tuple[int, int]] = []
    for n, where in found.items():
        if n >= len(CUES):
            break
        cue = CUES[n]
        for m in _LEXICON.finditer(n, text, where):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            negated = _negated(text[max(0, m.start() - 40): m.start()])
            hits.append((m.start(), cue, negated))
            taken.append(m.span())
    if not hits:
        return Reading((), None, (), False)
    hits.sort(key=lambda h: h[0])
    types: list[str] = []
    aux: list[str] = []
    mode = None
    strong = False
    speech = _N_SPEECH in found and _LEXICON.search(_N_SPEECH, text, found[_N_SPEECH])
    for pos, cue, negated in hits:
        cue_types = cue.types
        if negated and cue_types[0] in _COOPERATIVE:
            cue_types = ("REJECT",)
            if "negation" not in aux:
                aux.append("negation")
        elif negated and "negation" not in aux:
            aux.append("negation")
        # What is said is an accusation when it says war or provocation: "said … are 'at war'".
        if speech and speech.start() < pos and cue_types[0] == "ASSAULT":
            cue_types = ("ACCUSE",)
        for t in cue_types:
            if t not in types:
                types.append(t)
        mode = mode or cue.mode
        strong = strong or cue.strong
    if "negation" in aux:
        # "did not sign the Tangier Protocol": the protocol's noun adds no cooperation of its own.
        weak = {t for _, cue, neg in hits if not cue.strong and not neg for t in cue.types}
        strong_types = {t for _, cue, neg in hits if cue.strong or neg for t in (("REJECT",) if neg else cue.types)}
        types = [t for t in types if t not in weak or t in strong_types]
    # (What follows the verb of speech: the text after it, searched from there.)
    if (speech and _N_HOSTILE in found and _LEXICON.search(_N_HOSTILE, text, found[_N_HOSTILE], speech.end())
            and "ACCUSE" not in types):
        types.insert(0, "ACCUSE")
    if _N_FUTURE in found and _LEXICON.search(_N_FUTURE, text, found[_N_FUTURE]):
        aux.append("future")
    elif _N_HYPOTHETICAL in found and _LEXICON.search(_N_HYPOTHETICAL, text, found[_N_HYPOTHETICAL]):
        aux.append("hypothetical")
    return Reading(tuple(types), mode, tuple(aux), strong)


_CUE_LEXICON = Lexicon([cue.pattern for cue in CUES])


def has_cue(text: str) -> bool:
    """True when some cue of the lexicon occurs in the text."""
    return _CUE_LEXICON.any(text)


_CONTEXTS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, re.compile(regex, re.IGNORECASE)) for name, regex in (
        ("economic", r"\b(?:trade|trading|econom\w*|invest\w*|market\w*|export\w*|import\w*|tourism|tourists?|"
                     r"business|industr\w*|refiner\w*|mining|agricultur\w*|financ\w*|dollars?|goods)\b"),
        ("military", r"\b(?:military|arms|troops|army|armies|soldiers|weapons?|war|wars|defen[cs]e|navy|naval|"
                     r"invasion|battle|forces)\b"),
        ("diplomatic", r"\b(?:diplomat\w*|embass\w*|consul\w*|ambassador\w*|relations|ties|visit\w*|summit|"
                       r"conference|forum|delegation|recogni\w+)\b"),
        ("health", r"\b(?:vaccines?|pandemic|coronavirus|covid\w*|health|medical|medicine)\b"),
        ("natural_resource", r"\b(?:oil|gas|fisher\w*|fishing|mining|minerals?|pelagic|petroleum|refiner\w*)\b"),
        ("territory", r"\b(?:borders?|territor\w*|boundary|boundaries|sovereignty|self-determination|annex\w*)\b"),
        ("migration", r"\b(?:refugees?|migra\w*|visas?|emigra\w*|immigra\w*|settlers?|citizenship)\b"),
        ("legal", r"\b(?:court|legal|law|laws|sentenc\w+|treaty|treaties|protocol)\b"),
        ("human_rights", r"\b(?:human rights|death sentences?|atrocities|war crimes|genocide|pogrom)\b"),
        ("asylum", r"\b(?:asylum|sanctuary|exile)\b"),
        ("technology", r"\b(?:technolog\w*|technical|nuclear power|space)\b"),
        ("cbrn", r"\b(?:nuclear weapons?|chemical weapons?|missile crisis)\b"),
        ("terrorism", r"\b(?:terror\w*)\b"),
        ("religion_ethnicity", r"\b(?:religio\w*|ethnic\w*|muslims?|christians?|buddhis\w*)\b"),
        ("intelligence", r"\b(?:intelligence|espionage|spy|spies|secret information)\b"),
        ("election", r"\b(?:elect(?:ion|ed)s?|vote|voting)\b"),
    )
)


_CONTEXT_LEXICON = Lexicon([pattern for _, pattern in _CONTEXTS])


def contexts(text: str) -> tuple[str, ...]:
    """PLOVER contexts the clause's words support."""
    return tuple(_CONTEXTS[n][0] for n, where in _CONTEXT_LEXICON.hits(text).items()
                 if _CONTEXT_LEXICON.search(n, text, where))
