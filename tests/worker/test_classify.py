"""The classifier on short, hand-written cases: one row per behaviour, hard cases included."""

import pytest

from worker.classify import classify, names
from worker.classify.rules import RULES
from worker.contract import SURE, needs_check
from worker.parse import parse_message
from worker.pipeline import analyze


def label_of(email_factory, subject, text, **kw):
    return classify(parse_message(email_factory(subject, text, **kw)))


CASES = [
    # (label, subject, text)
    ("rejection", "Your application to Acme",
     "Hi Robin,\nThank you for applying. After careful consideration we have decided to move forward with other candidates.\nBest wishes"),
    ("rejection", "Data Analyst at Acme",
     "Hi Robin, thanks for applying for the Data Analyst role. We won't be progressing your application this time. All the best."),
    ("rejection", "Update", "Hello, the position has now been filled. We appreciate your interest and wish you the best in your search."),
    ("rejection", "Ihre Bewerbung", "Sehr geehrte Frau Klein,\nleider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben."),
    ("rejection", "Votre candidature", "Bonjour,\nnous sommes au regret de vous informer que nous ne pouvons pas donner une suite favorable à votre candidature."),
    ("rejection", "Tu candidatura", "Hola Ana,\nlamentablemente hemos decidido continuar con otros candidatos cuyo perfil se ajusta más al puesto."),
    ("rejection", "Je sollicitatie", "Beste Sanne,\nhelaas moeten we je laten weten dat we niet verder gaan met je sollicitatie."),
    ("application_confirmation", "Application received",
     "Thank you for applying! We have received your application and will review it. Unfortunately, due to the volume we cannot respond to every applicant individually."),
    ("application_confirmation", "Thanks for applying",
     "We received your application. If you do not hear from us within four weeks, please consider your application unsuccessful."),
    ("application_confirmation", "An update on your application",
     "We are still reviewing applications for the Product Designer role and will be in touch soon. Thank you for your patience."),
    ("interview_invitation", "Next steps", "Hi Robin, we'd like to invite you to a 30-minute phone screen. Please share your availability for next week."),
    ("interview_invitation", "Your interview", "Unfortunately the 10am slot is no longer available. Could you let us know your availability on Thursday instead so we can reschedule your interview?"),
    ("interview_invitation", "Your application at Acme",
     "Thank you for applying for the Senior PM role. We have decided to move forward with other candidates for that position. "
     "However, we would like to invite you to interview for our Product Manager, Payments role. Please pick a time that suits you."),
    ("offer", "Offer letter", "Dear Robin, we are delighted to offer you the position of Data Analyst. The offer is contingent on a background check and references."),
    ("job_alert", "Jobs you may like", "Jobs you may be interested in based on your profile: Data Analyst - Acme - Remote. View all jobs. Unsubscribe."),
    ("other", "Re: Your application",
     "Thanks for letting me know, could you share any feedback?\n\nOn Mon, 3 Nov 2026 at 10:02, Acme <jobs@acme-corp.com> wrote:\n> Unfortunately we have decided to move forward with other candidates."),
    ("other", "Limited-time offer", "Our limited-time offer ends Sunday: 30% off all plans. Don't miss this exclusive offer!"),
    ("recruiter_outreach", "Opportunity", "Hi Robin, I came across your profile and I'm recruiting for a fintech client. Would you be open to a quick chat? If it isn't a fit, no worries."),
    # Phrase families of a declined application, one case each, in the five languages.
    ("rejection", "Your application to Acme", "Hi Robin, thanks for applying to the Designer role. Your application has been declined, as we need someone with print experience."),
    ("rejection", "Acme - Sales Lead", "Hey Robin, good to talk yesterday. After a chat with our CEO we'll stop here for the Sales Lead role. Thanks for your time."),
    ("rejection", "Analyst at Acme", "Dear Robin, having read your CV, your experience does not fully match the requirements of the Analyst role. Kind regards"),
    ("rejection", "Engineer at Acme", "Hello Robin, thank you for interviewing with us. We have identified candidates whose experience more closely matches the team's needs."),
    ("rejection", "Ihre Bewerbung", "Guten Tag, nach Abwägung haben wir uns für eine/n andere/n Bewerber/in entschieden. Alles Gute für Ihre Stellensuche."),
    ("rejection", "Deine Bewerbung", "Hi Mia, danke für deine Bewerbung als Redakteurin. Wir gehen mit Bewerber:innen weiter, die schon ein Team geleitet haben."),
    ("rejection", "Ton exercice", "Salut, merci pour ton exercice pour le poste. On ne va pas te proposer l'entretien suivant, il manquait des tests."),
    ("rejection", "Votre candidature", "Madame, merci pour votre candidature au poste d'assistante. Nous avons fait le choix d'un autre profil et le processus s'arrête ici pour vous."),
    ("rejection", "Lo del jueves", "Hola Pablo, gracias por la jornada de prueba para el puesto de camarero. Al final nos quedamos con otra persona. ¡Suerte!"),
    ("rejection", "Tu postulación", "Hola Martín, tras revisar tu currículum para la vacante, tu postulación ha sido rechazada. Éxito en tu búsqueda."),
    ("rejection", "Uitslag test", "Beste Noor, je score op de test voor de functie ligt onder de grens. Daarmee eindigt de selectieprocedure voor jou en ontvang je geen uitnodiging."),
    ("rejection", "Uw sollicitatie", "Beste heer Peeters, na het lezen van uw cv voor de functie hebben wij beslist om uw kandidatuur niet verder te zetten."),
    ("application_confirmation", "Tu postulación", "Hola Andrés, tu postulación al puesto sigue activa y no ha sido descartada. Seguimos revisando candidaturas y te escribiremos pronto."),
    # Offers, invitations, confirmations, alerts and outreach worded without the usual keywords.
    ("offer", "Your start", "Hi Kim, you got the job! Your first day with us will be Monday 2 March; please sign the contract before then."),
    ("offer", "Dein Start", "Hallo Tom, für die Vertragsunterschrift sehen wir uns am Montag. Dein erster Arbeitstag ist dann der 1. April."),
    ("offer", "Welkom", "Beste Sanne, fijn dat je bij ons aan de slag gaat als verpleegkundige. Je eerste werkdag is maandag; welkom in het team!"),
    ("interview_invitation", "Evaluación", "Estimado Juan, para avanzar en el proceso de selección para el puesto le pedimos que complete una evaluación en línea antes del viernes."),
    ("interview_invitation", "Update on your application", "Hi Lee, thanks for completing the assessment. We would like to discuss your approach in more detail."),
    ("interview_invitation", "Votre candidature", "Bonjour, votre profil nous intéresse et nous souhaitons échanger avec vous. Pouvez-vous nous rappeler afin de convenir d'un rendez-vous ?"),
    ("application_confirmation", "Application", "Your application for the Analyst role was submitted successfully. We will keep you updated on the status of your application."),
    ("application_confirmation", "Je inschrijving", "Hoi Noor, je inschrijving is binnen! We checken je profiel binnen twee werkdagen."),
    ("job_alert", "Jobs for you", "Based on your recent searches, we found some positions that might interest you: Data Engineer at Kestrel, QA Engineer at Corvid."),
    ("recruiter_outreach", "Opportunité", "Bonjour, je me permets de vous contacter pour une opportunité qui pourrait vous intéresser chez un de nos clients."),
    # Kinds of real mail the earlier phrases missed (labels-5): offers without "offer", receipts,
    # invitations and outreach worded the other way round, and receipts of things that are no job.
    ("offer", "Tallyho", "hey Ana, the team met and we want you as our first Support Lead. Paperwork is coming from HR today - can you start on the 3rd?"),
    ("offer", "Ihre Bewerbung", "Sehr geehrte Frau Lang, wir möchten Sie sehr gerne als Disponentin einstellen und schicken Ihnen den Vertrag per Post zu."),
    ("offer", "Ref 4410", "Dear Kai, the panel has recommended your appointment. Please confirm in the portal whether you accept; if you decide not to take it up we will approach the reserve candidate."),
    ("application_confirmation", "Deine Bewerbung", "Hallo Jan, deine Unterlagen für die Stelle als Koch liegen uns vor. Wir melden uns nächste Woche bei dir."),
    ("application_confirmation", "Ta candidature", "Coucou Léa, ta candidature pour le poste de serveuse nous est bien parvenue, on te tient au courant !"),
    ("interview_invitation", "Candidature", "Bonjour, pourriez-vous nous appeler afin que nous fixions ensemble une date pour un entretien ?"),
    ("interview_invitation", "Sollicitatie", "Hoi Tim, we maken graag kennis met je op kantoor. Kun je dinsdag om 10 uur?"),
    ("recruiter_outreach", "Anfrage", "Guten Tag Herr Roth, ich betreue die Suche nach einer Leitung Einkauf. Ihr Werdegang passt aus meiner Sicht sehr gut. Hätten Sie Zeit für ein vertrauliches Telefonat?"),
    ("rejection", "Your interview", "Hi Jo, thanks for meeting the team. You won't be moving on to the second round for the Analyst role."),
    ("rejection", "Uitslag", "Beste Tom, de uitslag van het assessment voor de functie is helaas onvoldoende om je door te laten naar de volgende ronde."),
    ("other", "We received your proposal", "Thanks for submitting your talk to our conference! Your proposal is in review and the program team will send decisions in May."),
    ("other", "Re: quote", "Hi Paul, thanks for your request for 200 mugs. I've passed it to our production team and will get back to you with a quote by Friday."),
]


