"""The classifier's rules: small named units, each a weighted phrase pattern for one label.

Patterns are written in lower case without accents (``ß`` as ``ss``, ``’`` as ``'``)
because they run on a folded copy of the text (see ``fold``). Each rule's name is its
evidence: the classifier reports which rules fired and on what words.

Weights: 3 is a phrase that decides on its own ("we have decided to move forward with
other candidates"); 2 a strong hint; 1 a hint that only counts together with others; 0 a
signal that decides nothing but is reported and read by the decision (a time of day, the user
writing as the candidate).
"""

import re
from dataclasses import dataclass

from worker.classify import names
from worker.prefilter import Prefilter, required_literals


@dataclass(frozen=True, slots=True)
class Rule:
    """One weighted phrase pattern.

    ``negatable``: a match preceded closely by a negation ("not", "nicht", "pas", ...)
    does not count. ``unconditional``: a match inside a conditional or capacity sentence
    ("if you do not hear from us...", "we cannot reply to every applicant") does not count.
    ``literals``: strings one of which every match contains (see ``worker.prefilter``),
    so the regex only runs on texts that could match it.
    """

    name: str
    label: str
    weight: float
    pattern: re.Pattern
    negatable: bool = False
    unconditional: bool = False
    subject_only: bool = False
    literals: tuple[str, ...] | None = None
    prefilter: Prefilter | None = None

    def __post_init__(self) -> None:
        literals = required_literals(self.pattern)
        object.__setattr__(self, "literals", literals)
        object.__setattr__(self, "prefilter", Prefilter(literals) if literals else None)


def _rules(label: str, weight: float, entries: dict[str, str], **flags) -> list[Rule]:
    return [Rule(name, label, weight, re.compile(p), **flags) for name, p in entries.items()]


# --- rejection -------------------------------------------------------------------------

