package de.grantflow.application;

import de.grantflow.money.Euro;
import de.grantflow.letters.Court;
import de.grantflow.letters.LetterBody.DocumentRequest;
import de.grantflow.letters.LetterBody.EarlyStartConsent;
import de.grantflow.letters.LetterBody.GrantDecision;
import de.grantflow.letters.LetterBody.Hearing;
import de.grantflow.letters.LetterBody.Lapse;
import de.grantflow.letters.LetterBody;
import de.grantflow.letters.LetterContent;
import de.grantflow.letters.LetterHeader;
import de.grantflow.letters.LetterService;
import de.grantflow.letters.LetterType;
import de.grantflow.letters.LetterBody.Receipt;
import de.grantflow.letters.LetterBody.Rejection;
import de.grantflow.letters.LetterBody.Reminder;
import de.grantflow.letters.Sender;
import de.grantflow.letters.StoredLetter;
import de.grantflow.programme.Authority;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Puts together the letter of a step from the case, its programme and the applicant, and has it issued once. */
@Component
class CaseLetters {

    private final LetterService letters;
    private final ProgrammeCatalog programmes;
    private final MunicipalityRegister register;
    private final EarlyStartRepository earlyStarts;
    private final Clock clock;

    CaseLetters(LetterService letters, ProgrammeCatalog programmes, MunicipalityRegister register,
            EarlyStartRepository earlyStarts, Clock clock) {
        this.letters = letters;
        this.programmes = programmes;
        this.register = register;
        this.earlyStarts = earlyStarts;
        this.clock = clock;
    }

    StoredLetter issue(Application application, String stepKey, LetterType type) {
        Programme programme = programmes.get(application.programmeKey());
        Municipality municipality = register.get(application.municipalityAgs());
        LetterContent content = new LetterContent(header(application, programme, municipality),
                body(type, application, programme, municipality));
        return letters.issue(application.id(), stepKey, content);
    }

    /** A letter whose body the caller put together (the steps after the grant). */
    StoredLetter issue(Application application, String stepKey, LetterBody body) {
        Programme programme = programmes.get(application.programmeKey());
        Municipality municipality = register.get(application.municipalityAgs());
        return letters.issue(application.id(), stepKey,
                new LetterContent(header(application, programme, municipality), body));
    }

    private LetterHeader header(Application application, Programme programme, Municipality municipality) {
        Authority authority = programme.authority();
        Sender sender = new Sender(authority.name(), authority.unit(), authority.street(), authority.postalCode(),
                authority.city(), authority.phone(), authority.email(), authority.website(), authority.clerkName());
        List<String> address = Stream.of(municipality.displayName(),
                        contact(application), application.text("street"),
                        join(application.text("postalCode"), application.text("city")))
                .filter(Objects::nonNull).filter(s -> !s.isBlank()).toList();
        LocalDate applicationDate = application.submittedAt() == null ? null
                : ApplicationService.today(application.submittedAt());
        return new LetterHeader(sender, address, application.reference().value(), applicationDate,
                ApplicationService.today(clock.instant()), programme.name(), application.text("projectTitle"));
    }

    private LetterBody body(LetterType type, Application application, Programme programme,
            Municipality municipality) {
        Assessment assessment = application.assessment();
        BigDecimal requested = application.amount("requestedAmount");
        return switch (type) {
            case RECEIPT -> new Receipt(ApplicationService.today(application.submittedAt()), requested);
            case REQUEST_FOR_DOCUMENTS -> new DocumentRequest(assessment.missingDocuments(), assessment.documentsDue());
            case REMINDER -> new Reminder("die mit Schreiben vom angeforderten Unterlagen ("
                    + String.join(", ", assessment.missingDocuments()) + ")", assessment.documentsDue());
            case LAPSE -> new Lapse(assessment.missingDocuments(), assessment.documentsDue());
            case HEARING -> new Hearing(intendedDecision(assessment, requested), reasons(assessment, requested),
                    requested, assessment.approves() ? assessment.proposedAmount() : null, assessment.hearingDue());
            case GRANT_DECISION -> grantDecision(application, programme, municipality, requested);
            case REJECTION -> new Rejection(legalBasis(programme), rejectionReasons(assessment, requested),
                    court(programme));
            default -> throw new IllegalArgumentException("Das Schreiben " + type + " setzt der Schritt selbst"
                    + " zusammen");
        };
    }