@pytest.mark.parametrize(("expected", "subject", "text"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_label(email_factory, expected, subject, text):
    """Each case gets its label, with evidence for it."""
    result = label_of(email_factory, subject, text)
    assert result.label == expected, result.reasons
    if expected != "other":
        assert any(e.label == expected for e in result.evidence)


def test_newsletter_quoting_a_rejection_is_not_a_rejection(email_factory):
    """Rejection phrases inside quotation marks in a job-board newsletter do not count."""
    text = ('How to bounce back from "Unfortunately, we have decided to move forward with other candidates."\n'
            "Five coaches share what helped. Jobs you may like: Analyst at Acme. Unsubscribe")
    result = label_of(email_factory, "Career tips this week", text, sender="LinkedIn <editors-noreply@linkedin.com>",
                      headers={"List-Unsubscribe": "<https://linkedin.com/u>"})
    assert result.label == "job_alert"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Thank you for taking the time to interview with us. We have decided to move forward with other candidates.", "interview"),
        ("Thank you for completing the coding challenge. Unfortunately we will not be progressing your application.", "assessment"),
        ("We have reviewed your application and unfortunately will not be moving forward with your candidacy.", "application"),
        ("We won't be inviting you to interview; we have decided to move forward with other candidates.", "application"),
        ("We appreciate your time for the interview last week. We have decided to proceed with other candidates.", "interview"),
        ("Thank you for applying and speaking with us about the role. We have decided to proceed with other candidates.", "interview"),
        ("Bedankt voor het maken van de capaciteitentest voor de functie. Je score is te laag, daarmee eindigt de procedure voor jou.", "assessment"),
        ("Thank you for taking part in our selection process for the Analyst position. We have decided to move forward with other candidates.", "unknown"),
        ("We appreciate the time you invested in the application and interview process. We have chosen to move forward with another candidate.", "interview"),
        ("Na zorgvuldige overweging hebben we besloten om niet verder te gaan met je aanmelding voor deze vacature.", "application"),
    ],
)
def test_rejection_stage(email_factory, text, stage):
    """The stage follows the clues of the email: past interviews, tests, or the CV review."""
    result = label_of(email_factory, "Update", text)
    assert (result.label, result.stage) == ("rejection", stage)