_REJECT_STRONG = {
    "other candidates chosen": r"\b(?:move|moving|go|going|gone|went|proceed|proceeding|continue|continuing|progress|progressing|advance|advancing|pursue|pursuing|selected|chosen|chose|hired|offered the (?:role|position|job) to)"
    r" (?:forward |ahead |on )?with (?:other|another|a different|different|alternative|(?:an?|one) (?:other|different|internal)|a small number of|a few|some other)"
    r" (?:candidate|applicant|profile|person|individual|people|finalist)",
    "another candidate chosen": r"\b(?:moving|move|go|going|proceed|proceeding) forward with (?:an?|one) (?:candidate|applicant|person|individual)"
    r"|\b(?:selected|chosen|hired|appointed|offered the (?:role|position|job) to) (?:another|a different|an internal|an external|other|a more|someone)\b"
    r"|\boffered (?:the|this) (?:role|position) to (?:another|someone|a different)"
    r"|\b(?:go|going|gone|went|selected|chosen|hired|appointed) with (?:a|an|one) (?:candidate|applicant|person) (?:who|whose|with|that)\b|\b(?:selected|chosen|hired|appointed) (?:a|an) (?:candidate|applicant|person) (?:who|whose|with)\b"
    r"|\bdecided in favou?r of (?:another|a different|an? other|someone)|\b(?:chosen|decided|chose|elected) to (?:pursue|progress|prioriti[sz]e|move forward with|proceed with|go with|focus on) (?:other |a few |several )?(?:candidates|applicants|people|profiles)"
    r"|\b(?:not|n't) (?:been )?offered (?:you )?(?:the|this) (?:post|role|position|job)\b|\bdecided to offer (?:the|this) (?:job|role|position|post) to\b",
    "application not progressed": r"(?:\b(?<!may )(?<!might )not|n't|\bunable to|\bno longer) (?:to |going to )?(?:be )?(?:able to |in a position to )?(?:moving|move|going|go|proceed|proceeding|progress|progressing|take|taking|advance|advancing|continue|continuing|pursue|pursuing|consider|considering|move ahead|bringing|bring)"
    r"(?: forward| further| ahead)?(?: with| on)? (?:(?:your|this|the) (?:application|candidacy|candidature|profile|submission)|you|it|yours|an offer)\b(?! (?:soon|shortly|know))"
    r"|\b(?:application|candidacy|candidature|submission) (?:will not|won't|is not|isn't|has not|hasn't|was not|wasn't|will no longer) (?:be )?(?:progressing|progressed|moving forward|proceeding|taken forward|going forward|going any further|considered further)",
    "decided not to": r"\b(?:decided|decision|chosen|elected|opted) (?:not to|to not) (?:proceed|progress|move|continue|pursue|offer|invite|take|advance|go ahead|shortlist|extend)",
    "not selected": r"(?:\bnot|n't) (?:been |be )?(?:selected|shortlisted|successful|chosen|progressed|invited to (?:interview|the next))\b",
    "unsuccessful": r"\b(?:was|were|has been|have been|is|been|application|candidacy|attempt) unsuccessful\b|\bunsuccessful (?:on this occasion|this time|in your application)",
    "position filled": r"\b(?:position|role|vacancy|opening|job|post|requisition|search|posting) (?:has|have|had|is|was) (?:now |since |already |recently |unfortunately )?(?:been )?(?:filled|closed|cancell?ed|put on hold|placed on hold|withdrawn|paused|frozen)",
    "role cancelled": r"\b(?:decided|had|forced|needed) to (?:pause|cancel|close|freeze|withdraw|put on hold) (?:the|this|our) (?:role|position|search|hiring|requisition|vacancy|opening|recruitment)"
    r"|\b(?:role|position|hiring|headcount) (?:is|has been) (?:on hold|frozen|no longer available)"
    r"|\b(?:position|role|job|vacancy|opening|posting|vacature|stelle|poste|offre|vacante|puesto)\b(?: [\w-]+){0,3} (?:is |ist |est |esta |ya )?(?:no longer available|nicht mehr verfugbar|niet meer beschikbaar|n'est plus disponible|no esta disponible|ya no esta disponible)",
    "regret to inform": r"\b(?:regret|sorry|sad|disappointed) to (?:inform|let you know|tell you|advise|say|share|report|have to tell|write)",
    "unable to offer": r"\b(?:will not|won't|cannot|can't|can not|unable to|not able to|not in a position to|will no longer) (?:be able to |be )?(?:offer(?:ing)? you|extend(?:ing)? (?:you )?an offer|invit(?:e|ing) you|shortlist(?:ing)? you|proceed(?:ing)?|progress(?:ing)? (?:you|your|this|it|further|any further)|mov(?:e|ing) (?:forward|ahead)|tak(?:e|ing) (?:your|you|things|this|it) (?:any )?further)\b",
    "not considered further": r"\bnot (?:be )?(?:considered|taken forward|progressed) (?:any )?(?:further|for (?:this|the) (?:role|position|vacancy|post))\b|\b(?:filled|hired|appointed) (?:the (?:role|position|vacancy|post) )?internally\b|\bdecided to (?:fill|hire for) (?:the|this) (?:role|position|vacancy|post) internally\b|\b(?:hire|fill it|appoint|promote) internally\b|\bhire from within\b"
    r"|\b(?:closed|cancell?ed|withdrawn|paused) (?:the|this|our) (?:requisition|search|posting)\b|\b(?:will not|won't) be (?:filling|hiring for) (?:it|the|this)\b"
    r"|\b(?:we have|we've|we had|have now|has now|has been) (?:now |already )?(?:filled|closed) (?:the|this|that) (?:role|position|vacancy|post|opening)\b|\b(?:does not|doesn't|did not|didn't) (?:quite )?(?:match|meet|align with) (?:our|the|what) (?:\w+ )?(?:requirements|criteria|needs|we are looking|we're looking)",
    "different direction": r"\b(?:go|gone|going|move|moving|went|decided to go|head|heading|headed|take|taking|taken|took) (?:in )?(?:a different|another|other) (?:direction|way)\b|\bgone with (?:someone|another|other|people|a candidate|an internal|a different|the other)",
    "someone else chosen": r"\b(?:go|going|gone|went|proceed|proceeding|move forward|moving forward|continue|continuing|decided to go|settled|decided) (?:ahead )?(?:with|on) (?:someone|somebody) else\b"
    r"|\b(?:chose|chosen|picked|selected|hired|appointed|offered it to|give it to|gave it to|given it to|hire|pick|choose|select) (?:someone|somebody) else\b",
    "not what we are looking for": r"\b(?:profile|background|experience) (?:is|was) not (?:quite |exactly )?what we(?:'re| are) looking for|\bnot what we(?:'re| are) looking for (?:right now|at the moment|for this)",
    "not shortlisted": r"\bnot (?:among|one of) (?:those|the candidates|the people|the applicants) (?:\w+ )?(?:shortlisted|selected|invited|taken forward|progressed)|\bnot (?:\w+ ){0,3}?(?:on|onto|in) (?:the|our|this) shortlist|\b(?:didn't|did not) make (?:it onto )?the shortlist"
    r"|\bniet op (?:de|deze|onze) shortlist|\bno (?:\w+ ){0,2}?inclui\w* en (?:la|nuestra) (?:preseleccion|lista)|\bn'en (?:faites|fait|fais|font) pas partie\b",
    "it's a no": r"\b(?:it's|it is) (?:a |\")?no\"? (?:from (?:us|the client|them|the team|the hiring)|for (?:the|this|that) (?:[\w-]+ ){0,4}?(?:role|position|job|post)|this time|on this one)\b|\bthis time it(?:'s| is) a no\b"
    r"|\bist es (?:leider )?ein nein\b|\b(?:is|wordt) (?:het )?(?:\w+ ){0,2}?een nee\b|\bce n'est pas (?:vous|toi)\b",
    "process closed for you": r"\bclos(?:e|ing|ed) (?:out |off )?(?:your application|the process (?:for|on)|this process|(?:the|our) (?:search|recruitment) (?:for (?:this|the|a|an)|before))\b|\bconclud(?:e|ing|ed) (?:the|this) process (?:for|on|with) (?:your|you)|\bclos(?:e|ing|ed) (?:things|it|this) (?:out|off) (?:on our (?:side|end)|for (?:you|now)|here)\b"
    r"|\bbewerbung (?:\w+ ){0,2}?(?:geschlossen|abgeschlossen|archiviert)\b|\b(?:cloturons|clos|fermons) (?:\w+ ){0,3}?candidatures\b|\bcandidature (?:est |a ete )?(?:close|cloturee|fermee|archivee)\b|\bcandidature s'arrete\b"
    r"|\bconcluimos el proceso (?:de|para|con) (?:tu|su|ti|usted)|\bdamos por (?:concluido|finalizado|cerrado) (?:el|tu|su) proceso|\b(?:cerramos|cerrado) (?:el proceso|tu candidatura|su candidatura|las candidaturas)",
    "score below the threshold": r"\b(?:below|under) (?:the|our) (?:threshold|cut-?off|pass mark|passing score|benchmark)|\b(?:below|under) the (?:level|standard|score|mark) (?:we need|we require|required|needed|necessary)|\b(?:sous|en dessous) (?:du|le) seuil\b|\bpor debajo del (?:corte|umbral|minimo)\b|\bnicht bestanden\b",
    "not the right fit": r"(?:\bnot|(?<!if it is)(?<!if this is)(?<!if that is)n't) (?:quite )?(?:a|the) (?:right |strong |good |close |best )?(?:fit|match)\b|(?:\bnot|n't) (?:quite )?the (?:right|best) (?:candidate|person|profile)\b",
    "no longer considered": r"\bno longer (?:being )?(?:considered|under consideration|in consideration|in the running|in process)",
    "not invited further": r"(?:\bnot|n't) (?:be |going to |be able to )?(?:inviting|invite|invited) you (?:to|for|back)",
    "status not selected": r"\b\w*(?:status|statut|estado|estatus)\s*:\s*[^\n.!?]{0,30}?\b(?:not selected|unsuccessful|rejected|declined|no seleccionad[oa]|descartad[oa]|rechazad[oa]|abgelehnt|absage|nicht ausgewahlt|afgewezen|niet geselecteerd|non retenue?|refusee?)\b|\b(?:status|statut|estado|estatus)\s*:\s*(?:closed|archived|inactive|complete|completed)\s*(?:[-,(:]|\u2013|\u2014)\s*(?:not progressing|not progressed|not selected|unsuccessful|not moving forward|rejected|declined|position filled)\b|\n[^\w\n]{0,3}(?:descartad[ao]|rechazad[ao]|no seleccionad[ao]|not selected|unsuccessful|rejected|abgelehnt|afgewezen|non retenue?|refusee?)\s*(?:[-:]|\u2013|\u2014|\n)|\bstatus\b[^.\n]{0,80}? (?:updated|changed|set|moved) (?:to|as):? ['\"]?(?:position closed|closed|not selected|rejected|declined|unsuccessful|not progressing|archived|not referred)\b"
    r"|\b(?:status|statut|estado|estatus)\s*:?\s*['\"]?(?:not selected|unsuccessful|rejected|declined|not referred|non retenue?|refusee?|no seleccionad[oa]|descartad[oa]|rechazad[oa]|abgelehnt|afgewezen|niet geselecteerd)\b|\b(?:status|application) (?:has been |was |is )?(?:updated|changed|marked|set)? ?(?:to|as)? ?['\"]?(?:not selected|rejected|declined|not progressing|unsuccessful|no longer under consideration)",
    "decided against": r"\b(?:decided|chose|choose) against\b|\b(?:decided to|going to|have to|will|'ll|must|'re going to) pass\b(?= (?:at this|this time|for now|on (?:your|this|the) (?:application|candidacy|role)|on moving)|[.!,;])",
    "did not pass": r"(?:\bnot|n't|\bcould not|\bdid not|\bunable to) (?:qualif(?:y|ied)|clear(?:ed)?|pass(?:ed)?|make it|meet|met|reach(?:ed)?) (?:for |to |through |the |into )?(?:the |our |this |your )?(?:[\w/-]+ ){0,3}?(?:next|this|final|assessment|test|round|stage|interview|cut|benchmark|threshold|required|minimum|passing|bar)\b",
    "candidates who fit better": r"\b(?:move|moving|go|going|proceed|proceeding|continue|continuing|progress|progressing|pursue|pursuing) (?:forward |ahead |on )?with (?:candidates?|applicants?|someone|somebody|people|a person|individuals) (?:who|whose|that|with|better|more|from)",
    "offer went to another": r"\b(?:extend(?:ed)?|make|made|give|gave|offer(?:ed|ing)?) (?:an |the |this |that )?(?:[\w-]+ ){0,3}?(?:offer|role|position|job|post|place)(?: (?:of|as)(?: [\w&-]+){1,5}?)? to (?:another|a different|someone|one of the other|an internal|the other|a candidate|an? (?:\w+ )?(?:candidate|applicant))",
    "job gone to another": r"\b(?:job|role|position|post|vacancy|place|offer)\b(?: [\w-]+){0,3}? (?:has |have |had )?(?:now |already |since )?(?:gone|went|been offered|been given|been awarded|been accepted)(?: to and accepted)? (?:to|by) (?:another|a different|an? (?:other|internal|external)\b|someone|somebody|one of the other|a candidate (?:who|whose|with)|an applicant (?:who|whose|with))",
    "it has been filled": r"\b(?:it|this|the role|the position|the job|the vacancy|the opening)(?:'s| has| is| was) (?:now |already |since |just )?(?:been )?(?:filled|taken)\b",
    "fr: pas en mesure": r"\b(?:pas|plus) en mesure de (?:vous |te |la |le |l'|lui |y )?(?:proposer|donner|retenir|poursuivre|avancer|aller|repondre favorablement|accorder)|\bne pas (?:aller|poursuivre|continuer) plus loin|\bpas (?:aller|poursuivre|continuer|avancer) plus loin|\bne (?:\w+ )?permet(?:tent)? pas de (?:vous |te )?(?:proposer|retenir|donner suite|poursuivre)|\bn'irons pas plus loin|\bpas plus loin avec",
    "fr: recrutement suspendu": r"\b(?:geler|gele|suspendre|suspendu|annuler|annule|arreter|arretons|suspendons|mettre fin a|cloturer|clore) (?:\w+ ){0,2}?(?:le |la |au |du |ce |cette |notre )?(?:recrutement|processus|poste)\b"
    r"|\bpourv(?:oir|u) (?:\w+ ){0,2}?en interne\b|\brecrutement (?:externe )?(?:est )?(?:donc )?arrete\b"
    r"|\bne (?:presenterai|presenterons|transmettrai|transmettrons) pas (?:votre|ta)\b|\bne (?:vous|te) (?:proposerons|proposons|proposerai|offrirons) pas (?:le|ce|de) poste|\bne (?:va|vais|vont|allons) pas (?:te|vous) (?:prendre|retenir|garder|embaucher)\b"
    r"|\bpropose (?:le|ce) poste (?:\w+ ){0,5}?a (?:une autre|un autre|une|un) (?:personne|candidat|candidate|profil)\b",
    "fr: ne retiendrons pas": r"\bne (?:la |le |vous |te |l')?(?:retiendrons|retenons|retiendra|retenir|retient) pas\b",
    "es: elegido a otro": r"\b(?:elegido|seleccionado|escogido|optado por|contratado|decidido por|quedado con) (?:a )?(?:otra|otro|otras|otros) (?:candidat|persona|perfil|finalista)",
    "others invited": r"\b(?:invite|inviting|invited|progress|progressing|shortlist|shortlisting|shortlisted|move|moving|advance|advancing|proceed|proceeding) (?:with )?(?:a few |several |some |only |a small number of |the )?(?:other|another|different|more experienced) (?:candidates|applicants|people|applications|profiles)"
    r"|\b(?:andere|anderen|weitere) (?:kandidat|bewerber)\w* (?:\w+ ){0,3}(?:einzuladen|eingeladen)|\binviter d'autres|\b(?:invitar|convocar|citar) a otr[oa]s|\bandere kandidaten (?:\w+ ){0,3}(?:uit te nodigen|uitgenodigd)",
    "afraid not": r"\b(?:i'm|i am|we're|we are) afraid (?:that )?(?:we|i|you|this|the|it)\b",
    # German
    "de: nicht berücksichtigt": r"\bnicht (?:weiter |mehr |langer |naher )?(?:zu )?(?:berucksichtig|in betracht|in die engere|in die nachste|weiter (?:zu )?verfolg|weiterverfolg|weiterzuverfolg|verfolg|fortsetz|fortzusetz|fortzufuhr|fortfuhr|beruck|weiterfuhr|weiterzufuhr|weiter zu fuhren|weiter (?:zu )?bearbeit|bearbeit)"
    r"|\bgeht (?:es )?(?:\w+ ){0,5}?nicht weiter\b|\bnicht (?:\w+ ){0,2}?ubertragen\b",
    "de: für jemand anderen entschieden": r"\bfur (?:eine[nrs]?|ein|die|den|zwei|mehrere)? ?(?:\w+ ){0,2}?(?:kandidat|kandidierend|bewerber|bewerbend|mitbewerber|profil|person)\w*(?:[ :/*]\w+){0,3}? entschieden"
    r"|\b(?:anders|anderweitig|gegen (?:ihre|deine|eine) (?:bewerbung|kandidatur)) entschieden|\b(?:uns|wir|sich) (?:\w+ ){0,3}dagegen entschieden"
    r"|\b(?:sieht|sehen|sah|sahen) (?:\w+ ){0,4}?von (?:einer|einem|der|ihrer|deiner) (?:\w+ ){0,2}?(?:vorstellung|einladung|berucksichtigung|zusammenarbeit|gesprach)\w* ab\b",
    "de: Stelle anders besetzt": r"\bmit (?:einer|einem|einen|anderen|weiteren|einer anderen|einem anderen|einer internen|einem internen) (?:\w+ ){0,2}?(?:kandidat|bewerber|mitbewerber)\w*(?:[ :/*]\w+){0,6}? (?:zu )?(?:besetzen|besetzt|nachbesetzen|weitermachen|weiterzumachen|weitergehen|fortfahren|fortzufahren|fortsetzen|fortzusetzen|weiterarbeiten|weiterverfolgen|weiterzuverfolgen|in die nachste)",
    "de: nicht eingeladen": r"\blade[n]? (?:wir |ich )?(?:sie|dich|euch) (?:\w+ ){0,2}?nicht (?:\w+ ){0,4}?ein\b|\b(?:sie|dich|ihnen|dir|euch) (?:leider )?(?:nicht|nicht mehr) (?!nur\b)[^.!?\n]{0,80}?\b(?:einladen|einzuladen|eingeladen|berucksichtigen|weiterkommen|mitnehmen)\b"
    r"|\bnicht (?:aus)?gereicht\b|\breich(?:t|ten) (?:\w+ ){0,3}nicht aus\b",
    "de: Stelle nicht besetzt": r"\b(?:stelle|position|vakanz|ausschreibung|rolle)\b(?: \w+){0,4} (?:vorerst |derzeit |zunachst |doch |bis auf weiteres |vorlaufig )?nicht (?:mehr )?(?:zu |nach)?(?:besetzen|besetzt|nachzubesetzen|nachbesetzen)"
    r"|\b(?:auswahlverfahren|auswahlprozess|bewerbungsverfahren|besetzungsverfahren|bewerbungsprozess|recruitingprozess)\w* (?:\w+ ){0,4}(?:beendet|eingestellt|gestoppt|ohne ergebnis|ohne entscheidung)"
    r"|\b(?:stelle|position|ausschreibung|vakanz) (?:\w+ ){0,3}zuruck(?:zu)?(?:ziehen|gezogen|genommen|zunehmen)",
    "de: andere Kandidaten": r"\b(?:fur|zugunsten) (?:einen |eine |einer |eines |die |den )?(?:anderen?|andere|weitere) (?:kandidat|kandidierend|bewerber|bewerbend|person|profil|bewerbung|kandidatur)"
    r"|\b(?:anderen?|andere) (?:kandidat|bewerber)\w* (?:entschieden|gewahlt|ausgewahlt|den vorzug)"
    r"|\banderweitig (?:zu )?(?:besetz|vergeb|entschied|entschieden)",
    "de: Stelle besetzt": r"\b(?:stelle|position|vakanz) (?:\w+ ){1,4}?(?:besetzt wurde|besetzt worden|vergeben)\b|\b(?:stelle|position|vakanz|rolle) (?:\w+ ){0,4}?intern (?:zu )?(?:besetzen|besetzt|nachbesetzen|nachzubesetzen|vergeben)\b"
    r"|\b(?:besetzung|ausschreibung|stelle|position)\w* (?:\w+ ){0,3}?(?:auszusetzen|ausgesetzt|zu stoppen|gestoppt|einzufrieren|eingefroren|zu streichen)\b|\b(?:einen|eine) (?:\w+ )?(?:kandidat|bewerber|person)\w*(?:[ :/*]\w+)? (?:ausgewahlt|eingestellt|gewahlt), (?:deren|dessen|die|der)\b|\b(?:stelle|position|vakanz|vakante stelle) (?:ist |wurde |haben wir |konnte )?(?:bereits |inzwischen |mittlerweile |intern |schon )?(?:besetzt|vergeben|gestrichen|zuruckgezogen|entfallt|nicht mehr)",
    "de: nicht weiter": r"\bnicht (?:weiter|mehr) (?:mit (?:ihnen|dir)|in (?:unserem|den) (?:prozess|auswahlprozess|verfahren))|\bnicht in die (?:engere|nachste|zweite) (?:auswahl|runde)"
    r"|\bentschieden, (?:ihre|deine) bewerbung nicht|\b(?:ihre|deine) bewerbung nicht (?:weiter|berucksichtig|beruck)",
    "de: keine Stelle": r"\bkeine (?:\w+ )?(?:stelle|position|anstellung|zusage|beschaftigung) (?:\w+ ){0,2}?anbieten\b|\bwahl (?:\w+ ){0,2}?(?:nicht auf (?:sie|dich)|auf (?:eine[nr]?|ein) (?:andere|anderen))|\bgegen (?:sie|dich|ihre bewerbung|deine bewerbung) entschieden|\bnicht (?:der|die|das) (?:richtige|passende)n? (?:kandidat|profil|person|match)",
    "de: passt nicht": r"\b(?:passt|passen|entspricht|entsprechen) (?:leider |ihr profil |dein profil )?nicht\b|\b(?:passt|entspricht) (?:\w+ ){0,2}?(?:ihr|dein|das) (?:profil|portfolio|erfahrung|werdegang) (?:\w+ ){0,3}?nicht\b"
    r"|\b(?:profil|portfolio|erfahrung|werdegang|hintergrund) (?:\w+ ){0,3}?(?:passt|passen|entspricht) (?:\w+ ){0,3}?nicht\b",
    "de: leider mitteilen": r"\bleider (?:mitteilen|mitteilen mussen|absagen)\b|\bmussen (?:ihnen|dir) (?:leider )?(?:mitteilen|absagen)",
    # French
    "fr: pas de suite": r"\b(?:pas|ne|ni) (?:\w+ ){0,6}(?:suite favorable|suite positive|donner suite|reserver une suite)|\bne pas donner suite|\bne pourrons pas (?:y )?donner suite",
    "fr: au regret": r"\ba notre (?:grand )?regret\b|\b(?:sommes|suis) au regret\b|\b(?:avons|ai) le regret\b|\bau regret de vous",
    "fr: pas retenu": r"\b(?:n'a|n'avez|n'avons|n'as|ne sera|n'ete|n'est) (?:pas|malheureusement pas) (?:ete )?(?:retenue?s?|selectionnee?s?|choisie?s?)|\bpas (?:ete )?retenue?s?\b|\bne pas retenir\b|\bne (?:pouvons|pourrons) pas retenir"
    r"|\bne (?:sera|seront|sont|est|pourra|pourront) (?:donc |malheureusement )?pas (?:etre )?(?:presentee?s?|poursuivie?s?|transmise?s?)\b",
    "fr: autre candidat": r"\b(?:retenu|choisi|privilegie|selectionne|opte pour) (?:un autre|une autre|d'autres) (?:candidat|candidate|candidature|profil)s?\b|\bdecliner (?:votre|ta) candidature|\b(?:retenu|choisi|privilegie|selectionne|opte pour|poursuivre avec|continuer avec) (?:un |une |d'autres |la |le )?(?:autres? )?(?:candidat|candidature|profil)s? (?:dont|qui|plus|correspondant|interne|different)"
    r"|\b(?:un|une|d'autres|un autre|une autre) (?:autres? )?(?:candidat|candidate|candidature|profil)s? (?:dont|qui|plus|correspond\w*|interne|disposant|ayant)",
    "fr: profil ne correspond pas": r"\bne (?:correspond|correspondent|repond|repondent) pas\b|\bpas en adequation\b|\bne (?:pas )?poursuivre\b|\bne poursuivrons (?:donc )?pas\b",
    "fr: poste pourvu": r"\bposte (?:a ete|a deja ete|est|est deja|est desormais|vient d'etre|a finalement ete) (?:pourvu|attribue|cloture|annule|supprime|gele)",
    "fr: réponse négative": r"\b(?:decision|reponse|suite) (?:negative|defavorable)\b",
    # Spanish
    "es: sentimos comunicar": r"\b(?:sentimos|siento|lamentamos|lamento) (?:mucho )?(?:comunicar|informar|decir|tener que)",
    "es: no seleccionado": r"\bno (?:has|ha|hemos|han|fue|fuiste|sera|resulto|resultaste) (?:sido |resultado |quedado )?(?:seleccionad|elegid|preseleccionad|finalista|aceptad|admitid)|\bno (?:has|ha) superado\b|\b(?<!no )(?:ha|has) sido (?:descartad|desestimad|rechazad)|\bdescartad[oa] (?:tu|su)",
    "es: otros candidatos": r"\b(?:continuar|seguir|avanzar|proceder|quedarnos|optar|optado|decidido|decantado|decantarnos)(?: por)? (?:con |por )?(?:otros?|otras?|un|una) (?:candidat|perfil|persona)"
    r"|\b(?:otros?|otras?) (?:candidat|perfil)\w* (?:que|cuyo|cuya|mas)",
    "es: no continuar": r"\bno (?:continuar|seguir|avanzar|vamos a continuar|vamos a seguir|vamos a avanzar|podemos continuar|podremos continuar|podemos seguir|podemos avanzar|podremos avanzar|continuaremos|seguiremos|avanzaremos)\b",
    "es: proceso finalizado": r"\bproceso (?:de seleccion )?(?:ha finalizado|ha terminado|finaliza|termina|ha concluido) para (?:ti|usted)\b|\bno (?:continuaras|continuara|seguiras|seguira|avanzaras|avanzara|pasaras|pasara|podras continuar|podra continuar|podras seguir|podra seguir|podras avanzar|podra avanzar)\b"
    r"|\bno (?:cumple|cumples|reune|reunes|cumplia|cumplias) (?:con )?(?:los|el|todos los|las) (?:requisitos?|perfil|criterios)|\bno es el perfil (?:adecuado|que buscamos)"
    r"|\b(?:postulacion|candidatura|solicitud) no (?:continua|sigue|avanza)\b|\bno (?:sera|es|ha sido) posible (?:continuar|avanzar|seguir)\b"
    r"|\bcerrado (?:la|el) (?:contratacion|proceso|vacante|busqueda)\b|\bcubrir (?:este|el|la) (?:cargo|puesto|vacante|posicion) con (?:un|una) (?:colaborador|colaboradora|persona|candidat)\w* interna?"
    r"|\bofrecimos (?:el|la) (?:puesto|posicion|plaza|cargo) (?:\w+ ){0,4}?a (?:una|otra|otro|un) (?:persona|candidat)",
    "es: no encaja": r"\bno (?:se ajusta|encaja|coincide|se adecua|se adapta)\b",
    "es: puesto cubierto": r"\b(?:puesto|vacante|posicion|proceso|plaza|cargo)\b(?: [\w-]+){0,4}? (?:ya )?(?:ha sido|fue|esta|se ha|ha quedado|quedo) (?:ya )?(?:cubiert|ocupad|cerrad|cancelad|suspendid|congelad)",
    "es: no podemos ofrecer": r"\bno (?:podemos|podremos|vamos a) (?:ofrecer|ofrecerte|ofrecerle|contar contigo|contar con usted|extenderte|extenderle|hacerte|hacerle)",
    # Dutch
    "nl: niet verder": r"\b(?:gaan|kunnen|zullen|gaat|kan|willen)(?: \w+)? (?:helaas )?niet (?:verder|door)\b|\bniet (?:verder|meer|langer) in behandeling\b|\bniet (?:verder|door) (?:met|in|naar) (?:je|jouw|uw|de)"
    r"|\bniet (?:in aanmerking|geselecteerd|gekozen|uitgenodigd|voor een (?:gesprek|vervolg))",
    "nl: andere kandidaat": r"\b(?:gekozen|gaan|verder|kiezen|besloten|voorkeur gegeven|voorkeur) (?:\w+ ){0,3}(?:voor|met|aan) (?:een |de |twee )?(?:andere|interne|meer ervaren) (?:kandida|sollicitant)"
    r"|\b(?:voortzetten|voort te zetten|verdergaan|verder te gaan|verder gaan|doorgaan|door te gaan|in zee (?:te )?gaan|verder|door) met (?:een |de |twee |enkele |)(?:andere|interne|externe) (?:kandida|sollicitant)"
    r"|\b(?:gekozen|gegaan|besloten te kiezen|kiezen|kozen) voor (?:een|de|twee) (?:\w+ )?(?:kandidaat|kandidate|kandidaten|sollicitant|collega|persoon)\b|\bkeuze (?:is )?(?:\w+ )?(?:gevallen|gevallen|viel) (?:\w+ )?op (?:een andere|iemand|haar|hem|een interne|een kandidaat)\b|\bviel de keuze op\b"
    r"|\bandere kandida(?:at|ten) (?:die|wiens|met|gekozen)|\b(?:gekozen|gaan|gegaan) voor iemand anders\b|\bvoor iemand anders gekozen\b|\b(?:een|de) andere kandida\w* (?:\w+ ){0,3}?(?:voor te dragen|voorgedragen|aan te nemen|aangenomen|te benoemen|benoemd)\b",
    "nl: besloten niet": r"\bbesloten (?:om )?(?:je|jouw|uw|de) (?:sollicitatie|kandidatuur|procedure) niet\b|\bbesloten (?:om )?niet\b|\bniet (?:uit )?te nodigen\b|\bnodigen (?:je|u) (?:helaas )?niet\b"
    r"|\b(?:je|u|jou) (?:helaas )?niet (?:\w+ ){0,3}?(?:uitnodig\w*|uit te nodigen)\b|\bniet (?:wordt |worden |zal worden |zult worden )(?:uitgenodigd|geselecteerd)"
    r"|\bniet met (?:je|jou|u) verder\b|\bniet (?:verder|door) (?:gaan|te gaan) (?:met|in|naar)\b|\bniet (?:\w+ ){0,4}(?:door|verder) te (?:laten )?(?:gaan|stromen)\b|\bniet (?:genoeg|voldoende) (?:\w+ ){0,3}(?:om|voor) (?:door|verder|de volgende)"
    r"|\bniet (?:meer )?(?:te )?(?:weerhouden|behouden)\b|\bbeslist (?:om )?(?:je|jouw|uw|de) (?:sollicitatie|kandidatuur) niet\b|\bniet mee (?:naar|in) (?:de|het|een)\b"
    r"|\b(?:u|je|jou) (?:\w+ ){0,3}?niet (?:\w+ ){0,2}?aan(?:bieden| te bieden)\b|\bniet aan (?:je|jou|u) (?:aan )?te bieden\b|\bvacaturestop\b|\bzonder iemand aan te nemen\b",
    "nl: vacature vervuld": r"\b(?:vacature|functie|positie) (?:is |wordt )?(?:inmiddels |al |reeds )?(?:ingevuld|vervuld|gesloten|vervallen|ingetrokken|on hold)|\b(?:vacature|functie|positie) (?:\w+ ){1,3}?(?:vergeven|ingevuld|vervuld) aan\b"
    r"|\b(?:vacature|functie|positie)\b(?: \w+){0,3} niet (?:langer|meer) (?:in te vullen|te vervullen|open te stellen|invullen|vervullen)|\bvacature (?:\w+ ){0,2}(?:komt te vervallen|vervalt)"
    r"|\b(?:sollicitatie|selectie|wervings)?procedure (?:\w+ ){0,3}(?:beeindigd|stopgezet|afgebroken|gestaakt)",
    "nl: andere kandidaat aangenomen": r"\bandere (?:kandidaat|kandidate|sollicitant) (?:\w+ ){0,2}?(?:aangenomen|gevonden|geselecteerd|aangesteld)\b|\b(?:geen|niet) (?:\w+ )?(?:aanbod|plek|plaats|functie|contract) (?:\w+ )?(?:doen|aanbieden|bieden)\b|\bniet de (?:juiste )?(?:match|kandidaat)\b",
    "nl: sluit niet aan": r"\b(?:sluit|sluiten|past|passen) (?:\w+ ){0,3}(?:niet|onvoldoende) (?:meer |langer )?(?:goed |voldoende )?(?:aan|bij)\b|\bniet (?:goed |voldoende )?aan (?:bij )?(?:het|de|onze) (?:profiel|functie|eisen)",
    # Phrase families added later: declining wording the rules above missed, one family a rule.
    "application declined": r"\b(?:application|candidacy|candidature|profile)\b(?: [\w-]+){0,4}? (?:has been|have been|was|were|is being|got) (?:\w+ )?(?:declined|rejected|turned down)\b"
    r"|\b(?:decline|declined|declining|reject|rejected|rejecting|turn down|turned down|turning down) (?:your|this) (?:\w+ )?(?:application|candidacy|candidature)\b",
    "we'll stop here": r"\b(?:we'll|we will|we're going to|we are going to|we have to|we need to|we've decided to|we have decided to|going to|have to) (?:stop|end|pause|leave) (?:things |the process |your process |it )?(?:on our (?:side|end) )?(?:here|there|at this (?:point|stage))\b"
    r"|\b(?:application|candidacy|process|journey) (?:with us )?(?:ends|stops|has ended|will end|comes to an end) here\b",
    "profile does not match": r"\b(?:profile|background|experience|skills|skill set|skillset|qualifications|application) (?:\w+ ){0,2}?(?:does not|doesn't|did not|didn't|do not|don't) (?:quite |fully |entirely |completely |sufficiently |closely |yet )?(?:match|meet|align with|fit|correspond to)\b",
    "pursued candidates who fit better": r"\b(?:identified|found|pursue|pursuing|progress|progressing|prioriti[sz]e|prioriti[sz]ing|focus on|focusing on|interview|interviewing|selected|shortlisted|invited|continue with|proceed with) (?:other |a few |several |some |the )?(?:candidates|applicants|individuals|people|profiles) (?:who|whose|that|with) (?:\w+ ){0,4}?(?:more|better|closer|closely|stronger|directly|most)\b",
    "role no longer open": r"\b(?:role|position|vacancy|opening|job|post|requisition)\b(?: [\w-]+){0,3}? (?:is|has been|was) (?:now )?no longer (?:open|active|available|being recruited|recruiting|needed)\b",
    "offer went to that person": r"\b(?:offer|offered|give|gave|given) (?:the|this|that) (?:job|role|position|post) to (?:that|this|the other|the successful) (?:person|candidate|applicant)\b",
    "de: weiter mit anderen": r"\b(?:gehen|machen|arbeiten|geht es|fahren) (?:\w+ ){0,2}?mit (?:anderen |weiteren |einigen )?(?:bewerber|kandidat)\w*(?:[:*/]\w+)? weiter\b|\bweiter mit (?:anderen |weiteren )(?:bewerber|kandidat)",
    "de: Stelle einer anderen Person angeboten": r"\b(?:stelle|position|rolle)\b(?: \w+){0,4}? (?:einer|einem|an eine[nr]?) (?:anderen |externen |internen )?(?:kollegin|kollegen|bewerberin|bewerber|kandidatin|kandidaten|person) (?:zu )?(?:anzubieten|anbieten|angeboten|zu geben|gegeben|zu ubertragen|ubertragen)\b",
    "de: Bewerbung abgelehnt": r"\bbewerbung (?:\w+ ){0,3}?(?:abgelehnt|nicht erfolgreich)\b|\b(?:leider )?nicht (?:erfolgreich|ausgewahlt) (?:gewesen|worden|waren|war)\b",
    "fr: ne va pas proposer": r"\bne (?:va|vais|vont|allons|pourrons|pouvons|pourra|peut) pas (?:te|vous) (?:proposer|convier|inviter|faire passer|retenir|garder|prendre|embaucher|recruter)\b"
    r"|\bne (?:\w+ )?(?:donnerons|donnera|donnerai|donnons) pas (?:de )?suite\b|\bclassee? sans suite\b",
    "fr: s'arrête ici": r"\b(?:processus|process|recrutement|aventure|candidature|parcours)\b(?: \w+){0,3}? s'arrete (?:\w+ ){0,2}?(?:ici|la|pour (?:vous|toi))\b",
    "es: no te vamos a pasar": r"\bno (?:te|le|os|les) (?:vamos a |podemos |podremos |hemos podido |es posible )?(?:pasar|avanzar|llevar|invitar|convocar|seleccionar|considerar|elegir|contratar|ofrecer)\b",
    "es: nos quedamos con otra persona": r"\bnos (?:quedamos|quedaremos|hemos quedado) con (?:otr[oa]s?|una persona|un candidat|una candidat)\b",
    "es: postulación rechazada": r"\b(?:postulacion|candidatura|solicitud|aplicacion)\b(?: [\w-]+){0,6}?(?<! no) (?:ha sido|fue|ha quedado|queda) (?:rechazad|descartad|desestimad|denegad)",
    "nl: procedure stopt voor jou": r"\b(?:procedure|selectieprocedure|sollicitatieprocedure|traject|proces|selectie)\b(?: \w+){0,4}? (?:eindigt|stopt|houdt op|loopt af) (?:\w+ ){0,3}?voor (?:jou|je|u)\b"
    r"|\b(?:eindigt|stopt) (?:hier )?(?:de|het|je|jouw|uw) (?:\w+ )?(?:procedure|selectieprocedure|sollicitatieprocedure|traject|proces) (?:\w+ ){0,2}?voor (?:jou|je|u)\b"
    r"|\bstoppen (?:\w+ ){0,2}?met (?:je|jouw|uw) (?:sollicitatie|kandidatuur|procedure)\b",
    "nl: niet uitgenodigd": r"\bnodigen (?:we|wij|ik) (?:je|jou|u) (?:\w+ )?niet (?:\w+ )?uit\b|\b(?:je|jou|u) (?:helaas )?niet mee(?:nemen| te nemen)\b|\b(?:ontvang|krijg|ontvangt|krijgt) (?:je|u) (?:helaas )?geen uitnodiging\b",
    "nl: niet voortzetten": r"\bniet (?:verder|voort) (?:te )?zetten\b|\bniet (?:voort|verder)zetten\b|\bniet (?:te )?continueren\b",
    "decided to hire someone": r"\b(?:decided to|going to|chose to|opted to|elected to) (?:hire|go with|appoint|bring on|bring in|offer (?:it|the (?:role|job|position)) to) (?:someone|somebody|a person|a candidate|an applicant|another|a more|an internal)\b",
    "no offer for you": r"(?:\bnot|n't|\bunable to) (?:be )?(?:able to |going to |in a position to )?(?:make|extend|give) you (?:an|a|the) (?:\w+ )?offer\b"
    r"|\b(?:don't|do not|doesn't|does not) have (?:a |an |any )?(?:suitable |matching |fitting )?(?:role|position|opening|vacancy|place|spot) (?:for you|that (?:matches|fits|suits) (?:you|your))|\bno (?:suitable|matching) (?:role|position|opening|vacancy) for you\b",
    "no further interview": r"(?:\bnot|n't) (?:be )?(?:scheduling|arranging|setting up|booking|offering) (?:you )?(?:an?|any|the|your) (?:further |next |second |final |follow-up )?(?:interview|call|meeting|round|conversation|chat|step|stage)s?\b"
    r"|(?:\bnot|n't) (?:be )?(?:taking|take|putting|put|bringing|moving|progressing|advancing) you (?:through |forward |on |back )?(?:to|into|for) (?:the |a )?(?:next|second|final|third|later|further) (?:stage|round|step|interview)s?\b"
    r"|\bpassing on (?:your|this) (?:application|candidacy|profile)\b",
    "another was successful": r"\b(?:another|other|a different) (?:candidate|applicant)s? (?:was|were|has been|have been) (?:successful|selected|chosen|appointed|offered)\b",
    "de: keine Zusage": r"\b(?:konnen|werden|mussen) (?:wir|ich) (?:ihnen|dir) (?:\w+ ){0,2}?(?:keine (?:zusage|positive (?:ruckmeldung|nachricht|antwort))|kein (?:angebot|stellenangebot)|nicht zusagen|eine absage (?:geben|erteilen|schicken))"
    r"|\babsage (?:\w+ )?(?:erteilen|aussprechen)\b|\bnicht fur (?:sie|dich|ihre bewerbung|deine bewerbung) entschieden\b|\bkeine (?:weitere )?berucksichtigung (?:finden|findet|gefunden)\b"
    r"|\b(?:zusammenarbeit|anstellung|einstellung) (?:\w+ ){0,4}?nicht zustande\b",
    "de: andere/n Bewerber/in": r"\bfur (?:eine?|einen)(?:/n|/r|\(n\)|\(r\))? (?:andere|anderen)(?:/n|/r|\(n\)|\(r\))? (?:\w+ )?(?:bewerber|kandidat|person)\w*(?:[/*:]\w+)? (?:\w+ ){0,2}?entschieden\b"
    r"|\b(?:einer|einem|anderen|einer anderen|einem anderen) (?:\w+ )?(?:bewerber|kandidat|person|profil)\w*(?:[/*:]\w+)? den vorzug\b",
    "fr: privilégier d'autres": r"\b(?:privilegi|retenir|choisir|selectionn|opter pour|poursuivre avec|continuer avec|avancer avec|aller vers)\w* (?:un autre|une autre|d'autres) (?:candidat|profil|candidature|personne)"
    r"|\b(?:privilegi|retenu|choisi|selectionn|opte)\w* (?:des|les) (?:candidat|profil|candidature)s? (?:plus|dont|qui|ayant|correspondant)",
    "fr: n'a pas abouti": r"\bn'(?:a|ont) pas (?:pu )?(?:abouti|aboutir)\b|\b(?:sommes|suis) (?:desolee?s?|navree?s?) de (?:vous|te) (?:annoncer|informer|apprendre|faire part)\b"
    r"|\bne (?:fait|faites|fais|figure|figurez|figures) pas (?:partie )?(?:des|parmi les) (?:candidat|profil|personne|candidature)s? (?:retenu|selectionne|preselectionne)",
    "es: seguir adelante con otros": r"\b(?:seguir|continuar|avanzar|proceder|ir) adelante con (?:otr[oa]s? |un[ao]? otr[oa] |un[ao] )(?:candidat|perfil|persona|postulant)"
    r"|\bhemos (?:cubierto|ocupado|cerrado) (?:la|el) (?:vacante|puesto|posicion|plaza|cargo)\b|\b(?:candidatura|postulacion|solicitud|proceso)\b(?: \w+){0,3}? no (?:ha )?(?:prosperado|prospero|salido adelante)\b",
    "nl: niet door": r"\b(?:ben|bent|is|zijn) (?:je |u |jij )?(?:helaas )?(?:niet door|afgevallen|uitgevallen)\b|\b(?:vacature|functie|positie|baan) (?:is|werd|wordt) (?:inmiddels |al |reeds |helaas )?(?:vergeven|ingevuld|vervuld|bezet)\b",
    "de: bedauern mitzuteilen": r"\bbedauer\w* (?:\w+ ){0,3}?(?:mitteilen|mitzuteilen|absagen|abzusagen)\b|\banderweitig (?:orientiert|umgesehen|festgelegt)\b",
    "fr: ne pas vous proposer": r"\bde ne pas (?:vous |te )?(?:proposer|convier|inviter|retenir|recevoir|rencontrer|poursuivre)\b|\bfait le choix d'(?:un autre|une autre|autres|un profil|une candidature)",
    "es: continuar el proceso con otros": r"\b(?:continuar|seguir|avanzar) (?:el|en el|nuestro|con el) proceso con (?:otr[oa]s?|un[ao]? (?:otr[oa] )?(?:candidat|perfil|persona))|\bno (?:has|ha) (?:pasado|superado|aprobado)\b",
    "nl: met andere kandidaten verder": r"\bmet (?:een |de |twee |enkele )?(?:andere|interne|externe|meer geschikte|geschiktere) (?:kandida|sollicitant)\w* (?:\w+ ){0,2}?(?:verder|door)\b|\bniet in behandeling (?:nemen|genomen)\b",
}

