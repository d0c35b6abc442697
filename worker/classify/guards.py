"""Guards: patterns that say a rule's words are not meant as said.

A rejection phrase in a conditional sentence ("if you do not hear from us..."), negated, about
an earlier application or a friend's story does not count; meeting words only invite when the
message is about a hiring process and not about someone else's next round.
"""

import re

NEGATION = re.compile(
    r"(?:\bnot|n't|\bnever|\bunable to|\bno longer|\bnicht|\bkeine?n?|\bpas|\bni|\bno|\bniet|\bgeen|\bwithout|\bohne|\bsans|\bsin)\b[^.!?\n]{0,30}$"
)
"""Whether the words just before a match negate it ("will not be inviting you to...")."""

CONDITIONAL = re.compile(
    r"\b(?:she|he|my friend)(?:'ve| have| had)? (?:just |finally )?(?:decided|said|told|went|chose|wrote|replied)\b"
    r"|^(?:then|dann|alors|entonces|dan)\b"
    r"|^(?:if|should|unless|in case|in the event|falls|sollten|sollte|wenn|si|en caso|en el caso|caso de|als|indien|mocht|mochten|wanneer|zodra)\b"
    r"|\bif (?:you|we) (?:do not|don't|have not|haven't|did not|didn't|are not|aren't)|\bshould you not\b|\bif you haven't heard|\bif you have not heard"
    r"|\b(?:if|should|unless|in case|falls|si|als|indien) (?:you|sie|du|vous|tu|usted|je|u) (?:\w+ ){0,2}?(?:decide|choose|prefer|wish|want|opt|entscheiden|entscheidest|decidez|decides|decide|besluit|besluiten)s? (?:not|to not|nicht|de ne pas|no|niet)\b"
    r"|\b(?:cannot|can't|unable to|not able to|can not|impossible to|not possible to) (?:personally |individually )?(?:respond|reply|answer|get back|provide (?:individual |personal )?feedback|give (?:individual |personal )?feedback)(?: to)? (?:every|each|all|individually|personally)"
    r"|\b(?:respond|reply|answer) (?:to )?(?:every|each|all) (?:applicant|application|candidate)s?"
    r"|\bfalls (?:sie|du) (?:\w+ ){0,4}(?:nichts|keine)|\bwenn (?:sie|du) (?:\w+ ){0,4}(?:nichts|keine)|\bnicht (?:jede|allen|jedem) (?:\w+ ){0,3}(?:beantworten|antworten|ruckmeldung)|\bnicht (?:individuell|personlich|einzeln) (?:\w+ ){0,3}(?:beantworten|antworten)"
    r"|\bsi (?:vous |tu )?(?:n'avez|n'as|ne recevez|ne recois|n'etes|n'obtenez)|\bsans (?:nouvelles|reponse|retour) de (?:notre|nous)|\b(?:pas|ne) (?:\w+ ){0,3}(?:repondre|revenir) (?:a chaque|individuellement|a toutes|personnellement|a tous)"
    r"|\bsi no (?:recibes|recibe|has recibido|ha recibido|te contactamos|le contactamos|tienes noticias|tiene noticias)|\bno (?:podemos|podremos) (?:\w+ ){0,2}(?:responder|contestar) (?:a todas|individualmente|a cada|personalmente)"
    r"|\bals (?:je|u) (?:\w+ ){0,4}(?:niets|geen)|\bniet (?:iedereen|elke sollicitatie|alle sollicitanten|ieder) (?:\w+ ){0,3}(?:persoonlijk|individueel)?"
    r"|^(?!.*\byour?\b).*\b(?:candidates|applicants|anyone|those|people|employees|staff) (?:who|that|whose (?:\w+ )?(?:is|are)) (?:are|were|have been|has been|is|do|did|will)(?: not|n't) (?:be )?(?:progressed|progressing|selected|successful|shortlisted|invited|hired|moving forward|taken forward)\b"
    r"|\bsi (?!bien\b)(?:\w+ ){0,2}?no\b|\bincomplete (?:applications|submissions)|\bunvollstandige bewerbungen|\b(?:candidatures|dossiers) incompletes|\b(?:candidaturas|solicitudes|postulaciones) incompletas|\bonvolledige (?:sollicitaties|kandidaturen)"
)
"""Sentences whose rejection words describe a possibility or a capacity, not a decision
(including the rule that "incomplete applications cannot be considered")."""

EARLIER = re.compile(
    r"\b(?:back then|last year|a year ago|damals|letztes jahr|vor (?:gut |etwa |knapp )?einem jahr|urspr[u]nglich"
    r"|a l'epoque|l'an dernier|l'annee derniere|en (?:su|aquel) momento|el ano pasado|hace un ano"
    r"|destijds|toen (?:viel|koos|kozen|ging|gingen|werd)|vorig (?:jaar|voorjaar|najaar)|vorige (?:zomer|winter|keer))\b"
)
"""Sentences about an earlier application's outcome: a recruiter recalling last year's no
before pitching a new role."""

THEY_DECIDED = re.compile(r"\bthey(?:'ve| have| had)? (?:just |finally )?(?:decided|said|told|went|chose|wrote|replied)\b")
"""A decision told about a third party ("they decided to go with someone else"): a friend's
story unless the message relays an employer's answer (see ``_RELAYED``)."""