def test_rejection_flags(email_factory):
    """Keeping the CV on file and offering feedback are flagged; their absence is not."""
    flagged = label_of(email_factory, "Update", "Unfortunately we have decided to move forward with other candidates. "
                       "We will keep your details on file for future opportunities, and I'm happy to share feedback if you'd like.")
    plain = label_of(email_factory, "Update", "Unfortunately we have decided to move forward with other candidates.")
    assert flagged.keeps_on_file and flagged.offers_feedback
    assert not plain.keeps_on_file and not plain.offers_feedback


def test_classification_is_deterministic_and_explained(email_factory):
    """The same message gives the same result every time, with reasons naming the words."""
    raw = email_factory("Update", "We regret to inform you that you have not been selected.")
    first, second = classify(parse_message(raw)), classify(parse_message(raw))
    assert first == second
    assert first.label == "rejection" and 0.5 < first.confidence <= 1.0
    assert any("regret to inform" in r for r in first.reasons)


def test_a_friends_are_you_free_is_not_an_interview_invitation(email_factory):
    """A soft proposal with no word of the job search is personal mail; the same words from a recruiter about a role still invite."""
    assert label_of(email_factory, "Dinner on Friday?", "Hi! Are you free for dinner on Friday? We could try the new place.",
                    sender="Alex <alex@example.org>").label == "other"
    assert label_of(email_factory, "Your application", "Thanks for your application for the analyst role. Are you free on Friday "
                    "for a 30-minute interview with the team?", sender="Jo at Acme <jo@acme-corp.com>").label == "interview_invitation"