_REJECT_STRONG.update({
    # Families added for generalisation: the same decisions in wordings the first rules missed.
    "role filled": r"\b(?:we've|we have|we had|have now|'ve now|has now|had now|we've now|we have now) (?:now |already |just |since )?(?:filled|closed|recruited for|made an appointment to) (?:the|this|that|our) (?:[\w&/-]+ ){0,4}?(?:role|position|vacancy|post|opening|spot|job|jobs|place|places|vacancies|positions)\b"
    r"|\ball (?:the |our |of the )?(?:\w+ )?(?:places|spots|positions|vacancies|roles|internships|apprenticeships) (?:\w+ ){0,4}?(?:have been|are now|are|were) (?:now |already )?(?:filled|taken|allocated)\b",
    "others a better match": r"\b(?:other|another|different) (?:candidates?|applicants?|profiles?|people) (?:are|were|was|is|seemed|seem|appeared|looked) (?:to be )?(?:a |an )?(?:stronger|better|closer|more suitable|more relevant|more experienced|more closely matched)\b"
    r"|\b(?:move|moving|proceed|proceeding|continue|continuing|go|going|progress|progressing) (?:forward |ahead |on )?with (?:the )?(?:candidates|applicants|people) (?:further along|already further|at a later stage|more advanced)\b",
    "decision not in your favour": r"(?:\bnot|n't) (?:been |be |gone |go |turned out |worked out |come out )?in your favou?r\b|\b(?:not|n't) (?:gone|go|gone quite) your way\b",
    "not to the next round": r"(?:\bnot|n't) (?:be )?(?:move|moving|go|going|proceed|proceeding|progress|progressing|advance|advancing|continue|continuing) (?:on |forward |ahead )?(?:to|into) (?:the |a )?(?:next|second|final|following|further) (?:round|stage|step|phase|interview)s?\b"
    r"|(?:\bnot|n't) (?:be )?(?:extending|extend|sending|send|issuing|offering) (?:you )?(?:an? |any )?(?:further |interview )?invitations? (?:to|for) (?:an? |the )?(?:\w+ )?interview|(?:\bnot|n't) (?:be )?(?:extending|extend|sending|send|issuing|offering) (?:you )?(?:an? )?interview invitation",
    "others invited instead": r"\b(?:invite|inviting|invited|shortlist|shortlisting|shortlisted|progress|progressing|advance|advancing) (?:a few |several |some |only )?others (?:to|for|into|through)\b",
    "de: Stelle nicht anbieten": r"\b(?:ihnen|dir) (?:die|diese) (?:\w+ )?(?:stelle|position|rolle) (?:\w+ )?nicht (?:anbieten|geben|zusagen)\b",
    "es: avanzar con candidatos que": r"\b(?:avanzar|continuar|seguir(?: adelante)?|proceder|quedarnos) con (?:los |las )?(?:candidat|perfil|personas)\w* (?:que|cuyo|cuya|cuyos|cuyas|con mas)\b",
    "fr: poursuivre avec d'autres": r"\b(?:poursuivre|continuer|avancer|aller plus loin)\b(?: [\w']+){0,3}? avec (?:d'autres|un autre|une autre|des) (?:candidat|profil|personne|candidature)",
    "the successful candidate was not you": r"\b(?:successful|chosen|selected) (?:candidate|applicant|person) (?:was|is)(?: not|n't) you\b|\b(?:it|the answer) (?:was|is)(?: not|n't) you (?:this time|on this occasion)\b",
    "not offered a place": r"(?:\bnot|n't) (?:been |be )?offered (?:you )?(?:a|the|this) (?:place|spot|position|role|post|job|apprenticeship|internship|traineeship)\b",
    "de: jemand anderes": r"\bfur jemand(?:en)?(?: anderes| anderen| anders)? (?:\w+ ){0,2}?entschieden\b|\bmit jemand(?:em)? ander(?:em|en|s) (?:\w+ ){0,2}?(?:zu )?(?:besetz\w*|weitermachen)\b"
    r"|\b(?:besetzen|besetzt|vergeben|vergibt) (?:[\w-]+ ){0,4}?(?:mit|an) jemand(?:em|en)? ander(?:em|en|s)\b",
    "de: Plätze vergeben": r"\b(?:ausbildungs|praktikums|studenten|trainee)?(?:platz|platze|stelle|stellen)\b (?:\w+ ){0,6}?(?:sind|ist|wurden|wurde) (?:\w+ )?(?:bereits |inzwischen |schon |alle |mittlerweile )?(?:vergeben|besetzt)\b",
    "de: ohne Sie weiter": r"\bohne (?:sie|dich|ihre bewerbung|deine bewerbung) (?:\w+ ){0,2}?(?:fortzufuhren|fortfuhren|fortsetzen|fortzusetzen|weiterzufuhren|weiterfuhren|weitergehen|weiterzugehen|weitermachen)\b",
    "fr: pas pour cette fois": r"\bce (?:ne sera|n'est|ne serait) (?:donc )?pas (?:pour )?(?:cette fois|maintenant|nous|toi|vous)\b",
    "fr: autre personne retenue": r"\b(?:retenu|choisi|privilegie|selectionne|recrute|embauche|opte pour|poursuivre avec|continuer avec) (?:une autre personne|un autre profil|une autre candidate?|quelqu'un d'autre|des (?:profils|candidats|candidatures) (?:plus|dont|qui|ayant))",
    "es: resuelto no": r"\b(?:resuelto|decidido|acordado|optado por) no (?:incluir|admitir|seleccionar|continuar|avanzar|seguir|contar)\b|\b(?:apostar|apostado|apostamos|apuesta|preferido) (?:apostar )?por (?:otr[oa]s?|un[ao]?) (?:\w+ )?(?:candidat|perfil|persona)",
    "nl: iemand anders": r"\b(?:aan|voor|met) iemand anders (?:\w+ )?(?:gegeven|vergeven|gekozen|ingevuld|verder|aangenomen)\b|\b(?:stageplek\w*|stageplaats\w*|leerwerkplek\w*|plek|plekken|plaatsen|vacatures?|functies?) (?:\w+ ){0,5}?(?:zijn|is|werden|werd) (?:inmiddels |al |reeds |helaas )?(?:vergeven|bezet|ingevuld|vervuld)\b"
    r"|\b(?:voort(?: te)? ?zet\w*|verder(?: te)? ?ga\w*|door(?: te)? ?ga\w*) met (?:enkele |een paar |twee |drie )?(?:kandida\w+|sollicitant\w*) (?:die|met|wiens)\b",
})

_REJECT_MEDIUM = {
    "continue the search": r"\b(?:decided to|will|going to|'ll|are going to) (?:continue|keep|reopen|restart) (?:our |the )?(?:search|looking|interviewing)\b",
    "right role for you": r"\b(?:isn't|is not|wasn't|was not) (?:quite )?the right (?:role|opportunity|position|time) for you\b|\bnot (?:be )?the right (?:role|opportunity|position) for you\b",
    "we have to say no": r"\b(?:we|i|and)(?: \w+)? (?:have|had|need|must|'ve got|are going to|will have) to say no\b|\b(?:we|i)(?:'re| are| am|'m) (?:going to be )?saying no\b",
    "it didn't work out": r"\b(?:it|things|this)(?: just)? (?:didn't|did not|hasn't|has not|won't|will not|wouldn't|would not) (?:quite )?work(?:ed)? out\b",
    "nl: teleurstellen": r"\b(?:moeten|moet|kunnen|kan) (?:we|wij|ik) (?:je|jou|u) (?:helaas |tot onze spijt )?(?:teleurstellen|mededelen dat|laten weten dat)",
    "nl: geen gesprek": r"\bgeen (?:\w+ )?(?:gesprek|uitnodiging|vervolggesprek|tweede gesprek)\b",
    "not the news you hoped for": r"\b(?:sorry|afraid) (?:\w+ ){0,2}?(?:not|n't) (?:to )?(?:have|bring|be bringing|with) (?:better|good|happier) news|\bnot (?:the )?(?:news|answer|outcome|result) (?:you|that you) (?:were|had been) hoping for|\bnot what you were hoping (?:for|to (?:hear|read))"
    r"|\bnicht die (?:erhoffte|gewunschte|ersehnte)n? (?:nachricht|antwort|ruckmeldung)|\bkeine (?:besseren|guten) nachrichten|\bpas (?:la|une) (?:reponse|nouvelle|bonne nouvelle) (?:que vous|que tu|qu'on) (?:esperiez|attendiez|esperais)"
    r"|\bno (?:es|son) (?:la respuesta|las noticias|la noticia|buenas noticias) que (?:esperabas|esperaba)|\bniet het (?:nieuws|antwoord) (?:waar|dat) (?:je|u) op (?:hoopte|hoopt)|\bgeen (?:beter|goed) nieuws",
    "nl: afwijzing": r"\bafwijzing\b|\bafgewezen\b|\bniet (?:positief|gunstig) (?:uit|beoordeeld)",
    "hiring freeze": r"\bhiring freeze\b|\beinstellungsstopp\b|\bgel des (?:recrutements|embauches)\b|\bcongel\w* (?:las )?contrataciones\b|\bpersoneelsstop\b",
    "de: Absage": r"\babsage\b|\bkeine (?:positive|gute) (?:nachricht|ruckmeldung|entscheidung|antwort)|\bkeine zusage\b|\bnegative (?:ruckmeldung|entscheidung|nachricht)",
}