RELAYED = re.compile(
    r"\b(?:the|my|our) client\b|\bgot off the phone with\b|\b(?:sent|submitted|put|passed) your (?:cv|profile|details|application) (?:\w+ )?(?:over )?to\b|\bgot their (?:response|answer|reply|decision)\b|\bheard back from (?:[\w&-]+ ){1,4}?(?:about|regarding|re|on) your\b|\b(?:heard|had|got|received) (?:back |some )?(?:feedback )?from (?:the )?(?:client|hiring manager|hiring team)\b|\btheir feedback\b"
    r"|\bthe (?:hiring |interview |recruiting )?(?:team|panel|hiring manager|interviewers|committee) (?:felt|feels|agreed|concluded|thought|decided|has decided|have decided|discussed|met)\b"
    r"|\b(?:der|mein|unser) (?:kunde|mandant)\b|\b(?:le|mon|notre) client\b|\b(?:el|mi|nuestro) cliente\b|\b(?:de|mijn|onze) (?:klant|opdrachtgever)\b"
)
"""A recruiter passing on a client's decision: then "they" are the employer, and their no counts."""

IF_SELECTED = re.compile(
    r"\b(?:if|should|once|when|in case) (?:you are|you're|your (?:application|profile|experience) (?:is|are)|you get|we decide|you have been|you've been|you were|selected) ?(?:selected|shortlisted|successful|chosen|invited|progressed|suitable|a match)?"
    r"|\bif (?:your|you|we) (?:\w+ ){0,4}(?:match|fit|meet|suitable|interested in (?:moving|progressing))|\bfalls (?:\w+ ){0,6}(?:passt|passen|interessant|infrage|uberzeugt)"
    r"|\bsi (?:votre|ton) (?:profil|candidature) (?:correspond|retient|est retenu)|\b(?:si|en caso de que|siempre que) (?:tu|su) (?:perfil|candidatura) (?:encaja|se ajust|es seleccionad|resulta|result|encaj|cumpl)|\bals (?:je|uw|jouw) (?:profiel|sollicitatie) (?:past|aansluit)|\b(?:als|indien|wanneer|zodra) (?:je|u|jij) (?:\w+ )?(?:geselecteerd|uitgekozen|door bent|doorgaat)"
    r"|\bif (?:we|you)(?:'d| would| decide to| want to| choose to| wish to)? (?:like to )?(?:move|moving|proceed|progress|take (?:it|things|your)|invite|go ahead)\b|\b(?:whether|either way|or not|of niet|ou non|o no|oder nicht)\b"
    r"|\b(?:who|anyone|everyone|whoever|someone) (?:is |are |will be |gets? |would be )?(?:invited|selected|shortlisted|progressed)\b|\bbefore (?:anyone|we invite|inviting)\b"
    r"|\b(?:will|'ll|shall) (?:\w+ ){0,6}?(?:contact|reach out to|get in touch with|email|call) you\b(?: [\w-]+){0,4}? to (?:schedule|arrange|set up|book|organi[sz]e)\b"
)
"""Sentences that describe what would happen if the user were chosen: not an invitation yet."""

PROMISE_START = re.compile(r"(?:if|should|once|when|in case|si|als|falls|en caso|siempre|indien|wanneer|zodra)\b")
"""How a sentence that promises a meeting for later begins."""

NOT_FOR_YOU = re.compile(
    r"feedback|ruckmeldung|retour|retroalimentacion|terugkoppeling|comentarios"
    r"|\b(?:onvoldoende|insufficient|not (?:strong|high|good) enough|nicht ausreichend|insuffisante?s?|insuficientes?)\b"
    r"|\b(?:other|andere|anderen|d'autres|otros|otras) (?:candidates|applicants|kandidaten|kandidat|bewerber|candidats|candidatos|candidatas|sollicitanten)"
    r"|\b(?:go|going|talk|walk) (?:you )?through (?:their|the|our|my|his|her|your) (?:\w+ )?(?:comments|notes|thoughts|reasoning|scores?|results?|decision)"
    r"|\b(?:other|andere|anderen|autres|otras|otros) (?:\w+ )?(?:briefs|roles|positions|opportunities|openings|vacancies|mandate|mandaten|stellen|postes|missions|vacatures|vacantes|oportunidades)\b"
)
"""Sentences where meeting words are not an invitation: a call offered to give feedback or to
go through the comments, other candidates invited to the next round, or a recruiter's call
about other roles after a no."""

OWN_APPLICATION = re.compile(
    r"\b(?:your|ihre|deine|votre|ta|tu|su|je|jouw|uw) (?:\w+ )?(?:application|candidacy|bewerbung|candidature|candidatura|postulacion|solicitud|sollicitatie)\b"
)
"""A job board's mail about the user's own application (not its newsletter or alert)."""

MEETING_CONTEXT = re.compile(
    r"\b(?:interview\w*|role|position|application|candidate|candidacy|recruit\w*|hiring|talent|careers?|jobs?|itinerary|cv|resume|round|panel"
    r"|stelle|bewerbung|kennenlernen|\w*gesprach\w*|poste|candidature|entretien|puesto|candidatura|entrevista|vacature|sollicitatie|functie|\w*gesprek\w*)\b"
)
"""Words of a hiring process: a meeting link or a time slot only hints at an interview in a
message that has one (not in a calendar invitation to a team's weekly sync)."""

JOB_SEARCH_WORDS = re.compile(
    r"\b(?:interview\w*|position|role|application|applied|candida\w*|recruit\w*|hiring|job|vacanc\w*|opportunit\w*|cv|resume|"
    r"talent|career\w*|bewerbung|stelle|gesprach|entretien|poste|entrevista|puesto|sollicit\w*|functie|gesprek|vacature)\b")
"""Words of the job search: without any, a soft proposal ("are you free on Friday?") is not an invitation."""