def test_rule_names_the_code_refers_to_exist():
    """Every rule name the decision looks up names a rule; evidence the classifier adds itself never shadows one."""
    rule_names = {r.name for r in RULES}
    assert set(names.RULE_NAMES) <= rule_names
    assert not set(names.DERIVED_NAMES) & rule_names
    assert len(rule_names) == len(RULES)


def test_only_sure_rejections_are_told_as_rejections():
    """Below SURE a rejection is only "Please check"; other labels never need the check."""
    assert needs_check("rejection", SURE - 0.01) and not needs_check("rejection", SURE)
    assert not needs_check("other", 0.1)


HARD_NEGATIVES = [
    # (subject, text): rejection words about something other than a job, or no employer's no at all.
    ("Your talk proposal", "Thank you for submitting a talk to our conference. We regret to inform you that your proposal was not selected for the programme."),
    ("Kreditanfrage", "Sehr geehrter Herr Ott, leider müssen wir Ihnen mitteilen, dass wir Ihren Kreditantrag nach sorgfältiger Prüfung ablehnen."),
    ("Ihre Anfrage zur Wohnung", "Vielen Dank für Ihr Interesse an der Wohnung. Wir haben uns für einen anderen Bewerber entschieden."),
    ("Votre réservation", "Nous sommes au regret de vous informer que nous ne pouvons pas donner une suite favorable à votre demande de réservation."),
    ("Leave request", "Unfortunately your leave request for the first week of May has been declined, the team calendar is full."),
    ("Order cancelled", "Unfortunately we had to cancel your order, the item is no longer available. Your refund is on its way."),
    ("Besluit over uw aanvraag", "Na beoordeling van uw leningaanvraag moeten we u helaas mededelen dat we uw financieringsaanvraag niet kunnen goedkeuren. Ons team helpt u graag."),
    ("Abgelehnt: Interview debrief", "Ihr Kalender: die Einladung zum Interview-Debrief am Freitag wurde abgelehnt."),
]


@pytest.mark.parametrize(("subject", "text"), HARD_NEGATIVES)
def test_rejections_of_other_things_are_not_rejections(email_factory, subject, text):
    """A declined talk, loan, flat, booking, leave or order is never a job rejection."""
    assert label_of(email_factory, subject, text).label != "rejection"


def test_rejection_of_a_course_place_is_never_sure(email_factory):
    """Declining words about a place on a course are at most a rejection to check, never a sure one."""
    result = label_of(email_factory, "Your application", "Dear Sam, we regret to inform you that your application to the degree "
                      "programme has not been successful. The admissions team wishes you well.")
    assert result.label != "rejection" or needs_check(result.label, result.confidence)


def test_candidate_withdrawing_is_not_a_rejection(email_factory):
    """The user withdrawing because they accepted another offer is not the employer's no."""
    text = "Hi Harriet, after a lot of thought I have decided to accept another offer, so I would like to withdraw my application. Sam"
    assert label_of(email_factory, "Re: Next steps", text).label != "rejection"


def test_candidates_own_decline_is_not_a_rejection(email_factory):
    """The user turning down an offer is not the employer saying no."""
    text = "Hi Dana, thank you so much for the offer. After a lot of thought I have decided to decline it, as I accepted another role. Best, Robin"
    assert label_of(email_factory, "Re: Offer", text).label != "rejection"