_REJECT_WEAK = {
    "stronger candidates": r"\b(?:someone|somebody|candidates?|applicants?|people|profiles?) with (?:more|greater|deeper|stronger|broader|more direct|more relevant|more hands-on) (?:\w+ ){0,2}?(?:experience|background|skills|expertise)\b",
    "closer match": r"\b(?:more closely|better|most closely|more directly|more strongly) (?:match|matches|matched|align|aligns|aligned|suited|fits?|meets?)|\b(?:closer|stronger|better|more suitable) (?:match|fit|alignment)\b",
    "unfortunately": r"\bunfortunately\b|\bregrettably\b|\bleider\b|\bbedauerlicherweise\b|\bmalheureusement\b|\blamentablemente\b|\bdesafortunadamente\b|\bpor desgracia\b|\bdesgraciadamente\b|\bhelaas\b|\bjammer genoeg\b|\bspijtig genoeg\b",
    "regret": r"\b(?:we|i) (?:truly |sincerely )?regret\b|\bbedauern\b|\bregrettons\b|\blamentamos\b|\bspijt\b",
    "careful consideration": r"\bafter (?:much |careful |thorough |a careful |a thorough |lengthy |long )(?:consideration|review|deliberation|evaluation|thought)"
    r"|\bnach (?:sorgfaltiger|reiflicher|eingehender|grundlicher) (?:prufung|uberlegung|abwagung)|\bapres (?:une )?(?:etude|analyse|examen|reflexion) (?:attentive|approfondie|minutieuse)"
    r"|\btras (?:una )?(?:cuidadosa|detenida|minuciosa) (?:revision|valoracion|evaluacion|consideracion)|\bna (?:zorgvuldige|grondige) (?:overweging|afweging|beoordeling)",
    "good wishes for the search": r"\bwish(?:ing)? you (?:the )?(?:very )?(?:best|every success|all the best|success|luck|well)\b|\b(?:good|best of) luck (?:with|in|on) (?:your|the)"
    r"|\b(?:wunschen|wunsche) (?:ihnen|dir) (?:fur|auf|bei|alles|viel)|\bbonne continuation\b|\b(?:pleine )?reussite dans (?:vos|tes|votre)|\bsucces dans (?:vos|tes|votre)"
    r"|\b(?:exito|suerte) en (?:tu|su|tus|sus) |\bsucces (?:met|bij|in|verder|gewenst)\b|\bveel succes\b",
    "keeps details on file": r"\b(?:keep|retain|hold|store|kept|retained|held) (?:your|you) (?:details|cv|resume|information|profile|application|contact details|data|in mind)"
    r"|\bon file\b|\btalent (?:pool|community|network)\b|\b(?:talentpool|bewerberpool|evidenz)\b|\bvivier\b|\bconserv(?:er|ons|erons|ee) (?:votre|ton|vos) (?:cv|candidature|profil|dossier)"
    r"|\b(?:guardar|guardaremos|conservaremos|mantendremos) (?:tu|su) (?:cv|curriculum|candidatura|perfil)|\bbase de datos\b|\b(?:in ons|in onze) (?:bestand|database|talentpool|netwerk)\b|\bbewaren (?:je|uw) (?:cv|gegevens)",
    "apply again": r"\b(?:apply|applying|re-apply|reapply) (?:again|in the future|for (?:future|other|another))|\bfuture (?:opportunities|openings|vacancies|roles|positions)"
    r"|\bzukunftige[nr]? (?:stellen|vakanzen|positionen|ausschreibungen)|\berneut (?:zu )?bewerben|\bfutures? (?:opportunites|offres|postes)|\bfuturas? (?:oportunidades|vacantes|posiciones|ofertas|procesos)"
    r"|\btoekomstige (?:vacatures|functies|kansen)|\bopnieuw (?:te )?solliciteren",
    "many applicants": r"\b(?:large|high|significant|overwhelming|great|huge|record|number of) (?:number|volume|amount|of)? ?(?:of )?(?:applications|applicants|candidates)"
    r"|\bmany (?:strong|qualified|talented|excellent|high-quality|outstanding|impressive) (?:applications|applicants|candidates)|\bhighly competitive|\bvielen? (?:qualifizierten |sehr guten |interessanten )?bewerbungen"
    r"|\bnombreuses candidatures|\bgran (?:numero|cantidad) de (?:candidaturas|candidatos)|\bveel (?:goede |sterke )?(?:sollicitaties|kandidaten|reacties)",
    "difficult decision": r"\b(?:difficult|tough|hard) (?:decision|choice)|\bschwere entscheidung|\bdecision difficile|\bdecision dificil|\bmoeilijke (?:beslissing|keuze)",
    "on this occasion": r"\bon this occasion\b|\bat this (?:time|stage|point)\b|\bdiesmal\b|\bcette fois\b|\ben esta ocasion\b|\bdeze keer\b",
    "feedback offer": r"\b(?:happy|glad|welcome|able|feel free) to (?:provide|share|give|offer|ask for|request|reach out for)(?: some| any| more| you| brief)? feedback|\bfeedback (?:on your|if you|is available|upon request|on request)"
    r"|\b(?:feedback|ruckmeldung) (?:geben|gerne|zu ihrem|zu deinem)|\b(?:retour|feed-?back) (?:detaille|sur (?:votre|ton))|\b(?:darte|darle|compartir) (?:feedback|retroalimentacion)|\bfeedback (?:geven|ontvangen|wilt|wil)",
}

# --- interview invitation ------------------------------------------------------------------

_MEETING = r"(?:interview|interviews|phone|video|call|chat|conversation|screen|screening|assessment|onsite|on-site|meeting|round|session|coffee|challenge|test|exercise|assessment day|trial shift|trial day|panel|presentation)"
_INVITE = {
    names.INVITATION_TO_INTERVIEW: r"\binvit(?:e|es|ing|ation|ed) (?:you )?(?:to|for) (?:a |an |the |your |our |one of our )?(?:\w+[ -]){0,3}" + _MEETING + r"\b",
    names.WOULD_LIKE_TO_MEET: r"\b(?:like|love|pleased|happy|delighted|excited|keen|want|glad) to (?:invite you|have you|bring you|take you|move you|progress you|advance you)(?: \w+){0,6}? (?:to|for|in|into) (?:a |an |the |your |our )?(?:\w+[ -]){0,3}" + _MEETING
    + r"|\b(?:like|love|pleased|happy|delighted|excited|keen|want) to (?:schedule|set up|arrange|book) (?:a |an |the |your |some )?(?:\w+[ -]){0,2}" + _MEETING
    + r"|\b(?:like|love|keen|want) to (?:speak with you|meet you|chat with you|talk with you|get to know you|learn more about you)\b(?! (?:again|in the future|down the road))",
    names.SCHEDULE_A_CALL: r"\b(?:schedule|book|arrange|set up|find a time for|pick a time for|choose a time for|grab|lock in|select) (?:a|an|your|the|our|some|a time for|a slot for|a time|time for|in a|in an) (?:\w+[ -]){0,3}(?:call|interview|phone screen|screen|chat|meeting|video call|conversation|slot|onsite|session|time slot)s?\b"
    r"|\b(?:pick|choose|select|book|reserve|grab) (?:a |another |a new |an alternative |your |a suitable |a convenient )?(?:preferred )?(?:time|slot|date|time slot)s?\b(?! (?:off|away))",
    names.INTERVIEW_RESCHEDULED: r"\b(?:move|moving|moved|reschedule|rescheduling|rescheduled|push|pushed|shift|shifted|postpone|postponed) (?:it|this|that|the (?:[\w-]+ ){0,4}?(?:interview|call|meeting|chat|session)|your (?:[\w-]+ ){0,4}?(?:interview|call|session|conversation)|our (?:call|chat|meeting|interview))(?: for [^.!?\n]{1,60}?)? (?:back )?(?:to|until) (?:\w+ )?(?:monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|next|another|a later|later|\d)"
    r"|\breminder (?:of|about|for) (?:your|the|our) (?:upcoming |scheduled )?(?:\w+ ){0,2}?(?:interview|call|meeting|assessment|screen)\b|\byour (?:upcoming|scheduled) (?:\w+ ){0,2}?(?:interview|call|assessment)\b|\binterviewers?\s*:"
    # The interview moved to another day in the other languages: "das Vorstellungsgespräch auf Donnerstag verschieben", "je gesprek verzetten naar woensdag".
    r"|\b(?:\w*gesprach|interview|termin|kennenlernen)\w*\b[^.!?\n]{0,80}?\b(?:verschieben|verlegen|verschoben|verlegt)\b|\b(?:verschieben|verlegen) (?:wir )?(?:das|den|unser|unseren|ihr|dein) (?:\w+ )?(?:gesprach|interview|termin|kennenlernen)"
    r"|\b(?:\w*gesprek|interview|afspraak|kennismaking)\w*\b[^.!?\n]{0,80}?\b(?:verzetten|verplaatsen|verzet|verplaatst)\b|\b(?:verzetten|verplaatsen) (?:we |wij )?(?:het|je|jouw|uw|ons) (?:\w+ )?(?:gesprek|interview|afspraak)"
    r"|\b(?:decaler|reporter|deplacer|decalons|reportons|deplacons) (?:notre|votre|ton|l'|le|cet) ?(?:\w+ )?(?:entretien|rendez-vous|echange|appel)|\b(?:entretien|rendez-vous)\b[^.!?\n]{0,60}?\b(?:decale|reporte|deplace)e?\b"
    r"|\b(?:cambiar|mover|aplazar|trasladar|reprogramar|posponer) (?:la|tu|su|nuestra|el) (?:\w+ )?(?:entrevista|reunion|llamada|cita)|\b(?:entrevista|reunion|llamada)\b[^.!?\n]{0,60}?\b(?:reprogramad|aplazad|trasladad|movid)[ao]\b",
    names.AVAILABILITY_REQUESTED: r"\b(?<!for )(?:your|share (?:your|some)|send (?:me|us) (?:your|a few)|let (?:me|us) know (?:your|what)|what is your|what's your) (?:\w+ )?availability\b|\b(?:suitable|convenient|preferred|available) (?:times|time slots?|slots|dates)\b"
    r"|\bavailab(?:le|ility) (?:for|to) (?:a|an) (?:\w+ )?(?:call|chat|interview|conversation|phone|meeting)|\b(?:which|what) (?:of these )?(?:times?|slots?|days?|dates?) (?:work|suit|would work)",
    names.SCHEDULING_LINK: r"interviews?[-/]schedul|\b(?:calendly\.com|goodtime\.io|modernloop\.io|softgarden\.io/slot|cal\.com|hackerrank\.com|codility\.com|codesignal\.com|testgorilla\.com|hirevue\.com|coderbyte\.com|karat\.com|modernhire|harver\.com|pymetrics|spark hire)",
    names.COMPLETE_THE_ASSESSMENT: r"\b(?<!the time to )(?<!for taking )(?<!effort to )(?:complete|take|start|begin|attempt|finish|submit|access) (?:the|a|an|your|this|our) (?:\w+[ -]){0,3}(?:assessment|test|challenge|exercise|assignment|task|questionnaire|case study)\b(?! (?:you|which you) (?:took|completed))",
    names.NEXT_ROUND: r"\b(?:move|moving|progress|progressing|advance|advancing|invite|inviting|take|taking) (?:you )?(?:forward |on |through )?to (?:the )?(?:next|second|third|final|following) (?:stage|round|step|phase)|\b(?:through|onto|on) to the next (?:stage|round)",
    names.INTERVIEW_CONFIRMED: r"\binterview (?:is )?(?:confirmed|scheduled|booked|invitation|request|details|reminder)|\byour (?:[\w-]+ ){0,3}?(?:interview|session|call|conversation|chat|meeting)\b[^.!?\n]{0,60}? (?:is|has been) (?:now )?(?:confirmed|scheduled|booked)\b|\b(?:confirm|confirming|confirmation of) (?:your|the) (?:\w+ )?(?:interview|call|meeting)|\binvitation to (?:interview|an interview)|\b(?:interview|call|meeting) has been (?:re)?scheduled|\breschedul(?:e|ed|ing) (?:your|the|our) (?:\w+ )?(?:interview|call|meeting)",
    "next steps": r"\bnext steps? (?:is|are|will be|would be|in (?:the|our) process)\b|\bas a next step\b|\b(?:next|last|final|following) (?:step|stage|round|phase)\b[^.!?\n]{0,60}? (?:is|will be|would be|involves|consists of) (?:a|an|the)\b",
    names.ARE_YOU_AVAILABLE: r"\b(?:are you|would you be|will you be|could you be) (?:\w+ )?(?:available|free)\b|\b(?:would you be|are you) up for (?:a|an)\b|\b(?:tell|let) (?:me|us) know (?:what|which) (?:\w+ )?(?:works|suits)\b|\bproposed (?:date|time|slot)s?\b|\b(?:whether|if) (?:the|this|that) (?:date|time|slot)s? (?:works|suits)\b|\b(?:could|can|would) you (?:come in|pop in|join us|make it|attend|do)\b(?! (?:the|a) favou?r)"
    r"|\b(?:hatten|haben|waren|bist|sind|ware) (?:sie|du) (?:\w+ ){0,3}(?:zeit|verfugbar)\b|\b(?:seriez-vous|serais-tu|etes-vous|es-tu|seriez vous|etes vous) (?:\w+ )?disponibles?\b"
    r"|\b(?:souhaite|souhaiterait|aimerait|aimerions|souhaitons|voudrions|voudrait) (?:vous|te) (?:rencontrer|voir|recevoir|parler)\b|\b(?:te|le) gustaria (?:tener|hacer|mantener|agendar|conocer|venir)|\b(?:estas|esta usted|estarias|estaria) disponible"
    r"|\b(?:ben je|bent u|zou je|zou u|heb je|heeft u|kun je|kunt u) (?:\w+ ){0,3}(?:beschikbaar|tijd|langskomen)\b",
    # German
    names.DE_INVITATION: r"\b(?:einladen|(?<!fur die )einladung|laden (?:sie|dich) (?:\w+ )?(?:zu|ein)|lade (?:sie|dich) (?:\w+ )?(?:zu|ein))\b(?:(?! nicht)[^!?\n]){0,80}(?:gesprach|interview|kennenlernen|termin|assessment|telefonat|call|probearbeit|runde|test|video)|\b\w*(?:gesprach|interview|kennenlernen|termin|assessment|telefonat|probearbeit|test)\w* (?:\w+ ){0,4}einladen\b"
    r"|\bzu (?:einem|einer|unserem|unserer|dem|der) (?:\w+ )?\w*(?:gesprach|interview|kennenlernen|telefonat|probetag|probearbeit|assessment)\w*\b[^.!?\n]{0,40}?\beinladen\b"
    r"|\b(?:mochten|wurden|mochte|wurde|wollen) (?:sie|dich|euch) (?:\w+ ){0,3}?(?:gerne?|sehr gerne?) (?:\w+ ){0,2}?(?:kennenlernen|kennen lernen|treffen|sprechen)\b|\bim nachsten schritt (?:laden|mochten|wurden|bitten)",
    names.DE_APPOINTMENT: r"\btermin(?:e|vorschlag|vorschlage|optionen)?\b (?:\w+ ){0,3}(?:vereinbaren|vorschlagen|auswahlen|buchen|finden|abstimmen)|\b(?:terminvorschlag|terminvorschlage|terminbuchung)"
    r"|\b(?:ihre|deine) verfugbarkeit|\bwann (?:sie|du) zeit|\bpasst (?:ihnen|dir|euch) (?:\w+ )?(?:der|ein|einer|am|um|montag|dienstag|mittwoch|donnerstag|freitag|samstag)\b"
    r"|\b(?:ob|wenn) (?:der|dieser|ein|einer|die|das) (?:\w+ )?(?:termin|zeitpunkt|uhrzeit|datum)\w* (?:\w+ ){0,2}?(?:passt|klappt|moglich ist)|\bob (?:das|es) (?:\w+ )?klappt\b|\bvorschlag: (?:montag|dienstag|mittwoch|donnerstag|freitag)",
    names.DE_NEXT_ROUND: r"\bnachste[rn]? (?:schritt|runde|phase|stufe)\b[^.!?\n]{0,60}? (?:ist|wird|ware|besteht aus) (?:ein|eine|das|der|die)\b|\b(?:in die|zur|fur die) nachste[n]? (?:schritt|runde|phase|stufe)|\b(?:zu einem|zum|fur ein|zu einer|in die) zweiten (?:runde|gesprach|termin|interview)\b",
    # French
    names.FR_INVITATION: r"\b(?:convier|convions|convie|inviter|invitons|convocation|invitation) (?:a|au|pour|vous|te)\b(?:(?! pas)[^.!?\n]){0,60}(?:entretien|echange|rencontre|test|appel|visio|assessment|journee|rendez-vous)",
    names.FR_AVAILABILITY: r"\b(?<!pour )(?<!de )(?:vos|tes|votre|ta) disponibilit|\b(?:nouveaux |autres )?creneaux (?:\w+ )?(?:proposes|disponibles|suivants)|\b(?:celui|celle|le creneau|la date) qui (?:vous|te) (?:convient|conviendrait|arrange)|\bvotre entretien (?:\w+ ){0,2}?(?:aura lieu|est (?:prevu|confirme|fixe|programme|planifie|maintenu)|se deroulera)|\b(?:maintenons|confirmons|reportons|decalons|deplacer|reprogrammer) (?:\w+ ){0,2}?(?:votre|ton|l') ?entretien|\b(?:planifier|fixer|organiser|caler|programmer|reserver) (?:un|une|le|la|votre|ton) (?:entretien|echange|rendez-vous|appel|call|visio|creneau)|\bun creneau\b",
    names.FR_NEXT_STEP: r"\bprochaine etape\b[^.!?\n]{0,60}? (?:est|sera|consiste) (?:un|une|le|la|a)\b|\b(?:a la|pour la) (?:prochaine|suivante|deuxieme|seconde) (?:etape|phase|tour)|\b(?:prochaine|deuxieme|seconde) etape (?:du processus|sera|consiste)",
    # Spanish
    names.ES_INVITATION: r"\b(?:invitarte|invitarle|invitamos|invitaros|convocarte|convocarle|convocamos|convocatoria|invitacion|(?:te|le|os) invita(?:mos)?) (?:a|para)\b(?:(?! no)[^.!?\n]){0,60}(?:entrevista|reunion|llamada|prueba|videollamada|conversacion|test|assessment)",
    names.ES_AVAILABILITY: r"\b(?<!por )(?:tu|su|vuestra) disponibilidad\b|\b(?:agendar|programar|coordinar|concertar|fijar|reservar) (?:una|la|tu|su|el) (?:entrevista|llamada|reunion|videollamada|cita|hueco|horario|franja)"
    r"|\b(?:te|le|os) (?:proponemos|propongo|sugerimos|ofrecemos) (?:\w+ ){0,2}?(?:horarios?|fechas?|alternativas|huecos?|opciones|franjas?)\b|\b(?:te|le|os) (?:viene|vendria|va) bien\b|\bconfirm(?:e|a|ar|en|ad) (?:su|tu|vuestra) asistencia"
    r"|\b(?:le|te|les|os) (?:citamos|convocamos) (?:a|para)\b|\b(?:ganas de|encantaria|gustaria|gustaria mucho) conocer(?:te|le|os)\b|\b(?:seguir|avanzar|continuar) (?:adelante )?contigo\b|\bgustaria que (?:siguieras|continuaras|avanzaras|pasaras|participaras)",
    names.ES_NEXT_STEP: r"\b(?:siguiente|proximo|primer) (?:paso|fase|etapa)\b[^.!?\n]{0,60}? (?:es|sera|consiste en) (?:un|una|el|la)\b|\b(?:a la|para la) (?:siguiente|proxima|segunda) (?:fase|etapa|ronda)|\b(?:has|ha) pasado a la siguiente",
    # Dutch
    names.NL_INVITATION: r"\b(?:uitnodigen|uitnodiging|nodigen (?:we |wij |ik )?(?:je|u|jou) (?:(?!niet\b|geen\b)\w+ )?uit)\b(?:(?! niet)[^.!?\n]){0,60}(?:gesprek|interview|kennismaking|assessment|test|vragenlijst|videocall|call)|\b(?:gesprek|interview|kennismaking|assessment)\w* (?:uit te nodigen|uitnodigen)",
    names.NL_AVAILABILITY: r"\b(?<!voor )(?:je|jouw|uw) beschikbaarheid\b|\b(?:een|je|jouw|uw|het|ons|dit) (?:\w+ )?(?:gesprek|interview|kennismaking|afspraak|call|videocall|kennismakingsgesprek|sollicitatiegesprek|moment) (?:met (?:je|jou|u) )?(?:in te plannen|inplannen)\b|\b(?:je|u) (?:graag )?in (?:te )?plannen\b|\b(?:afspraak (?:maken|inplannen)|een tijdstip|tijdslot)\b"
    r"|\blangs (?:kunnen |te )?komen\b|\b(?:wil|willen|zou|zouden) (?:\w+ ){0,2}?graag (?:met (?:je|jou|u) )?(?:kennismaken|kennis maken|ontmoeten|spreken)\b|\bwelk (?:moment|tijdstip) (?:je|u|jou) (?:het beste )?(?:past|schikt|uitkomt)",
    # Meeting proposals that name no interview: "fancy a coffee on Thursday?", "can you jump on
    # a call tomorrow at 3?", "hast du Lust, nächste Woche auf einen Kaffee vorbeizukommen?"
    names.MEETING_PROPOSED: r"\b(?:coffee|lunch|call|chat|video call|meeting|catch-up|kaffee|telefonat|gesprach|cafe|appel|echange|llamada|reunion|koffie|belletje|gesprek)\b[^.!?\n]{0,50}?\b(?:monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|next week|this week|montag|dienstag|mittwoch|donnerstag|freitag|samstag|morgen|nachste woche|lundi|mardi|mercredi|jeudi|vendredi|samedi|demain|lunes|martes|miercoles|jueves|viernes|sabado|manana|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag)\b[^.!?\n]{0,50}\?"
    r"|\b(?:probetag|probearbeit\w*|schnuppertag|proefdag|meeloopdag|journee d'(?:essai|immersion)|(?:dia|jornada) de prueba|trial (?:day|shift)|work trial)\b[^.!?\n]{0,60}\?"
    r"|\bwhen (?:suits you|works for you|would suit you|are you (?:free|around|available))\b|\bwanneer (?:schikt|past|komt) het (?:je|jou|u)\b|\bwann (?:hast du|haben sie) (?:\w+ )?zeit\b|\bquand (?:seriez-vous|etes-vous|es-tu|serais-tu) (?:\w+ )?disponible|\bcuando (?:te|le) (?:viene|vendria) bien\b"
    r"|\b(?:can|could) you (?:jump|hop) on (?:a|the) (?:quick )?(?:call|zoom|video call)\b|\b(?:fancy|up for) (?:a |an )?(?:coffee|lunch|call|chat)\b[^.!?\n]{0,60}\?"
    r"|\b(?:would you like|do you want|want|fancy|like|keen) to (?:come|pop) (?:by|in|over|along|round)\b|\b(?:vorbeizukommen|vorbeikommen|vorbeizuschauen|vorbeischauen)\b"
    r"|\b(?:podrias|puedes|podria usted|puede usted|te animas a|quieres) (?:venir|pasarte|pasar por)\b|\b(?:even |eens |een keer )?(?:langskomen|langs te komen)\b|\b(?:wil|kun|kan|zou) (?:je|u) (?:\w+ ){0,5}?(?:proefdag|meeloopdag|proefles)\b",
    # Slots offered: "here are three slots - reply with the one that suits", "could you choose one of these?"
    names.SLOTS_OFFERED: r"\bhere are (?:\w+ )?(?:slots|times|options|dates|time slots)\b|\b(?:choose|pick|select) one of (?:these|the following|the slots|the times|the options|the dates)\b|\breply with (?:your pick|the one|the slot|the time|your choice|your preferred)\b"
    r"|\b(?:which|what) (?:day|time|date|slot|option)s? (?:do you prefer|would you prefer|suits you|works for you|works best)\b|\b(?:is|are) (?:free|available) (?:on )?(?:monday|tuesday|wednesday|thursday|friday)\b"
    r"|\b(?:que|quel(?:le)?|welche[rns]?|welk(?:e)?) (?:dia|hora|horario|jour|date|creneau|heure|tag|termin|uhrzeit|dag|moment|tijdstip) (?:prefieres|prefiere|te viene mejor|le viene mejor|preferez|preferes|vous convient|te convient|passt|ist (?:ihnen|dir) lieber|heeft je voorkeur|past (?:je|u))\b"
    r"|\b(?:ware|waere|passt|ginge|geht) (?:ihnen|dir|euch) (?:\w+ ){0,5}?(?:recht|passen)\b|\b(?:buche|buchen|wahle|wahlen) (?:sie |dir |sich )?(?:\w+ ){0,3}?(?:einen |ihren |deinen )?(?:freien |passenden )?(?:slot|termin|zeitfenster|wunschtermin)\b"
    r"|\bmogliche (?:termine|zeitfenster|slots)\b|\bwelche[rs]? (?:termin|zeitpunkt|tag|slot) (?:\w+ )?(?:passt|lieber)\b|\b(?:choisissez|choisis|reservez|reserve) (?:un|votre|ton) creneau\b|\belige (?:un|tu) (?:hueco|horario)\b|\bkies (?:een|je) (?:moment|tijdstip|tijdslot)\b",
    # Confirmations, reminders and logistics of a meeting already arranged.
    "meeting arranged": r"\b(?:you're|you are) meeting (?:\w+ ){1,3}?(?:tomorrow|today|on)\b|(?<!for )\byour (?:[\w-]+ )?(?:interview|conversation|call|meeting|session|chat) (?:\w+ ){0,3}?tomorrow\b|\b(?:you'll|you will) be meeting\b|\bask for (?:me|\w+) at (?:the )?reception\b"
    r"|\b(?:bestatigen|bestaetigen) (?:wir|ich) (?:ihnen |dir )?(?:ihren|deinen|den|unseren) (?:\w+ )?(?:termin|gesprachstermin)\b|\b(?:ihr|dein|unser) (?:\w+ )?(?:termin|gesprach|kennenlernen|interview) (?:am|ist|wurde|findet)\b[^.!?\n]{0,60}?\b(?:bestatigt|verschoben|statt|eingetragen)\b|\bgesprachspartner(?:in|innen)?\s*:"
    r"|\b(?:vous avez|tu as) (?:\w+ )?rendez-vous\b|\b(?:vous|te) propos(?:ons|e) (?:\w+ ){0,2}?(?:une journee d'essai|(?:un |une |le |la )?(?:second |deuxieme |premier |nouvel |nouveau )?(?:entretien|echange|rendez-vous|appel|rencontre|visio|test))\b|\bretenue? pour la suite\b"
    r"|\b(?:te|le|os) confirmamos (?:la|tu|su|el) (?:\w+ )?(?:entrevista|cita|reunion|llamada|videollamada)\b|\b(?:te|le) recibir(?:a|an)\s*:|\b(?:te|le|os) (?:proponemos|propongo) (?:una|un) (?:\w+ )?(?:entrevista|videoentrevista|llamada|reunion|prueba|dia de prueba|videollamada)\b"
    r"|\b(?:heb je|hebt u|heeft u) (?:\w+ ){0,3}?(?:een )?(?:\w*gesprek|interview|kennismaking|videocall)\b(?! (?:\w+ )?(?:gehad|gevoerd))",
    # A reminder of an interview in any language: "Rappel : votre entretien demain"
    "interview reminder": r"\b(?:reminder|rappel|erinnerung|herinnering|recordatorio)\b[^.!?\n]{0,40}?\b(?:interview|call|conversation|entretien|rendez-vous|gesprach|termin|kennenlernen|gesprek|entrevista|cita)\b",
    # Tasks sent to do: "voici un petit test technique à faire chez toi", "you are asked to complete the following"
    "task to do": r"(?<!were )(?<!was )(?<!been )\b(?:asked|invited|required) to (?:complete|take|sit|record)\b|\b(?:test|exercice|cas pratique|etude de cas)(?: technique)? (?:\w+ ){0,2}?a (?:faire|rendre|realiser)\b|\bgustaria que (?:realizaras|realizara|hicieras|hiciera|completaras|completara)\b"
    r"|\b(?:you'll|you will|you'd|you would|please) present (?:it|this|your|the)\b|\b(?:bitten wir (?:sie|dich),? (?:\w+ ){0,6}?(?:zu )?(?:absolvieren|bearbeiten|durchzufuhren|auszufullen))\b|\b(?:like|love|want) you to (?:attend|join us|come in|take part|participate|record)\b|\baccept your place\b",
    names.NL_NEXT_ROUND: r"\bvolgende (?:stap|ronde|fase)\b[^.!?\n]{0,60}? (?:is|wordt|bestaat uit) (?:een|het|de)\b|\b(?:naar de|voor de|door naar de) (?:volgende|tweede) (?:stap|ronde|fase)\b",
}