    private GrantDecision grantDecision(Application application, Programme programme, Municipality municipality,
            BigDecimal requested) {
        BigDecimal granted = application.grantedAmount();
        boolean partial = granted.compareTo(requested) < 0;
        BigDecimal eligibleCosts = application.amount("totalCosts");
        List<EarlyStartRequest> requests = earlyStarts.of(application.id());
        EarlyStartConsent consent = EarlyStartRequest.agreed(requests).map(r -> new EarlyStartConsent(r.startOn(),
                ApplicationService.today(r.decidedAt()))).orElse(null);
        return new GrantDecision(municipality.displayName(), granted,
                programme.letterTexts().purposeFor(application.text("projectTitle")),
                EarlyStartRequest.fundingStart(LocalDate.parse(application.text("projectStart")), requests),
                LocalDate.parse(application.text("projectEnd")),
                programme.financing().describe(), eligibleCosts, legalBasis(programme),
                programme.letterTexts().payoutAndProof(), programme.letterTexts().ancillaryProvisions(),
                court(programme), partial,
                partial ? application.assessment().justification() : null, consent);
    }

    private static String intendedDecision(Assessment assessment, BigDecimal requested) {
        if (!assessment.approves()) {
            return "Ihren Antrag abzulehnen";
        }
        return "Ihnen statt der beantragten " + Euro.format(requested) + " nur eine Zuwendung in Höhe von "
                + Euro.format(assessment.proposedAmount()) + " zu bewilligen";
    }

    private static List<String> reasons(Assessment assessment, BigDecimal requested) {
        List<String> reasons = new ArrayList<>();
        if (Boolean.FALSE.equals(assessment.eligible()) && assessment.eligibilityReason() != null) {
            reasons.add(assessment.eligibilityReason());
        }
        if (assessment.justification() != null && !assessment.justification().isBlank()) {
            reasons.add(assessment.justification());
        }
        if (assessment.decisionComment() != null && !assessment.decisionComment().isBlank()) {
            reasons.add(assessment.decisionComment());
        }
        if (reasons.isEmpty()) {
            reasons.add("Die Prüfung Ihres Antrags über " + Euro.format(requested)
                    + " hat ergeben, dass die Fördervoraussetzungen nicht erfüllt sind.");
        }
        return reasons;
    }

    private static List<String> rejectionReasons(Assessment assessment, BigDecimal requested) {
        List<String> reasons = new ArrayList<>(reasons(assessment, requested));
        String statement = assessment.hearingStatement();
        if (statement == null) {
            reasons.add("Sie haben sich innerhalb der Anhörungsfrist nicht geäußert.");
        } else {
            reasons.add("Ihre Stellungnahme im Rahmen der Anhörung wurde berücksichtigt; sie führt zu keiner anderen"
                    + " Entscheidung.");
        }
        return reasons;
    }

    static String legalBasis(Programme programme) {
        return programme.legalBasis().citation() + " in Verbindung mit der " + programme.legalBasis().directive();
    }

    static Court court(Programme programme) {
        var court = programme.authority().court();
        return new Court(court.name(), court.street(), court.postalCode(), court.city());
    }

    private static String contact(Application application) {
        String name = application.text("contactName");
        return name == null || name.isBlank() ? null : "z. Hd. " + name;
    }

    private static String join(String postalCode, String city) {
        return Stream.of(postalCode, city).filter(Objects::nonNull).reduce((a, b) -> a + " " + b).orElse(null);
    }
}