def test_merged_pull_request_and_medical_reminder_are_everyday(email_factory):
    """A merged pull request and a doctor's appointment reminder are not job mail."""
    merged = label_of(email_factory, "Fix typo in docs (#42)", "Merged #42 into main. Thanks for your contribution!",
                      sender="Bot <notifications@github.com>")
    reminder = label_of(email_factory, "Rappel de votre rendez-vous", "Bonjour, nous vous rappelons votre rendez-vous chez le Dr Martin "
                        "demain à 9h30 au cabinet médical. En cas d'empêchement, merci de prévenir le secrétariat.",
                        sender="Cabinet médical <rdv@cabinet-martin.example>")
    assert merged.label == "other"
    assert reminder.label == "other"


def test_gate_settles_a_mailing_list_post_from_headers(email_factory):
    """A discussion-list post is settled from its headers, with the list as the evidence."""
    raw = email_factory("[dev] patch v2: faster folder scans", "Here is the second version of the patch.", sender="Kim <kim@example.net>",
                        headers={"List-Id": "<dev.lists.example.org>", "Precedence": "list"})
    analysis = analyze(raw)
    assert analysis.classification.label == "other"
    assert analysis.classification.evidence[0].rule == names.MAILING_LIST


def test_job_looking_list_mail_goes_on_to_classification(email_factory):
    """A list header does not settle mail whose subject names an application."""
    raw = email_factory("Your application for Data Analyst", "Unfortunately we have decided to move forward with other candidates "
                        "for the Data Analyst position.", headers={"List-Id": "<jobs.example.org>"})
    assert analyze(raw).classification.label == "rejection"


def test_plain_application_rejection_is_application_stage(email_factory):
    """A no that speaks only of the application, with no interview or test, came at the application stage."""
    result = label_of(email_factory, "Your application", "Thank you for your application for the Designer position. "
                      "Unfortunately we have decided to move forward with other candidates.")
    assert (result.label, result.stage) == ("rejection", "application")


@pytest.mark.parametrize("text", [
    "Thanks for coming in for the trial shift. We've filled the Barista role now, all the best.",
    "Thanks for the phone screen. The team has chosen to head in a different direction for the Analyst position.",
    "Thank you for the interview. We won't be scheduling a next conversation for the Designer role.",
    "Your test results came in below the level we need for the Graduate role, so your application ends here.",
    "Danke für den Probetag! Wir haben uns für jemanden entschieden, der mehr Erfahrung hat, für die Stelle im Service.",
    "Merci pour l'entretien. Ce ne sera pas pour cette fois sur le poste de designer.",
])
def test_rejections_without_the_usual_words_are_rejections(email_factory, text):
    """Rejection families that avoid "unfortunately" and "reject" are still read as rejections."""
    assert label_of(email_factory, "Update", text).label == "rejection"


def test_hard_wrapped_sentence_is_read_whole(email_factory):
    """A sentence broken over lines (hard-wrapped text, <br> mid-sentence) is matched as one sentence."""
    text = "Thank you for interviewing for the Engineer role. After much deliberation we have decided to move\nforward with another\ncandidate."
    assert label_of(email_factory, "Engineer role", text).label == "rejection"


def test_policy_note_about_candidates_in_general_is_not_job_mail(email_factory):
    """An HR note saying what happens to candidates in general neither rejects nor confirms the reader."""
    text = ("From 1 November every interview panel must include two trained interviewers. "
            "Candidates who are not progressed should hear from us within a week.")
    assert label_of(email_factory, "Updated recruitment policy", text).label == "other"


@pytest.mark.parametrize(
    ("subject", "text", "stage"),
    [
        ("Next step: your coding exercise",
         "Hi Sam,\nThanks for applying to Pellucid Labs. The next step is a short online exercise: please complete the "
         "assessment within five days using the link below. It takes about an hour.\nBest,\nPellucid Recruiting", "assessment"),
        ("Interview invitation",
         "Hi Sam,\nThanks for applying to Pellucid Labs. We would like to invite you to an interview with our team lead. "
         "Could you let us know your availability next week?\nBest,\nPellucid Recruiting", "interview"),
    ],
)
def test_an_invitation_says_whether_it_is_to_a_test_or_a_conversation(email_factory, subject, text, stage):
    """A test to take is an assessment step (the application moves to Assessment), a conversation an interview."""
    result = label_of(email_factory, subject, text)
    assert (result.label, result.stage) == ("interview_invitation", stage)