_INVITE_MEDIUM = {
    names.VIDEO_MEETING: r"\bmeet\.google\.com/|\bzoom\.us/j/|\bteams\.microsoft\.com/l/meetup|\bclick here to join the meeting\b|\bjoin (?:via|on|with) (?:google meet|zoom|teams|microsoft teams)\b|\bmicrosoft teams meeting\b|\bmeeting id\s*:|\b(?:teams|zoom|meet|google meet|video)[- ]link\b|\blien (?:google meet|zoom|teams|visio)\b",
    names.TIME_SLOT: r"\b\d{1,2}[:.h]\d{2} ?(?:-|\u2013|to|bis|a|tot|hasta) ?\d{1,2}[:.h]\d{2}\b|\b(?:de|van|von) \d{1,2}h? (?:a|tot|bis) \d{1,2}(?:h|:\d{2}| uhr| uur)\b",
    "scheduling page": r"\b(?:self-schedule|/schedul\w*/|/appointments/|/book/|/availability/)",
}

_INVITE_SIGNAL = {
    # A time of day in the message: not an invitation on its own, only reported.
    "a time is given": r"\b\d{1,2}(?::\d{2}|h\d{2}| ?(?:am|pm|uhr|uur|ish)\b)|\b(?:at|um|om|a las|sobre las|vers) \d{1,2}(?:[:.h]\d{2})?(?= ?(?:am|pm|uhr|uur|h)?[?.!,\s])",
}

_INVITE_WEAK = {
    names.INTERVIEW_MENTIONED: r"\b(?:interview|phone screen|vorstellungsgesprach|kennenlerngesprach|bewerbungsgesprach|entretien|entrevista|sollicitatiegesprek|kennismakingsgesprek|gesprek)\b",
}

# --- offer --------------------------------------------------------------------------------

_OFFER = {
    "pleased to offer": r"\b(?:pleased|delighted|happy|thrilled|excited|glad) to (?:formally |officially )?(?:offer you (?:the|a|an|this|our)\b|offer you employment|extend (?:to you )?(?:an|the|this|a|our) (?:\w+ ){0,2}?offer|make you (?:an|a|the|this|our) (?:formal |written |job |employment |official |conditional |verbal )?offer|present (?:you with )?(?:an|the|this|our) (?:\w+ )?offer)",
    "offer you the role": r"\b(?:offer|extend) you (?:the|a|an|our)? ?(?:[\w-]+ ){0,4}(?:position|role|job|offer|post|place|contract|employment)\b",
    "offer sent": r"\b(?:sent|send|sending|prepared|attached|attaching|extended|extending|issued|issuing) (?:you )?(?:an|the|your|our) (?:\w+ )?offer\b(?! (?:for|of|on) (?:a |an |the |our )?(?:discount|upgrade|subscription|plan|lease|renewal))|\b(?:review|view|download|see) (?:and (?:accept|sign) )?(?:your|the) (?:\w+ )?offer\b|\b(?:your|the) offer (?:for|of) (?:the )?(?:[\w-]+ ){0,4}(?:role|position|job|post)\b",
    "job offer": r"\b(?:job|employment|formal|written|conditional|verbal|official|final|contingent|provisional) offer\b|\boffer (?:letter|of employment|package|details|documents?|pack)\b",
    "accept the offer": r"\b(?:accept|sign|countersign|review and sign|e-?sign) (?:the|your|this|our) (?:\w+ )?(?:offer|contract|agreement)",
    "welcome aboard": r"\bwelcome (?:aboard|to the team)\b",
    "de: Vertragsangebot": r"\b(?:vertragsangebot|arbeitsvertrag|vertragsentwurf|zusage fur|angebot (?:fur|zur|zu) (?:eine|die|einer|der)|(?:ihnen|dir) (?:ein|das|unser) (?:\w+ )?angebot)\b"
    r"|\bfreuen uns,? (?:ihnen|dir) (?:die stelle|die position|ein angebot|eine zusage)|\ban bord (?:holen|begrussen|zu holen|zu begrussen)\b|\bunser angebot\s*:"
    r"|\b(?:ihnen|dir) (?:gerne |gern )?(?:die|den|das|eine|einen|ein) (?:\w+ ){0,2}?\w*(?:stelle|position|rolle|job|vertrag|angebot|platz)\w*(?: (?!nicht\b|leider\b|keine?\b)\w+){0,6} anbieten\b",
    "fr: proposition": r"\b(?:promesse d'embauche|proposition d'embauche|proposition de contrat|proposition d'emploi|lettre d'offre|offre d'embauche|contrat de travail|vous proposer (?:le|ce) poste|(?:vous|te) proposons (?:\w+ )?(?:le|ce) poste|vous faire une (?:offre|proposition))\b",
    "es: oferta": r"\b(?:oferta (?:de empleo|laboral|formal|de trabajo|de contratacion)|carta oferta|carta de oferta|ofrecerte (?:el|la|un|una)|(?:te|le) ofrecemos (?:el|la) (?:puesto|posicion|plaza)|ofrecerle (?:el|la|un|una)|propuesta (?:economica|de contratacion|formal)|contrato de trabajo)\b",
    "nl: aanbod": r"\b(?:arbeidsovereenkomst|arbeidscontract|contractvoorstel|aanbiedingsbrief|(?:een|het|ons) (?:aanbod|contractvoorstel) (?:doen|sturen|voor)|(?:je|u) (?:graag )?(?:de functie|een aanbod|het aanbod|een contract) (?:aan te bieden|aanbieden)|bieden (?:je|u|jou) (?:\w+ )?(?:de functie|een contract|een aanbod|de positie|de rol|de baan|een plek)(?: [\w-]+){0,4} aan)\b",
}

_OFFER_MEDIUM = {
    # An offer to the user after the first choice said no: that no is not the user's rejection.
    "first choice declined the offer": r"\b(?:declined|turned down|rejected) (?:our|the|my) (?:\w+ )?offer\b|\b(?:unser|das) angebot (?:\w+ ){0,3}abgelehnt|\b(?:decline|refuse) (?:notre|l') ?offre"
    r"|\brechaz\w* (?:nuestra|la) oferta|\b(?:ons|het) aanbod (?:\w+ ){0,3}afgewezen",
    "wants you on the team": r"\b(?:we'd|we would|we) (?:love|like) (?:you|to have you|to welcome you) (?:to (?:be|join)|on (?:board|the team)|aboard|join(?:ing)? (?:us|the team|our team))\b|\b(?:formal|official|contract) paperwork\b|\bsend (?:you )?(?:the|your) (?:contract|paperwork)\b",
}

_OFFER_WEAK = {
    "compensation terms": r"\b(?:bruto per maand|vakantiegeld|brutto (?:pro monat|im jahr|jahresgehalt)|brut annuel|bruto anual|starting date|base salary|annual salary|signing bonus|sign-on bonus|compensation|equity|stock options|gehalt|eintrittsdatum|startdatum|salaire|remuneration|date de debut|date d'embauche|salario|fecha de incorporacion|salaris|ingangsdatum)\b",
    "congratulations": r"\bcongratulations\b|\bherzlichen gluckwunsch\b|\bfelicitations\b|\benhorabuena\b|\bfelicidades\b|\bgefeliciteerd\b",
}

# --- application confirmation ----------------------------------------------------------

_CONFIRM = {
    names.APPLICATION_RECEIVED: r"\b(?:received|receipt of|got|have) your (?:\w+ ){0,3}?(?:application|cv|resume|submission|candidacy)|\byour application\b[^.!?\n]{0,80}? (?:has been|was|is) (?:successfully )?(?:received|submitted|sent|delivered|forwarded|registered)\b|\byour (?:\w+ )?application (?:has been|was|is|for [^.]{1,80} (?:has been|was)) (?:successfully )?(?:received|submitted|sent|complete|registered)"
    r"|\bapplication (?:received|submitted|confirmation|acknowledg)",
    names.WE_WILL_REVIEW: r"\b(?:will|we'll|are going to|going to|shall) (?:now )?(?:carefully )?(?:review|be reviewing|assess|look at|look over|consider|evaluate|go through) (?:your|it|all|the|each|every|applications)"
    r"|\b(?:once|when) (?:we|our team|the team|the hiring team) (?:has|have)? ?(?:reviewed|had a chance)",
    "if you match": r"\bif (?:your|you|we) (?:\w+ ){0,4}(?:match|matches|fit|meet|meets|suitable|align|would like to (?:move|proceed))",
    names.BE_IN_TOUCH: r"\b(?:we'll|we will|will|i'll|i will|and) (?:be in touch|get back to you|reach out|contact you|let you know)|\b(?:hear|hearing) (?:back )?from us\b",
    names.STILL_REVIEWING: r"\bstill (?:very much )?(?:reviewing|considering|evaluating|assessing|in the process|working through|going through|under|being (?:reviewed|considered))|\bno (?:final )?decisions? (?:has|have|had) (?:yet )?been (?:made|taken)|\bno decisions? yet\b|\b(?:process|review|search|applications?) (?:is|are|remains?) (?:still )?(?:ongoing|underway|in progress|under review|under consideration|being reviewed|open)"
    r"|\bthank you for your patience\b|\bno decision (?:has been|yet)|\bhaven't (?:yet )?made a decision|\bhaven't made any decisions"
    r"|\b(?:danke|vielen dank|dank) (?:fur|voor) (?:ihre|deine|je|jouw|uw) geduld\b|\bmerci (?:pour|de) (?:votre|ta) patience\b|\b(?:noch )?(?:ist )?keine entscheidung (?:\w+ )?(?:gefallen|getroffen)|\bnoch ist keine entscheidung"
    r"|\b(?:nog )?geen (?:besluit|beslissing) (?:\w+ )?(?:genomen|gevallen)|\baucune decision n'a (?:encore )?ete prise|\b(?:todavia|aun) no (?:hemos tomado|se ha tomado) (?:una |ninguna )?decision",
    "complete your application": r"\b(?:complete|finish|finalise|finalize|continue|resume) (?:your|my) application\b|\bfinish applying\b|\bapplication (?:is )?(?:incomplete|in progress|still in draft|not (?:yet )?(?:submitted|complete))"
    r"|\b(?:schliessen|schliesst) (?:sie|du) (?:ihre|deine) bewerbung ab\b|\bbewerbung (?:\w+ ){0,2}(?:abschliessen|abzuschliessen|fortsetzen|vervollstandigen)\b|\b(?:noch nicht|nicht) (?:abgeschickt|abgesendet|versendet)\b|\bunvollstandige bewerbung"
    r"|\b(?:finalisez|finaliser|completez|completer|reprendre|poursuivre|terminer|terminez) (?:votre|ta|ma) candidature\b|\bcandidature (?:est |reste )?incomplete\b|\b(?:solicitud|candidatura|postulacion) (?:esta )?incompleta|\bsollicitatie (?:is )?(?:nog )?onvolledig|\bcandidature (?:\w+ ){0,2}(?:pas encore|non) (?:finalisee|envoyee|complete)"
    r"|\b(?:completa|completar|finaliza|finalizar|termina|terminar|continuar) (?:tu|su|mi) (?:solicitud|candidatura|postulacion)\b|\btodavia no la has enviado\b|\bno (?:la )?has (?:enviado|completado)"
    r"|\bmaak (?:je|jouw|uw) sollicitatie af\b|\bverder met solliciteren\b|\bsollicitatie (?:\w+ ){0,3}(?:afronden|af te ronden|voltooien)\b|\bnog niet (?:verstuurd|verzonden|afgerond)",
    names.THANKS_FOR_APPLYING: r"\b(?:thank you|thanks|thank-you) (?:so much |very much )?for (?:your )?(?:applying|application|submitting|interest in|applying to|your recent application)",
    "de: Eingangsbestätigung": r"\beingangsbestatigung\b|\bbewerbung (?:ist |wurde )?(?:erfolgreich )?(?:bei uns )?(?:eingegangen|erhalten|ubermittelt|angekommen)|\b(?:haben|hat) (?:ihre|deine) (?:\w+ )?bewerbung (?:\w+ )?(?:erhalten|bekommen)"
    r"|\b(?:prufen|sichten|bearbeiten|ansehen|anschauen) (?:ihre|deine) (?:unterlagen|bewerbung)|\bmelden uns (?:in kurze|zeitnah|bei (?:ihnen|dir)|so bald|sobald|schnellstmoglich|innerhalb)|\bnoch in (?:der )?(?:prufung|bearbeitung)|\bnoch nicht abgeschlossen"
    r"|\bbewerbung\b[^.!?\n]{0,80}? (?:ist|wurde) (?:\w+ ){0,3}?(?:eingegangen|erhalten|ubermittelt|angekommen|eingetroffen|versendet|verschickt|gesendet)\b|\b(?:haben|hat) (?:ihre|deine) bewerbung\b[^.!?\n]{0,80}? (?:erhalten|bekommen)\b"
    r"|\bbewerbungseingang\b|\bunterlagen (?:werden|wird) (?:\w+ ){0,4}?(?:gesichtet|gepruft|bearbeitet|angesehen)\b|\b(?:horen|horst|hort) (?:\w+ ){0,4}?von uns\b",
    "fr: accusé de réception": r"\baccuse de reception\b|\b(?:bien )?recu (?:votre|ta) (?:candidature|cv|dossier)|\bavons (?:bien )?recu\b|\bmerci (?:pour|de) (?:votre|ta) candidature|\b(?:etudier|examiner|analyser|etudions|examinons) (?:votre|ta|attentivement votre) (?:candidature|profil|dossier)"
    r"|\breviendrons vers (?:vous|toi)|\ben cours (?:d'examen|d'analyse|de traitement|d'etude|de revue)|\bcandidature\b[^.!?\n]{0,80}? (?:a (?:bien )?ete|est bien|a ete) (?:envoyee|transmise|recue|enregistree|prise en compte)",
    "es: candidatura recibida": r"\bhemos recibido (?:tu|su|correctamente tu|correctamente su) (?:candidatura|solicitud|cv|postulacion)|\bgracias por (?:tu|su) (?:candidatura|solicitud|postulacion|interes)"
    r"|\b(?:revisar|revisaremos|analizaremos|estudiaremos|valoraremos) (?:tu|su|con detalle tu|con detalle su) (?:candidatura|perfil|cv|solicitud)|\bnos pondremos en contacto|\b(?:sigue|sigues|continua|esta|estas) en (?:proceso|revision)|\bcandidatura (?:recibida|registrada|enviada)"
    r"|\b(?:tu|su) (?:solicitud|candidatura|postulacion)\b[^.!?\n]{0,60}? (?:se ha enviado|ha sido enviada|fue enviada|se envio|ha sido recibida|fue recibida|ha sido registrada)|\b(?:acusamos|acuse de) recibo\b"
    r"|\b(?:revisara|revisaran|valorara|valoraran|sera valorada|sera revisada) (?:tu|su)?\b|\b(?:solicitud|candidatura) (?:sigue|continua) (?:activa|abierta|en curso)|\bseguimos (?:revisando|valorando|evaluando|analizando)\b|\bgracias por (?:tu|su) paciencia",
    "nl: ontvangstbevestiging": r"\bontvangstbevestiging\b|\b(?:je|jouw|uw) sollicitatie (?:is )?(?:goed |in goede orde )?(?:ontvangen|binnen)|\bbedankt voor (?:je|jouw|uw) (?:sollicitatie|interesse|kandidatuur)|\b(?:bekijken|beoordelen) (?:je|jouw|uw|alle) (?:sollicitatie|sollicitaties|cv|gegevens|kandidatuur|kandidaturen)|\b(?:cv|sollicitatie|kandidatuur|motivatie) (?:\w+ ){0,3}?goed ontvangen"
    r"|\bnemen (?:\w+ ){0,4}contact (?:met (?:je|u) )?op|\bnog (?:\w+ )?in behandeling|\bnog (?:volop )?bezig met (?:het )?(?:beoordelen|bekijken|selecteren|doornemen)|\bsollicitatie (?:is )?(?:succesvol |goed )?(?:verstuurd|verzonden|ingediend)\b",
}

