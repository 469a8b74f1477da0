package de.grantflow.application;

import static de.grantflow.application.ApplicationStatus.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The case as stored: who applies for what, where it stands, and the form data as the applicant entered it. */
public final class Application {

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> TRANSITIONS = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN)),
            Map.entry(SUBMITTED, EnumSet.of(INCOMPLETE, IN_REVIEW, WITHDRAWN)),
            Map.entry(INCOMPLETE, EnumSet.of(IN_REVIEW, LAPSED, WITHDRAWN)),
            Map.entry(IN_REVIEW, EnumSet.of(INCOMPLETE, HEARING, APPROVED, REJECTED, WITHDRAWN)),
            Map.entry(HEARING, EnumSet.of(APPROVED, REJECTED, WITHDRAWN)),
            Map.entry(APPROVED, EnumSet.of(FUNDED)),
            Map.entry(FUNDED, EnumSet.of(RECOVERY, CLOSED)),
            Map.entry(RECOVERY, EnumSet.of(CLOSED)),
            Map.entry(CLOSED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(REJECTED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(LAPSED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(ApplicationStatus.class)));

    private final UUID id;
    private final ApplicationReference reference;
    private final String programmeKey;
    private final String municipalityAgs;
    private final String createdBy;
    private final Instant createdAt;
    private String callKey;
    private ApplicationStatus status;
    private Map<String, Object> data;
    private BigDecimal grantedAmount;
    private Instant updatedAt;
    private Instant submittedAt;
    private Instant decidedAt;
    private LocalDate finalOn;
    private String processInstanceId;
    private Assessment assessment;
    private final int version;

    Application(UUID id, ApplicationReference reference, String programmeKey, String callKey, String municipalityAgs,
            ApplicationStatus status, Map<String, Object> data, BigDecimal grantedAmount, String createdBy,
            Instant createdAt, Instant updatedAt, Instant submittedAt, Instant decidedAt, LocalDate finalOn,
            String processInstanceId, Assessment assessment, int version) {
        this.id = id;
        this.reference = reference;
        this.programmeKey = programmeKey;
        this.callKey = callKey;
        this.municipalityAgs = municipalityAgs;
        this.status = status;
        this.data = Map.copyOf(data);
        this.grantedAmount = grantedAmount;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
        this.finalOn = finalOn;
        this.processInstanceId = processInstanceId;
        this.assessment = assessment;
        this.version = version;
    }

    static Application draft(UUID id, ApplicationReference reference, String programmeKey, String municipalityAgs,
            Map<String, Object> data, String createdBy, Instant now) {
        return new Application(id, reference, programmeKey, null, municipalityAgs, DRAFT, data, null, createdBy, now,
                now, null, null, null, null, Assessment.empty(), 0);
    }

    /** The deadline the applicant must keep now: documents while incomplete, the response while heard. */
    public LocalDate nextDeadline() {
        return nextDeadline(status, assessment.documentsDue(), assessment.hearingDue());
    }

    static LocalDate nextDeadline(ApplicationStatus status, LocalDate documentsDue, LocalDate hearingDue) {
        return status == ApplicationStatus.INCOMPLETE ? documentsDue
                : status == ApplicationStatus.HEARING ? hearingDue : null;
    }

    /** Until the decision is issued the applicant may withdraw (§ 22 VwVfG: the procedure depends on the application). */
    public boolean withdrawable() {
        return ApplicationStatus.WITHDRAWABLE.contains(status);
    }

    /** Submitted and not yet decided, withdrawn or lapsed: the project may start early only with consent. */
    public boolean awaitsDecision() {
        return ApplicationStatus.AWAITING_DECISION.contains(status);
    }

    /** A decision not yet final can be made final at once by waiving the appeal. */
    public boolean appealWaivable() {
        return ApplicationStatus.DECIDED.contains(status) && finalOn == null;
    }

    void replaceDraftData(Map<String, Object> newData, Instant now) {
        if (status != DRAFT) {
            throw new CaseConflictException("Der Antrag " + reference + " ist bereits eingereicht und kann nicht mehr"
                    + " geändert werden (Status: " + status.germanName() + ")");
        }
        data = Map.copyOf(newData);
        updatedAt = now;
    }

    void submit(Map<String, Object> validatedData, String openCallKey, Instant now) {
        if (status != DRAFT) {
            throw new CaseConflictException("Der Antrag " + reference + " ist bereits eingereicht (Status: "
                    + status.germanName() + ")");
        }
        data = Map.copyOf(validatedData);
        callKey = openCallKey;
        submittedAt = now;
        moveTo(SUBMITTED, now);
    }

    /** Moves to a new status; moving to the status it already has is a no-op, so a retried job changes nothing. */
    boolean moveTo(ApplicationStatus target, Instant now) {
        if (status == target) {
            return false;
        }
        if (!TRANSITIONS.get(status).contains(target)) {
            throw new CaseConflictException("Der Antrag " + reference + " kann nicht von „" + status.germanName()
                    + "“ nach „" + target.germanName() + "“ wechseln");
        }
        status = target;
        updatedAt = now;
        if (DECIDED.contains(target)) {
            decidedAt = now;
        }
        return true;
    }

    void grant(BigDecimal amount) {
        grantedAmount = amount;
    }

    void becomeFinal(LocalDate day) {
        if (!DECIDED.contains(status)) {
            throw new CaseConflictException("Nur ein entschiedener Antrag kann bestandskräftig werden");
        }
        finalOn = day;
    }

    void assess(Assessment updated) {
        assessment = updated;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public BigDecimal amount(String key) {
        Object value = data.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return new BigDecimal(value.toString());
    }

    public String text(String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    public UUID id() { return id; }
    public ApplicationReference reference() { return reference; }
    public String programmeKey() { return programmeKey; }
    String callKey() { return callKey; }
    String municipalityAgs() { return municipalityAgs; }
    public ApplicationStatus status() { return status; }
    public Map<String, Object> data() { return data; }
    public BigDecimal grantedAmount() { return grantedAmount; }
    String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant submittedAt() { return submittedAt; }
    public Instant decidedAt() { return decidedAt; }
    public LocalDate finalOn() { return finalOn; }
    String processInstanceId() { return processInstanceId; }
    Assessment assessment() { return assessment; }
    int version() { return version; }
}