BETWEEN_LABELS = [
    # (subject, text): rejections whose other words read like a receipt, an invitation or a status page.
    ("Platform Engineer", "Hi Kim, thanks for applying. After reading your application we feel other applicants are a closer match for the Platform Engineer role."),
    ("Platform Engineer", "Hi Kim, thank you for the call on Monday. We will not be moving to the next round with you for the Platform Engineer role."),
    ("Platform Engineer", "Hi Kim, we have now decided on the Platform Engineer role and I'm afraid the decision was not in your favour."),
    ("Platform Engineer", "Hi Kim, thanks for your application. The Platform Engineer role has now gone to another applicant, so we are closing the advert."),
    ("Platform Engineer", "Hi Kim, we read every application for the Platform Engineer job and have to say no to you this time."),
    ("Application update", "Role: Platform Engineer\nStatus: Closed - not selected\nThank you for your interest."),
    ("Ihre Bewerbung", "Hallo Kim, danke für Ihre Bewerbung als Entwicklerin. Wir haben uns für andere Bewerbende entschieden."),
    ("Ihre Bewerbung", "Hallo Kim, Ihr Bewerbungsstatus: abgelehnt. Stelle: Entwicklerin."),
    ("Votre candidature", "Bonjour Kim, merci pour votre candidature au poste de développeuse. Nous avons choisi de poursuivre le recrutement avec d'autres candidats."),
    ("Tu candidatura", "Hola Kim, gracias por tu candidatura al puesto de desarrolladora. Hemos decidido avanzar con candidatos que tienen más experiencia."),
    ("Je sollicitatie", "Hoi Kim, bedankt voor je sollicitatie als ontwikkelaar. Helaas nodigen we je niet uit voor een gesprek."),
]


@pytest.mark.parametrize(("subject", "text"), BETWEEN_LABELS)
def test_rejections_between_labels_are_rejections(email_factory, subject, text):
    """A no said in so many words is a rejection whatever receipt, meeting or status words surround it."""
    result = label_of(email_factory, subject, text)
    assert result.label == "rejection", result.reasons


NEAR_REJECTIONS = [
    # (expected, subject, text): receipts and invitations with words of a no that is not given.
    ("application_confirmation", "Application received", "Dear Kim, thank you for applying for the Platform Engineer role. If you have not heard from us within three weeks, please assume your application was unsuccessful."),
    ("interview_invitation", "Interview", "Hi Kim, sorry, the Monday slot has gone. Could we move your interview for the Platform Engineer role to Thursday at 15:00 instead?"),
    ("interview_invitation", "Ihr Gespräch", "Hallo Kim, leider ist unser Teamleiter am Montag krank. Können wir das Vorstellungsgespräch für die Stelle als Entwicklerin auf Mittwoch, 10 Uhr, verschieben?"),
    ("interview_invitation", "Je gesprek", "Hoi Kim, helaas kan onze manager dinsdag niet. Kunnen we je sollicitatiegesprek voor de functie van ontwikkelaar verplaatsen naar vrijdag om 9:00?"),
]


@pytest.mark.parametrize(("expected", "subject", "text"), NEAR_REJECTIONS)
def test_words_of_a_no_not_given_do_not_make_a_rejection(email_factory, expected, subject, text):
    """A receipt saying what silence would mean, or an interview moved "unfortunately", is not a rejection."""
    result = label_of(email_factory, subject, text)
    assert result.label == expected, result.reasons


def test_a_no_beside_meeting_words_is_asked_unless_a_next_step_is_offered(email_factory):
    """Meeting words that offer no next step in so many words do not outweigh a no said in a phrase."""
    text = ("Hi Kim, thanks for the interview for the Platform Engineer role. It didn't work out this time. "
            "As a next step, your profile goes to our talent pool.")
    result = label_of(email_factory, "Platform Engineer", text)
    assert result.label == "rejection" and needs_check(result.label, result.confidence), result.reasons