# --- job alert ------------------------------------------------------------------------

_WITHDRAWN = {
    names.APPLICATION_WITHDRAWN: r"\b(?:withdrawn|withdrew|withdraw) (?:your|the) (?:\w+ )?application|\byour application\b[^.!?\n]{0,80}? (?:has been|was|is) (?:successfully )?withdrawn|\bapplication (?:has been |was )?(?:successfully )?withdrawn|\b(?:bewerbung|kandidatur) (?:\w+ ){0,3}zuruckgezogen|\bzuruckziehen (?:ihrer|deiner) bewerbung"
    r"|\bcandidature (?:a (?:bien )?ete |est )?retiree|\bretrait de (?:votre|ta) candidature|\b(?:candidatura|solicitud|postulacion) (?:ha sido |fue )?retirada|\b(?:retirado|retiraste|retiro) (?:tu|su) (?:candidatura|solicitud|postulacion)|\b(?:retire|retiree) (?:votre|ta) candidature|\bsollicitatie (?:is )?(?:ingetrokken|teruggetrokken)|\b(?:ingetrokken|teruggetrokken)\b",
}

_ALERT = {
    "job alert": r"\bjob ?alerts?\b|\bjobs? (?:you may|you might|that may|for you|matching|that match|recommended|based on|picked for)|\brecommended (?:jobs|for you|roles)|\b\d+\+? (?:new )?(?:jobs|positions|openings|roles|vacancies)\b|\bnew jobs?\b|\bsimilar jobs\b|\b(?:new|today's|\d+) (?:job )?matches\b|\b\d+ more (?:jobs|roles|positions)\b|\b(?:1|one)-click apply\b"
    r"|\b(?:easy apply|view (?:all )?(?:jobs|more jobs)|see (?:all|more) jobs|apply now)\b|\b(?:jobagent|job-alert|stellenangebote fur sie|neue (?:jobs|stellen|stellenangebote)|passende (?:jobs|stellen)|jobs, die zu)\b"
    r"|\balerte(?:-| )?emploi|\boffres selectionnees pour (?:vous|toi)|\bvoir (?:toutes )?les offres|\bver mas ofertas|\bofertas (?:nuevas )?segun tu busqueda|\boffres? d'emploi (?:pour vous|qui pourraient)|\bnouvelles offres|\boffres (?:similaires|recommandees)|\balerta de empleo|\b(?:coinciden|coincide) con tu (?:alerta|busqueda)|\b\d+ (?:vacantes|empleos|ofertas)(?: nuevas)?\b|\bvacantes (?:nuevas|similares|recomendadas)|\bdejar de recibir (?:esta|estas) alertas?|\bofertas (?:de empleo )?(?:para ti|que te pueden|recomendadas|nuevas|similares)|\bnuevas ofertas"
    r"|\bvacaturemelding|\bvacature-?alert|\bnieuwe vacatures|\bvacatures (?:voor jou|die bij)|\bbekijk (?:alle )?vacatures",
    "newsletter": r"\bnewsletter\b|\bunsubscribe\b|\bweekly (?:digest|roundup|round-up)|\bcareer (?:tips|advice)\b|\babmelden\b|\bdesabonner\b|\bse desinscrire\b|\bdesinscribir|\bdesuscrib\w*|\bdarse de baja|\bafmelden\b|\buitschrijven\b",
}

# --- recruiter outreach -----------------------------------------------------------------

_OUTREACH = {
    "found your profile": r"\b(?:came across|found|saw|noticed|impressed by|reviewed|was looking at|stumbled upon|read) your (?:[\w-]+ ){0,2}?(?:profile|background|experience|cv|resume|github|portfolio|work|talk|blog|post|article|crate|repo|repository|project|library|paper)\b"
    r"|\bauf (?:ihr|dein|ihren|deinen) (?:\w+ ){0,3}?(?:profil|vortrag|beitrag|artikel|blog)\w* (?:\w+ ){0,3}?(?:aufmerksam|gestossen)|\bauf (?:sie|dich) (?:aufmerksam geworden|gestossen)|\btombee? sur (?:votre|ton) (?:profil|parcours|intervention|article|blog|projet)"
    r"|\b(?:he|hemos) (?:visto|leido|encontrado) (?:tu|su) (?:charla|perfil|articulo|blog|proyecto|trayectoria)|\b(?:tu|su) (?:\w+ ){0,4}(?:me ha|nos ha) llamado la atencion|\b(?:ihr|dein) (?:\w+ )?profil (?:ist mir|hat mich)|\b(?:decouvert|vu|remarque|parcouru|consulte) (?:votre|ton) (?:profil|parcours)"
    r"|\b(?:visto|encontrado|revisado|leido|conocido|vi|vimos) (?:tu|su) (?:perfil|experiencia|trayectoria|charla|articulo|proyecto)|\b(?:kwam|zag) (?:ik )?(?:je|jouw|uw) profiel|\b(?:je|jouw|uw) profiel (?:kwam ik|viel me|sprak me)",
    "open to opportunities": r"\b(?:are you|would you be|if you're|if you are|you might be) (?:\w+ )?(?:open|interested|available) (?:to|in|for) (?:a |new |hearing|exploring|discussing|chat|a conversation|learning|a quick)"
    r"|\b(?:offen|interesse) (?:fur|an) (?:eine|einer|neue|einen) (?:neue |neuen )?(?:herausforderung|position|moglichkeit|wechsel)|\bwechselbereit\b|\b(?:ouverte?|a l'ecoute) (?:a|aux|d'une|de) (?:nouvelles? )?(?:opportunit|propositions|offres)"
    r"|\b(?:abiert[oa]|interesad[oa]) (?:a|en) (?:nuevas|escuchar|una|explorar|nuevos) |\bsta (?:je|u) open voor\b|\bopen voor (?:een )?(?:nieuwe )?(?:uitdaging|kans|stap)",
    "recruiter introduction": r"\b(?:i'm|i am|i work as|we are|we're) (?:a |an |the )?(?:\w+ )?(?:recruiter|talent partner|headhunter|recruitment consultant|sourcer|talent acquisition|executive search)"
    r"|\b(?:i'm|i am|i'm currently|i am currently) (?:recruiting|hiring|looking|searching) for (?:a|an|the|our|my|someone)\b|\b(?:we've|we have) been retained\b|\bretained (?:search|by (?:a|an))\b|\binmail\b|\bput you forward\b"
    r"|\bich bin (?:\w+, )?(?:\w+ )?(?:recruiter|recruiterin|personalberater|personalberaterin|headhunter|talent)|\bim auftrag (?:eines|einer|unseres|unserer|meines|meiner) (?:\w+ ){0,3}?(?:kunden|mandanten|unternehmens|klienten)|\bbesetzen darf\b"
    r"|\bje (?:recrute|m'occupe du recrutement|suis en charge du recrutement|suis charge(?:e)? de recrutement)|\bsoy \w+,? (?:del equipo de|de) (?:talent|seleccion|recruiting|reclutamiento|rrhh|recursos humanos|talento)"
    r"|\bme pongo en contacto (?:con usted|contigo)|\b(?:recruiter|recruitmentconsultant|intercedent|headhunter|talent acquisition) (?:bij|van|voor)\b|\bmijn naam is \w+(?: \w+)?, (?:\w+ )?(?:recruiter|consultant|headhunter)"
    r"|\b(?:my|our) client\b|\bon behalf of (?:my|our|a) client|\bheadhunter\b|\bpersonalberat|\b(?:mein|unser) (?:kunde|mandant)\b|\b(?:mon|notre) client\b|\bcabinet de recrutement\b|\bchasseur de tetes\b"
    r"|\b(?:mi|nuestro) cliente\b|\bconsultora de seleccion\b|\b(?:mijn|onze|een|voor een) (?:klant|opdrachtgever)\b|\brecruitmentbureau\b|\bwerving en selectie\b",
    "no pressure if not a fit": r"\bif (?:this|it|now) (?:isn't|is not|doesn't|does not|isn't quite|is not quite) (?:\w+ )?(?:a fit|the right|for you|of interest|sound|the right time|interest)|\bno worries if not\b|\bfeel free to (?:pass|ignore)|\bhappy to chat\b|\bquick (?:chat|call)\b"
    r"|\bif (?:you're|you are) not (?:looking|interested|open)|\bif (?:the answer is|it's a) \W?(?:no|not now)|\b(?:not asking you to apply|cold email)\b|\b(?:grab|have|get) (?:a )?(?:virtual |quick )?coffee\b|\bvirtual coffee\b|\b(?:worth a|up for a) (?:chat|conversation)\b|\bif you(?:'re| are) (?:at all )?curious\b"
    r"|\bkein (?:problem|stress)\b|\bunverbindlich|\blockere[nrs]? (?:austausch|gesprach|kennenlernen|call)|\bvertraulich(?:e|es)? (?:telefonat|gesprach|austausch)|\b(?:hattest du|hatten sie) (?:\w+ )?lust\b|\bnicht wechseln mochten"
    r"|\bsans engagement\b|\bechange informel\b|\bsi (?:ca|cela) ne (?:vous|t)'?interesse pas|\bpas de souci\b|\b(?:partante?|dispo) pour un (?:\w+ )?(?:call|echange|appel|cafe)"
    r"|\bno pasa nada\b|\bningun problema\b|\bsi (?:ahora mismo )?no (?:estas|esta) buscando|\bte apeteceria\b|\bte apetece (?:hablar|charlar|una)|\b(?:tendrias|tiene|tienes) un rato\b|\bconversacion confidencial\b|\bproceso confidencial\b"
    r"|\bgeen interesse\?|\bniet verder (?:te )?storen\b|\bvrijblijvend(?:e)? (?:\w+ )?(?:gesprek|kennismaking|kopje|koffie|praten|bellen|sparren)|\b(?:open ?staan|openstaat) voor\b|\bgeen probleem\b",
    "reaching out": r"\b(?:i'm|i am|i wanted|just) reaching out\b|\breaching out (?:because|about|regarding|to see)|\bsuggested (?:i|that i) (?:reach out|contact you|get in touch|email you)",
    "we are hiring": r"\b(?:we're|we are|we're currently|we are currently|i'm|i am) (?:hiring|looking for|searching for) (?:a|an) (?:[\w/-]+ ){0,4}?(?:engineer|developer|manager|designer|analyst|lead|director|head|scientist|specialist|consultant|architect|executive|officer|vp)\b"
    r"|\b(?:a|this) (?:role|position|opportunity) (?:that )?(?:might|may|could|would) (?:interest|suit|appeal to) you|\b(?:your|the) (?:background|experience|profile) (?:\w+ ){0,4}?(?:looks? like|looked like|seems like|would be) (?:a )?(?:\w+ )?(?:great|strong|good|really interesting|interesting) (?:match|fit)"
    r"|\bwir (?:suchen|bauen) (?:\w+ ){0,3}?(?:aus|eine[nr]?|ein) (?:\w+ ){0,3}?(?:und suchen|:in|engineer|entwickler|manager)|\bnous ouvrons un poste\b|\bestamos buscando (?:un|una|a) |\b(?:wij|we) (?:\w+ ){0,8}?(?:zijn op zoek naar|zoeken) (?:daarvoor |hiervoor |nu )?(?:een|nog een)\b|\bsuchen (?:\w+ )?(?:eine:n|eine\*n|eine/n)|\bdeze (?:rol|functie) (?:je|u) (?:kan|zou kunnen) aanspreken",
}

# --- other ---------------------------------------------------------------------------------

_OTHER = {
    # The user's own note to an employer (thanks after an interview, a confirmation): its
    # polite wording is never a rejection.
    names.WRITER_IS_CANDIDATE: r"\blook(?:ing)? forward to hearing\b|\bi remain (?:\w+ )?(?:interested|keen|excited|enthusiastic)\b|\b(?:i am|i'm) (?:\w+ )?(?:interested in|excited about|enthusiastic about) (?:the|this) (?:role|position|opportunity)\b"
    r"|\bje reste (?:tres |vivement |particulierement )?(?:motivee?|interessee?|enthousiaste)\b|\bmon interet pour\b|\bmein interesse an\b|\bich freue mich auf (?:ihre|deine) (?:ruckmeldung|antwort|nachricht)\b|\bsigo (?:muy )?interesad[oa]\b|\bmi interes (?:en|por)\b|\bmijn interesse in\b|\bik blijf (?:\w+ )?geinteresseerd\b|\b(?:je tenais|je tiens) a vous remercier\b|\bconfirme ma motivation\b|\bthank you both for your time\b|\bich freue mich (?:auf|darauf)\b|\bvielen dank fur die einladung\b|\bmerci pour (?:l'invitation|votre invitation)\b|\bgracias por la invitacion\b|\bbedankt voor de uitnodiging\b|\bik kijk uit naar\b",
    # The user sits on the hiring side: meeting words are about interviewing others.
    names.HIRING_SIDE: r"\b(?:sit|sitting|zitten|zetelen) (?:on|in) (?:the|de|het|our) (?:\w+ )?(?:panel|commissie|jury|selectiecommissie)\b|\bscorecards?\b|\bin de (?:\w+ )?(?:commissie|selectiecommissie|sollicitatiecommissie|jury) (?:te )?(?:zitten|plaatsnemen)\b|\bcandidates coming in\b|\b(?:fais|faire|fait) passer (?:un|des|les) entretiens?\b",
    # A friend's news, not an employer's answer to the user ("I got rejected", "hat mir abgesagt").
    names.OWN_STORY: r"\bi (?:just |finally )?(?:got|was|have been|'ve been|'ve just been) (?:\w+ )?(?:rejected|turned down)\b|(?:\bi |[^\w\s,] |^)(?:didn't|did not|didnt) get (?:the|that|this) (?:[\w-]+ ){0,2}?(?:job|role|position|offer|place)\b|\b(?:they|she|he) (?:rejected|turned down) me\b"
    r"|\b(?:hat|haben) mir (?:\w+ ){0,6}?(?:abgesagt|eine absage gegeben)|\bich (?:habe|hab) (?:\w+ ){0,3}?(?:eine |die )?absage (?:\w+ ){0,4}?(?:bekommen|erhalten|gekriegt)|\bi (?:just |finally )?(?:got|received|had) (?:a|the|my) (?:\w+ )?rejection\b|\bich (?:wurde|bin) (?:\w+ ){0,2}?abgelehnt\b"
    r"|\bj'ai (?:\w+ ){0,2}?(?:ete recalee?|recu un refus|pas ete retenue?|pas ete prise?)|\bils? m'ont (?:\w+ )?(?:recalee?|refusee?)"
    r"|\bme (?:han|ha) (?:\w+ )?(?:rechazado|descartado|dicho que no)|\bme rechazaron\b|\bno me (?:han cogido|han seleccionado|han elegido|cogieron|seleccionaron|eligieron)\b"
    r"|\bik ben (?:\w+ ){0,2}?afgewezen|\bik heb (?:\w+ ){0,2}?(?:een )?afwijzing (?:gekregen|ontvangen)|\b(?:hebben|heeft) (?:mij|me) (?:\w+ )?afgewezen",
}

# --- families added for the labels other than rejection (one family a rule, five languages) ------

_OFFER_HIRED = {
    # The employer says the user got the job, without the word "offer".
    "you got the job": r"\b(?:you(?:'ve| have)? got the (?:job|role|position)|(?:we(?:'d| would) like|we want) to (?:hire you|bring you on)|confirm (?:your|the) (?:employment|appointment|hiring|hire)\b|your appointment (?:as|to the (?:role|post|position))\b)"
    r"|\bfreuen uns,? (?:\w+ ){0,3}?(?:sie|dich) (?:\w+ ){0,4}?(?:im team|in unserem team|bei uns|an bord) (?:\w+ ){0,2}?(?:zu )?(?:begrussen|willkommen zu heissen)\b|\b(?:sie|du) (?:haben|hast) die stelle\b"
    r"|\bconfirmer (?:votre|ton) (?:embauche|recrutement|arrivee)\b|\bcandidature (?:\w+ ){0,2}?(?:a ete |est )acceptee\b|\b(?:vous|tu) (?:etes|es|avez|as) (?:ete )?(?:embauchee?|recrutee?)\b"
    r"|\b(?:has|ha) sido (?:seleccionad[oa]|contratad[oa]|elegid[oa]) para (?:el puesto|la posicion|la vacante|ocupar|el cargo|la plaza|incorporarte)\b|\bnos complace (?:ofrecerte|ofrecerle|darte la bienvenida|darle la bienvenida|confirmar tu contratacion|confirmarle)\b"
    r"|\bje bent aangenomen\b|\bdat (?:je|u) (?:\w+ ){0,5}?aan de slag (?:gaat|gaan) als\b|\b(?:we|wij) (?:nemen|willen) (?:je|u) (?:graag )?aan(?:nemen)?\b",
}

_OFFER_START = {
    # Getting started: a first day, a start date, joining instructions.
    "first day at work": r"\b(?:your|the) first (?:day|working day|week|shift) (?:at|with|in|on|will)\b|\byour (?:start|starting) date\b|\bwelcome (?:to|on) (?:the|our) team\b|\bjoining (?:instructions|details|date)\b"
    r"|\b(?:ersten|erster|erste) (?:arbeitstag|tag bei uns|arbeitswoche|einsatztag)\b|\b(?:dein|ihr|der) arbeitsbeginn\b|\bwillkommen (?:im|in unserem) team\b"
    r"|\b(?:votre|ton) premier jour\b|\bprise de (?:poste|fonctions?)\b|\bbienvenue dans (?:l'equipe|notre equipe)\b|\bdate d'(?:arrivee|embauche|entree)\b"
    r"|\b(?:tu|su) primer dia\b|\bbienvenid[oa]s? al equipo\b|\bfecha de (?:incorporacion|inicio|alta)\b|\b(?:tu|su) incorporacion\b"
    r"|\b(?:je|jouw|uw) eerste (?:werkdag|dag|werkweek)\b|\bwelkom (?:bij|in) (?:het|ons) team\b|\b(?:van harte )?welkom bij\b(?= [^.!?\n]{0,40}(?:aan de slag|team|collega))",
    "contract signing": r"\b(?:sign(?:ing)?|signature of|countersign) (?:the|your|our) (?:employment |work |job )?contract\b|\bcontract signing\b|\bvertragsunterschrift\b|\b(?:arbeits)?vertrag (?:\w+ ){0,2}?(?:unterschreiben|unterzeichnen)\b"
    r"|\bsignature (?:du|de votre|de ton) contrat\b|\bsigner (?:le|votre|ton) contrat\b|\bfirma(?:r)? (?:del|el|tu|su) contrato\b|\bcontract (?:te )?(?:tekenen|ondertekenen)\b|\bondertekening van (?:het|je|uw) contract\b|\bterms of (?:the )?offer\b",
}

_INVITE_MORE = {
    "shortlisted for interview": r"\b(?:you(?:'ve| have)? been|you are|you're) (?:\w+ )?(?:shortlisted|selected|invited|progressed|moved|put) (?:forward )?(?:for|to|through to) (?:an? |the |our )?(?:\w+ )?(?:interview|assessment cent(?:re|er)|assessment day|next (?:stage|round|step)|final (?:stage|round))\b"
    r"|\b(?:you've|you have) (?:now )?(?:progressed|moved (?:on|forward)|made it|got through) to (?:the |our )?(?:next|second|final|assessment|interview|video interview)\b",
    # "We would like to discuss your approach in more detail", "souhaitons échanger avec vous".
    "wants to discuss further": r"\b(?:we(?:'d| would)|i(?:'d| would)) (?:\w+ )?(?:like|love|want) to (?:discuss|talk (?:about|through)|go over|go through|hear more about|dig into) (?:your|this|the|it)\b"
    r"|\b(?:souhaitons|souhaiterions|aimerions|voudrions|souhaiterais|aimerais) (?:\w+ ){0,2}?(?:echanger|discuter|vous rencontrer|te rencontrer|faire (?:votre|ta) connaissance|vous parler|te parler|vous voir|te voir)\b|\bconvenir d'un (?:rendez-vous|entretien|echange|creneau|appel)\b"
    r"|\bfreuen uns (?:\w+ ){0,2}?(?:darauf,? )?(?:sie|dich|mit (?:ihnen|dir)) (?:\w+ ){0,4}?(?:kennenzulernen|kennen zu lernen|zu treffen|zu sprechen)\b|\b(?:ihr|dein) (?:\w+ )?(?:interview|gesprach|vorstellungsgesprach|kennenlernen)\w* (?:\w+ ){0,6}?(?:wurde|ist) (?:\w+ )?bestatigt\b|\binterview-details\b"
    r"|\b(?:nos gustaria|me gustaria|queremos|quisieramos) (?:\w+ ){0,2}?(?:conversar|hablar|charlar|reunirnos) (?:contigo|con usted|con vosotros)\b"
    r"|\b(?:we|wij|ik) (?:\w+ ){0,2}?(?:graag|willen) (?:\w+ ){0,2}?(?:met (?:je|jou|u) )?(?:in gesprek|een gesprek|kennismaken|verder praten)\b",
    # Tests to take: an assessment invitation is an invitation to a next step in this corpus.
    names.ASSESSMENT_TO_TAKE: r"\b(?:invited|invitation) to (?:complete|take|participate in|sit)\b|\byour (?:online |coding |technical |skills )?(?:assessment|test|challenge) (?:link|invitation|is ready|awaits|will expire|expires)\b|\b(?:complete|submit) (?:it|the (?:\w+ )?(?:assessment|test|challenge)) (?:by|within|before)\b"
    r"|\b(?:online-?test|onlinetest|eignungstest|einstellungstest|assessment|test|aufgabe|fallstudie|case study)\w* (?:\w+ ){0,4}?(?:zu )?(?:absolvieren|durchzufuhren|auszufullen|abzuschliessen)\b"
    r"|\b(?:passer|realiser|completer|effectuer|remplir) (?:\w+ ){0,2}?(?:un|une|le|la|ce|cette|notre) (?:\w+ )?(?:test|evaluation|questionnaire|exercice|etude de cas|assessment)\b"
    r"|\b(?:complete|completes|completar|realice|realices|realizar|hagas|haga|responda|respondas) (?:\w+ ){0,2}?(?:una|la|el|un|esta|este|nuestra|nuestro) (?:\w+ )?(?:evaluacion|prueba|test|cuestionario|ejercicio|caso practico)\b|\bacceder a la (?:evaluacion|prueba)\b"
    r"|\b(?:test|assessment|vragenlijst|opdracht|case) (?:\w+ ){0,3}?(?:te maken|in te vullen|af te ronden|uit te voeren)\b",
}

_CONFIRM_MORE = {
    "application is in": r"\byour application (?:for (?:the )?[\w &/()-]{2,60} )?(?:is in|is with us|has landed|landed|has arrived|arrived safely|is safely with us)\b",
    "application sent": r"\b(?:application|candidature|candidatura|bewerbung|sollicitatie|postulacion|solicitud)\b[^.!?\n]{0,80}? (?:envoyee|sent|submitted|enviada|verzonden|verstuurd|abgeschickt|gesendet|ubermittelt) (?:avec succes|successfully|con exito|succesvol|erfolgreich)\b"
    r"|\bcongratulations on (?:submitting|completing|sending) your application\b|\bsuccessfully (?:submitted|applied|sent) (?:your|an|the)\b|\binformations transmises\b",
    "status updates promised": r"\b(?:keep|will keep) you (?:up to date|updated|informed|posted)\b(?: \w+){0,6}? (?:application|progress|status|candidacy)\b|\b(?:track|follow|check|view) (?:the )?(?:status|progress) of your application\b|\b(?:track|check|view) your application(?: status)?\b|\bapplication (?:has been )?reinstated\b"
    r"|\b(?:je|jouw|uw) status (?:\w+ ){0,3}?volgen\b|\bsuivre (?:l'etat|l'avancement|le statut) de (?:votre|ta) candidature\b|\b(?:seguir|consultar) el estado de (?:tu|su) (?:candidatura|solicitud|postulacion)\b|\bden status (?:ihrer|deiner) bewerbung\b|\bte mantendremos informad[oa]\b|\bhalten (?:sie|dich) (?:\w+ )?auf dem laufenden\b|\b(?:vous|te) tiendrons informee?\b|\bhouden (?:je|u) op de hoogte\b",
    "registration received": r"\b(?:je|jouw|uw) (?:inschrijving|aanmelding|registratie) is (?:binnen|ontvangen|gelukt|voltooid)\b|\bje (?:hebt je|bent) (?:succesvol )?ingeschreven\b|\bwe (?:checken|bekijken|beoordelen) (?:je|jouw|uw) (?:profiel|gegevens)\b"
    r"|\b(?:we are|we're|our team is|the team is|we are currently|we're currently) (?:\w+ )?(?:reviewing|looking at|assessing|evaluating) (?:your|all|the) (?:\w+ )?(?:application|applications|cv|resume|candidacy)\b"
    r"|\b(?:tu|su) (?:candidatura|solicitud|postulacion) (?:esta|se encuentra) en (?:revision|proceso|estudio|evaluacion)\b|\b(?:votre|ta) candidature (?:est|a ete) (?:bien )?(?:prise en compte|enregistree|transmise)\b",
}

_ALERT_MORE = {
    "jobs from your search": r"\bbased on (?:your|the) (?:recent |previous |saved |latest )?(?:job )?(?:search|searches|profile|preferences|activity|job alert)\b|\b(?:positions|roles|jobs|opportunities|vacancies|openings) (?:that|which) (?:might|may|could) (?:interest|suit|match) you\b|\bwe found (?:\w+ ){0,3}?(?:positions|jobs|roles|matches|openings)\b"
    r"|\bsur la base de (?:vos|tes) recherches\b|\b(?:basierend auf|passend zu) (?:ihrer|deiner|ihren|deinen) (?:suche|suchen|suchauftrag|profil)\b|\bsegun (?:tus|sus) (?:busquedas|preferencias)\b|\bop basis van (?:je|jouw|uw) (?:zoekopdracht|profiel|zoekgedrag)\b",
    "list of openings": r"\b(?:curated|weekly|daily|latest|fresh) (?:list|roundup|round-up|selection|digest|batch) of (?:\w+ ){0,3}?(?:jobs|roles|openings|positions|vacancies|opportunities)\b|\bjobs? (?:list|digest|roundup|newsletter)\b"
    r"|\bhere are (?:the |this week's |today's |some |your )?(?:\w+ ){0,2}?(?:roles|jobs|openings|vacancies)\b",
}

_OUTREACH_MORE = {
    "opportunity for you": r"\bje me permets de (?:vous|te) (?:contacter|solliciter|ecrire)\b|\bune (?:opportunite|offre|poste) qui pourrait (?:vous|t') ?interesser\b|\bme permito (?:contactarte|contactarle|escribirte|escribirle)\b|\buna (?:oportunidad|posicion|vacante) que (?:podria|puede) (?:interesarte|interesarle)\b"
    r"|\beine (?:spannende|interessante) (?:position|stelle|moglichkeit|vakanz|herausforderung)\b(?: \w+){0,4}? fur (?:sie|dich)\b|\been (?:interessante|mooie|leuke) (?:vacature|functie|rol|kans)\b(?: \w+){0,3}? voor (?:je|jou|u)\b"
    r"|\b(?:exciting|interesting|unique) (?:opportunity|role|position)\b(?: \w+){0,6}? (?:that|which) (?:might|may|could|would) (?:interest|suit|be a fit)\b|\bi(?:'m| am) (?:currently )?(?:working on|partnering (?:with|on)) (?:a|an) (?:\w+ ){0,4}?(?:role|search|position|hire|opening)\b|\bconfidential (?:search|role|opportunity|position)\b",
}

_OTHER_MORE = {
    # The user declining an offer or withdrawing, in the first person: never a rejection of the user.
    names.CANDIDATE_DECLINES: r"\b(?:withdraw|withdrawing|pull) (?:my (?:application|candidacy)|myself from|from (?:the|your) (?:process|search|consideration))\b"
    r"|\b(?:decided|chosen|decide) to (?:accept (?:an?|another|the other) (?:\w+ )?(?:offer|position|role|job)|withdraw my|decline (?:your|the|this) (?:kind |generous )?offer)\b|\b(?:i|i've|i have) (?:\w+ )?accepted (?:an?|another) (?:\w+ )?(?:offer|position|role|job)\b"
    r"|\bnot to (?:proceed|continue|move forward) with my (?:application|candidacy)\b|\bmeine bewerbung (?:\w+ ){0,2}?zuruck(?:ziehen|zuziehen|gezogen)\b|\bich (?:habe|hab) (?:\w+ ){0,3}?(?:ein anderes angebot|eine andere stelle) (?:\w+ )?angenommen\b"
    r"|\bretirer ma candidature\b|\bj'ai (?:\w+ ){0,2}?accepte (?:une autre|un autre) (?:offre|proposition|poste)\b|\b(?:decliner|refuser) (?:votre|ta) (?:offre|proposition)\b"
    r"|\bretirar mi (?:candidatura|solicitud|postulacion)\b|\bhe aceptado (?:otra|una) (?:oferta|propuesta)\b|\b(?:rechazar|declinar) (?:la|su|tu|vuestra) (?:oferta|propuesta)\b"
    r"|\bmijn sollicitatie (?:\w+ ){0,2}?(?:in te trekken|intrekken|ingetrokken)\b|\bik heb (?:\w+ ){0,3}?(?:een ander aanbod|een andere baan|een andere functie) (?:\w+ )?aangenomen\b|\b(?:het|jullie|uw) aanbod (?:\w+ )?af te (?:wijzen|slaan)\b",
}


# --- families for the kinds of real mail the phrases above missed (five languages each) ---------

_REJECT_NO_PLACE = {
    # "We have no position to offer you at the moment", "the role will not be offered to you".
    "no position to offer": r"\b(?:n'avons|n'ai|n'a) (?:\w+ )?pas de (?:poste|place|mission|offre) (?:\w+ ){0,2}?a (?:vous|te) proposer\b|\b(?:we|i) (?:do not|don't|have no|currently have no) (?:have )?(?:a |any )?(?:suitable )?(?:role|position|vacancy|place|opening) (?:to offer you|for you)\b"
    r"|\b(?:role|position|job|post|place) (?:will not|won't|cannot|can't|is not going to) be offered to you\b|\bkeine (?:passende |geeignete )?(?:stelle|position) (?:\w+ ){0,2}?(?:fur (?:sie|dich) )?(?:haben|frei)\b"
    r"|\bno (?:tenemos|disponemos de) (?:ningun |una )?(?:puesto|vacante|plaza) (?:\w+ ){0,2}?(?:que ofrecerte|que ofrecerle|para (?:ti|usted))\b|\b(?:hebben|heb) (?:\w+ )?geen (?:passende )?(?:functie|plek|vacature) (?:\w+ ){0,2}?(?:voor (?:je|jou|u)|aan te bieden)\b",
    "another choice made": r"\b(?:een )?andere keuze gemaakt\b|\bkeuze (?:is )?(?:\w+ )?(?:gevallen )?op (?:een )?andere? (?:kandida\w*|sollicitant\w*|persoon)\b|\b(?:made|taken) (?:a|another) (?:different )?(?:choice|decision) (?:for|on) the (?:role|position|post)\b"
    r"|\b(?:une autre|un autre) choix\b|\b(?:otra|distinta) eleccion\b|\b(?:andere|anderweitige) (?:wahl|auswahl) getroffen\b",
    "not on to the next round": r"\b(?:won't|will not|not|aren't|are not|isn't|is not) (?:be )?(?:moving|going|progressing|advancing|getting|coming) (?:on |forward |through )?(?:to|into) the (?:next|second|third|final|following) (?:round|stage|step|phase)\b"
    r"|\b(?:onvoldoende|niet (?:sterk|goed) genoeg) (?:\w+ ){0,3}?om (?:je|u|jou) (?:\w+ ){0,3}?(?:door te laten|verder te laten|uit te nodigen|door te laten gaan)\b|\bne (?:passerez|passeras|passez|passes) pas (?:a|au) (?:l'etape|tour|la phase) suivante?\b"
    r"|\b(?:sie|dich) (?:\w+ ){0,5}?nicht (?:mehr |weiter )?(?:vorsehen|einplanen)\b|\bfur das weitere (?:auswahl)?verfahren (?:\w+ ){0,3}?nicht\b",
    "hiring paused": r"\b(?:decided|had|need|needed|going) to (?:hold off|pause) (?:on )?(?:hiring|filling|recruiting|the (?:search|recruitment|hire))\b|\b(?:hiring|recruitment|search) (?:for (?:this|the) (?:role|position) )?(?:is |has been )?(?:paused|frozen|put on hold)\b",
    "de: Stelle vergeben": r"\b\w*(?:stelle|position|vakanz)\b(?: \w+){0,5}? (?:schon|bereits|inzwischen|mittlerweile|leider) (?:\w+ )?(?:vergeben|besetzt)\b",
    "fr: n'a pas pu être retenue": r"\bn'(?:a|ont|avons|avez|as|est|ete) (?:\w+ ){0,2}?pas (?:pu )?(?:etre |ete )?(?:retenue?s?|selectionnee?s?|choisie?s?)\b",
    "es: no seguir adelante": r"\bno (?:seguir|continuar|avanzar|ir) (?:adelante )?con (?:tu|su) (?:candidatura|solicitud|postulacion|proceso)\b|\bno (?:vamos a|podemos|podremos) contar (?:contigo|con usted)\b",
}

_OFFER_PLAIN = {
    # The employer wants the user, without the word "offer": "we want you as our first designer",
    # "möchten Sie gerne einstellen", "on aimerait t'embaucher", "has sido la persona elegida".
    "we want to hire you": r"\bwe (?:want|would love|'d love|would like|'d like) you (?:as|to be|to join (?:us|the team|our team) as) (?:our|the|a|an)\b|\b(?:you have|you've) been (?:selected|chosen|appointed) (?:for|to) the (?:role|position|post|job) (?:of|as)\b|\b(?:recommended|approved) your appointment\b"
    r"|\b(?:mochten|wurden|wollen|freuen uns,?) (?:\w+ ){0,2}?(?:sie|dich) (?:\w+ ){0,4}?(?:als \w+ )?(?:bei uns |in unserem team )?(?:einstellen|einzustellen|anstellen|anzustellen)\b"
    r"|\b(?:aimerions|aimerait|souhaitons|souhaiterions|voudrions|allons|voulons) (?:\w+ )?(?:vous|t') ?(?:embaucher|recruter|engager)\b|\ba retenu (?:votre|ta) candidature (?:\w+ ){0,3}?(?:au|pour le) poste\b(?![^.!?\n]{0,40}entretien)"
    r"|\b(?:has|ha) sido (?:la persona|el candidato|la candidata) (?:elegid|seleccionad|escogid)[oa]\b|\b(?:queremos|nos gustaria) contratar(?:te|le)\b|\b(?:willen|zouden) (?:je|u|jou) (?:\w+ )?(?:graag )?(?:aannemen|in dienst nemen)\b",
    "welcome to the team": r"\b(?:welcoming|welcome) you (?:to|into|onto) (?:the|our) team\b|\b(?:ravie?s?|heureux|heureuse|hate) de (?:vous|t') ?accueillir (?:dans|au sein de|parmi) (?:l'equipe|notre equipe|nous|nos equipes)\b"
    r"|\b(?:sie|dich) (?:\w+ ){0,2}?(?:in unserem team|bei uns|im team) (?:\w+ )?(?:begrussen|willkommen heissen)\b|\b(?:darte|darle|daros) la bienvenida (?:al|a nuestro) equipo\b|\b(?:je|u) (?:\w+ )?(?:te )?verwelkomen (?:in|bij) (?:ons|het) team\b",
}

_OFFER_PAPERS = {
    # The contract on its way: "paperwork is coming", "schicken Ihnen den Vertrag", "te enviaremos el contrato".
    "contract on its way": r"\b(?:paperwork|contract|employment contract)\b (?:is|will be) (?:coming|on its way|ready|attached|sent)\b|\b(?:send|sending|sent) (?:you )?(?:the|your) (?:employment )?(?:contract|paperwork)\b|\bcan you start (?:on|from|in|next)\b|\bwhen (?:can|could) you start\b"
    r"|\b(?:schicken|senden|ubersenden|ubermitteln|lassen) (?:wir |ich )?(?:ihnen|dir) (?:\w+ ){0,3}?(?:den |ihren |deinen )?(?:arbeits)?vertrag\b|\b(?:t'envoie|vous envoie|vous enverrons|t'enverrai|t'enverrons|vous adresserons) (?:\w+ )?(?:le|votre|ton) contrat\b"
    r"|\b(?:te|le|os) (?:enviaremos|enviamos|mandaremos|haremos llegar) (?:\w+ )?(?:el|tu|su) contrato\b|\b(?:je|u) (?:ontvangt|krijgt) (?:\w+ ){0,2}?(?:het )?(?:contractvoorstel|contract|arbeidscontract)\b",
}

_CONFIRM_PLAIN = {
    # Receipts the phrases above missed: "your application is with our recruiting team", "Ihre
    # Unterlagen liegen uns vor", "ta candidature nous est bien parvenue", "thanks for sending your CV".
    "application is with us": r"\b(?:application|cv|resume)\b[^.!?\n]{0,80}? (?:is|are) (?:now )?with (?:us|our|the) (?:\w+ ){0,2}?(?:team|recruiters?|hiring)\b|\bthank(?:s| you) for (?:sending|forwarding|submitting|sharing) (?:\w+ ){0,2}?(?:your )?(?:cv|resume|application)\b"
    r"|\b(?:application|candidacy)\b[^.!?\n]{0,60}? (?:remains|is still|stays) (?:active|open|live|under consideration)\b|\bstatus\b[^.!?\n]{0,100}? (?:to|:)\s*:?\s*['\"]?(?:on hold|in review|under review|in progress|received)\b"
    r"|\b(?:unterlagen|bewerbung)\b[^.!?\n]{0,80}? liegen? uns (?:\w+ )?vor\b|\b(?:sichten|prufen) (?:wir )?(?:alle|die|samtliche) (?:bewerbungen|unterlagen)\b|\bmelden uns (?:\w+ ){0,3}?bei (?:ihnen|dir)\b"
    r"|\bcandidature\b[^.!?\n]{0,80}? (?:nous )?(?:est|a ete) bien (?:parvenue|arrivee|recue)\b|\bnous est (?:bien )?parvenue\b|\b(?:on|nous) (?:te|vous) (?:tient|tiens|tiendrons|tiendra|tenons) au courant\b"
    r"|\b(?:candidatura|solicitud)\b[^.!?\n]{0,80}? (?:ha quedado|queda) (?:registrada|recibida)\b|\b(?:sollicitatie|cv|brief)\b[^.!?\n]{0,80}? (?:hebben|heb) (?:\w+ )?ontvangen\b|\b(?:u|je) hoort (?:\w+ ){0,3}?van ons\b",
}

_INVITE_PLAIN = {
    # Invitations worded the other way round: "pourriez-vous nous appeler afin que nous fixions une
    # date pour un entretien", "als nächsten Schritt schicken wir dir einen Online-Test", "maken graag
    # kennis met je", "nos gustaría conocerla", "the next part of our process is a take-home".
    "next step offered": r"\b(?:fixer|fixions|convenir|caler|planifier|organiser) (?:ensemble )?(?:d'une |une |un )?(?:date|rendez-vous|creneau|moment) (?:\w+ ){0,2}?(?:pour )?(?:un |l')?entretien\b|\b(?:vous|te) propos(?:er|ons|e) (?:\w+ ){0,2}?(?:un |une )?(?:second |deuxieme |premier )?(?:entretien|rendez-vous)\b"
    r"|\bals nachste[nr]? schritt\b[^.!?\n]{0,80}?\b(?:test|gesprach|interview|aufgabe|assessment|telefonat|kennenlernen)\w*|\b(?:test|aufgabe|fallstudie)\w* (?:\w+ ){0,3}?(?:bearbeite|bearbeiten sie|bearbeitest)\b"
    r"|\bmaken (?:\w+ )?graag kennis met (?:je|jou|u)\b|\b(?:gustaria|encantaria) conocerl[ao]s?\b|\bpodria (?:usted )?(?:venir|pasarse|pasar por)\b"
    r"|\bnext (?:part|bit|stage|step) of (?:our|the) (?:process|hiring process)\b[^.!?\n]{0,40}? (?:is|will be|would be) (?:a|an)\b",
}

_ALERT_PLAIN = {
    # Alerts and digests: "X is hiring a Y" lines, a saved search's hits, "view all vacancies".
    "openings listed": r"\bis hiring (?:a|an)\b[^\n]*\n[^\n]{0,80}\bis hiring (?:a|an)\b|\b(?:open|new|latest) roles (?:from|at|in|this week)\b|\b(?:roles|jobs|positions) you (?:saved|viewed|liked)\b|\bbecause you viewed\b"
    r"|\bsuchauftrag\b|\bneue (?:treffer|stellen|jobs)\b|\b(?:annonces|offres) correspond(?:ent|ant) a vos criteres\b|\b(?:vacantes|ofertas)\b[^.!?\n]{0,60}? que (?:encajan|coinciden) con tu perfil\b|\bzoekprofiel\b"
    r"|\ba new job matches\b|\bmatch(?:es)? your (?:preferences|search|criteria|job preferences)\b",
    "view all openings": r"\b(?:view|see) all (?:jobs|roles|matches|vacancies|openings)\b|\balle (?:treffer|stellen|jobs) (?:ansehen|anzeigen)\b|\bvoir (?:toutes )?les (?:offres|annonces)\b|\bver todas las (?:vacantes|ofertas)\b|\bbekijk alle vacatures\b"
    r"|\b(?:manage|change) (?:your )?(?:notifications|alerts|job alerts|email preferences)\b|\bgerer mes alertes\b|\bsuchauftrag (?:bearbeiten|loschen|andern)\b|\brecibir mas avisos\b|\bomdat je een zoekprofiel\b",
}

_OUTREACH_PLAIN = {
    # A recruiter's approach: "Ihr Werdegang passt sehr gut", "votre parcours a retenu mon attention",
    # "zag ik je ervaring", "ich betreue die Suche nach".
    "your background fits": r"\b(?:ihr|dein) (?:werdegang|profil|hintergrund) (?:passt|wurde passen) (?:\w+ ){0,4}?(?:gut|sehr gut|perfekt|hervorragend)\b|\b(?:votre|ton) (?:profil|parcours) (?:\w+ ){0,4}?(?:a retenu|retient) mon attention\b"
    r"|\b(?:zag|las) ik (?:je|jouw|uw) (?:profiel|ervaring|cv|achtergrond)\b|\b(?:tu|su) experiencia encaja\b|\b(?:saw|loved|liked) your (?:work|talk|post) on\b",
    "search mandate": r"\b(?:betreue|begleite) (?:\w+ ){0,3}?(?:die )?suche nach\b|\bj'accompagne (?:une|un) (?:\w+ ){0,5}?qui (?:recrute|cherche)\b|\bestoy buscando (?:un|una) (?:\w+ ){0,3}?para (?:una|un) (?:empresa|cliente)\b"
    r"|\bik help (?:\w+ ){0,3}?(?:bedrijven|organisaties) (?:\w+ ){0,3}?aan\b|\bzin om (?:eens )?(?:te bellen|te sparren|kennis te maken)\b|\b(?:seriez-vous|serais-tu) (?:ouverte?|partante?) (?:a|pour) en (?:discuter|parler)\b",
}

# --- subject lines (ignored for replies and forwards) -------------------------------------------

_SUBJECT = [
    ("subject: application declined", "rejection", 3, r"\b(?:application|candidacy|candidature|candidatura|postulacion|solicitud|bewerbung|sollicitatie)\b[^\n]{0,60}?\b(?:not selected|unsuccessful|rejected|declined|no seleccionad[ao]|rechazad[ao]|descartad[ao]|non retenue?|refusee?|abgelehnt|afgewezen)\b"
     r"|^(?:rejected|rechazad[ao]|afgewezen)\s*$"),
    ("subject: rejection", "rejection", 2, r"\b(?:absage|afwijzing|unsuccessful|not selected|regret|no seleccionad[ao]|rechazad[ao]|non retenue?|didn't work out|did not work out)\b|\b(?:application|candidacy|candidate) (?:status: )?rejected\b|\bdecision on your application\b|\breponse negative\b"),
    ("subject: calendar invitation", "interview_invitation", 2, r"^(?:invitation|updated invitation|einladung|invitacion|uitnodiging)\s*:[^@\n]{1,150}@ "),
    ("subject: interview", "interview_invitation", 2, r"\b(?:(?:aptitude |online |video )?test invitation|(?:your|the) interview (?:tomorrow|today)|change to your (?:\w+ )?interview|interview (?:invitation|request|scheduling|confirmation|availability)|invitation to (?:interview|an interview)|schedule (?:an|your) (?:interview|call)|let's (?:chat|talk|connect)|next steps?|(?:coding|technical|online) (?:challenge|test|assessment)|assessment invitation|take-home)\b"
     r"|\beinladung\b|\bvorstellungsgesprach\b|\bconvocation\b|\binvitation a\b|\bconvocatoria\b|\binvitacion a\b|\buitnodiging\b|\bterminbestatigung\b|\bwunschtermin\b|\bprobearbeit\b|\bjournee d'essai\b|\bdia de prueba\b|\bproefdag\b|\bconfirmacion de (?:tu|su) entrevista\b|\b(?:te|le) invita a\b"),
    ("subject: offer", "offer", 2, r"\b(?:offer letter|job offer|offer of employment|your offer|employment offer)\b|\bvertragsangebot\b|\bzusage\b|\bpromesse d'embauche\b|\bproposition d'embauche\b|\boferta (?:de empleo|laboral)\b|\bcarta oferta\b|\baanbod\b|\barbeidsovereenkomst\b"),
    ("subject: application received", "application_confirmation", 2, r"\b(?:application (?:received|confirmation|submitted|acknowledg|sent)|thank(?:s| you) for (?:applying|your application)|we received your application)\b"
     r"|\beingangsbestatigung\b|\bbewerbungseingang\b|\b(?:danke|vielen dank|dankeschon) fur (?:ihre|deine) bewerbung\b|\bsolicitud enviada\b|\bacuse de recibo\b|\bbewerbung (?:eingegangen|erhalten)\b|\baccuse de reception\b|\bcandidature (?:recue|bien recue|enregistree|envoyee|transmise)\b|\bbewerbung (?:gesendet|verschickt|abgeschickt|versendet)\b|\bsollicitatie (?:verstuurd|verzonden)\b|\bapplication sent\b|\bcandidatura (?:recibida|registrada)\b|\bontvangstbevestiging\b"),
    ("subject: job alert", "job_alert", 2, r"\b(?:job alert|jobs? (?:for you|you may|matching)|new jobs?|\d+\+? (?:new )?jobs|jobagent|alerte emploi|alerta de empleo|vacaturemelding|nieuwe vacatures|offres? d'emploi|ofertas de empleo)\b"),
]


def _compile_subject() -> list[Rule]:
    return [Rule(name, label, w, re.compile(p), subject_only=True) for name, label, w, p in _SUBJECT]


RULES: tuple[Rule, ...] = tuple(
    _rules("rejection", 3, _REJECT_STRONG, unconditional=True)
    + _rules("rejection", 2, _REJECT_MEDIUM, unconditional=True)
    + _rules("rejection", 1, _REJECT_WEAK, unconditional=True)
    + _rules("interview_invitation", 3, _INVITE, negatable=True)
    + _rules("interview_invitation", 2, _INVITE_MEDIUM, negatable=True)
    + _rules("interview_invitation", 0.5, _INVITE_WEAK, negatable=True)
    + _rules("interview_invitation", 0, _INVITE_SIGNAL, negatable=True)
    + _rules("offer", 3, _OFFER, negatable=True)
    + _rules("offer", 2, _OFFER_MEDIUM, negatable=True)
    + _rules("offer", 1, _OFFER_WEAK, negatable=True)
    + _rules("application_confirmation", 2, _CONFIRM)
    + _rules("application_confirmation", 6, _WITHDRAWN)
    + _rules("job_alert", 2, _ALERT)
    + _rules("recruiter_outreach", 2, _OUTREACH)
    + _rules("other", 0, _OTHER)
    + _rules("offer", 3, _OFFER_HIRED, negatable=True)
    + _rules("offer", 2, _OFFER_START, negatable=True)
    + _rules("interview_invitation", 3, _INVITE_MORE, negatable=True)
    + _rules("application_confirmation", 2, _CONFIRM_MORE)
    + _rules("job_alert", 2, _ALERT_MORE)
    + _rules("recruiter_outreach", 2, _OUTREACH_MORE)
    + _rules("other", 0, _OTHER_MORE)
    + _rules("rejection", 3, _REJECT_NO_PLACE, unconditional=True)
    + _rules("offer", 3, _OFFER_PLAIN, negatable=True)
    + _rules("offer", 2, _OFFER_PAPERS, negatable=True)
    + _rules("application_confirmation", 2, _CONFIRM_PLAIN)
    + _rules("interview_invitation", 3, _INVITE_PLAIN, negatable=True)
    + _rules("job_alert", 2, _ALERT_PLAIN)
    + _rules("recruiter_outreach", 2, _OUTREACH_PLAIN)
    + _compile_subject()
)
"""Every rule, in the order evidence is reported."""

FLAG_PATTERNS: dict[str, re.Pattern] = {
    "on_file": re.compile(
        r"\b(?:keep|retain|hold|store|kept|retained|held|save|keeping) (?:your|you) (?:\w+ )?(?:details|cv|resume|information|profile|application|contact details|data|in mind)\b|\bon file\b|\b(?:profile|details|cv|resume|application|information) (?:\w+ ){0,2}?(?:remains?|will remain|will be (?:retained|kept|stored)) (?:\w+ ){0,2}?(?:in|on|active)\b"
        r"|\btalent (?:pool|community|network|database)\b|\bin our (?:database|system|records|talent)\b|\b(?:apply|applying|re-apply|reapply|reapplying)(?: \w+){0,3}? (?:again|in the future|for (?:future|other|another|more|positions|roles))\b|\banother application from you\b"
        r"|\bfuture (?:opportunities|openings|vacancies|roles|positions|endeavou?rs? with us)\b|\bnew opportunities are posted\b|\b(?:continue|keep) (?:visiting|checking|an eye on)|\b(?:stay|keep) in touch\b|\b(?:talk|speak|chat) again\b|\bone of the first (?:people|candidates|to)\b|\bif (?:the|this) (?:role|position) (?:re-?opens|becomes available again)"
        r"|\b(?:talentpool|bewerberpool|evidenz|kandidatenpool)\b|\b(?:unterlagen|daten|bewerbung|profil)\b(?: \w+){0,4} (?:aufbewahren|aufbewahre|speichern|gespeichert|behalten)\b|\berneute[n]? bewerbung\b|\berneut (?:\w+ ){0,3}?(?:zu )?bewerben|\bwieder (?:\w+ ){0,2}?bewerben|\bzukunftige[nr]? (?:stellen|vakanzen|positionen|ausschreibung)|\bin kontakt (?:zu )?bleiben|\bwieder (?:ansprechen|auf (?:sie|dich) zukommen|melden)|\bals erste[r]? bei (?:ihnen|dir)"
        r"|\bvivier\b|\bconserv(?:er|ons|erons|ee) (?:votre|ton|vos) (?:cv|candidature|profil|dossier)|\bgard(?:ons|erons|er|e) (?:bien entendu )?(?:votre|ton) (?:cv|profil|candidature|contact)|\b(?:vous|te) recontacter\b|\b(?:autres|prochaines|futures?) (?:offres|opportunites|postes)\b|\b(?:postuler|candidater) (?:a nouveau|de nouveau)|\bsuivre nos offres"
        r"|\b(?:guardar|guardaremos|guardamos|conservaremos|conservamos|mantendremos|conservar) (?:tu|su) (?:cv|curriculum|candidatura|perfil)|\bbase de datos\b|\bfuturas? (?:oportunidades|vacantes|posiciones|ofertas|procesos)|\bproximas (?:convocatorias|ofertas|vacantes|oportunidades)|\bvolver a (?:presentar|postular|aplicar|inscribir)\w*|\b(?:otras|nuevas) oportunidades\b|\bseguir (?:\w+ )?(?:nuestras ofertas|nuestro portal)|\bsi (?:la posicion|el puesto|la vacante) se (?:reabre|vuelve a abrir)"
        r"|\b(?:talentpool|wervingsreserve)\b|\b(?:in ons|in onze) (?:bestand|database|talentpool|netwerk)\b|\bbewaren (?:je|uw) (?:cv|gegevens)|\b(?:cv|gegevens)\b(?: \w+){0,5} bewaren\b|\bopnieuw (?:te )?solliciteren|\btoekomstige (?:vacatures|functies|kansen)|\b(?:andere|nieuwe) vacatures\b|\b(?:je|u) (?:\w+ )?(?:te )?benaderen (?:als|wanneer|zodra)|\bopnieuw (?:te )?zien\b"
    ),
    "feedback": re.compile(
        r"\b(?:happy|glad|welcome|able|feel free|like|offered|love) to (?:provide|share|give|offer|ask for|request|reach out for|send|go through|talk through|walk you through|arrange)\b(?: \w+){0,4}? (?:feedback|notes|comments|review)\b|\bfeedback (?:on your|if you|is available|upon request|on request|from the panel)"
        r"|\b(?:if|should) you(?:'d| would)? (?:like|want|wish)\b(?: \w+){0,5}? (?:feedback|more detail|the notes)|\bsend you the notes\b|\b(?:offer|provide|give)s? (?:\w+ )?feedback (?:to|on|about)\b|\b(?:talk|walk) (?:them|it|you) through\b|\b(?:share|give) you (?:their|our|the panel's|some) feedback|\bthe panel's feedback\b|\bgive you their feedback\b|\breviewers' comments\b|\bwritten notes\b"
        r"|\b(?:feedback|ruckmeldung) (?:\w+ ){0,3}?(?:geben|gerne|zu (?:ihrem|deinem|ihren|deinen|den))|\b(?:ausfuhrlichere[sn]?|detailliertes?) (?:feedback|ruckmeldung)|\berzahle (?:ich )?(?:ihnen|dir)|\bunsere[ms]? feedback\b"
        r"|\b(?:retour|feed-?back) (?:detaille|sur (?:votre|ta)|plus complet|personnalise)|\bfaire un retour\b|\bun retour sur (?:votre|ta)"
        r"|\b(?:enviarte|darte|darle|compartir|enviarle) (?:un |una |el |nuestro )?(?:breve )?(?:feedback|retroalimentacion|comentarios)"
        r"|\bterugkoppel(?:ing|en|gesprek)|\bterug te koppelen\b|\b(?:nadere )?toelichting op\b|\breview van je (?:code|opdracht)"
    ),
}
"""Flags of a rejection, matched on the whole text: conditional wording counts here ("if you
would like feedback, reply to this email" still offers feedback), negated wording does not."""
