package de.grantflow.funding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.funding.FundingRecords.ChangeRequest;
import de.grantflow.funding.FundingRecords.ChangeStatus;
import de.grantflow.funding.FundingRecords.Funding;
import de.grantflow.funding.FundingRecords.LedgerEntry;
import de.grantflow.funding.FundingRecords.LedgerKind;
import de.grantflow.funding.FundingRecords.Outcome;
import de.grantflow.funding.FundingRecords.PaymentRequest;
import de.grantflow.funding.FundingRecords.PaymentStatus;
import de.grantflow.funding.FundingRecords.Report;
import de.grantflow.funding.FundingRecords.ReportKind;
import de.grantflow.funding.FundingRecords.ReportStatus;
import de.grantflow.funding.FundingRecords.Usage;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The funding tables (V8), through plain SQL. */
@Repository
class FundingRepository {

    private static final TypeReference<LinkedHashMap<String, BigDecimal>> PLAN = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FundingRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- funding ---

    boolean insert(Funding funding) {
        return jdbc.sql("""
                INSERT INTO funding (application_id, programme_key, granted, period_start, period_end, cost_plan)
                VALUES (:id, :programme, :granted, :start, :end, CAST(:plan AS jsonb))
                ON CONFLICT (application_id) DO NOTHING""")
                .param("id", funding.applicationId()).param("programme", funding.programmeKey())
                .param("granted", funding.granted()).param("start", funding.periodStart())
                .param("end", funding.periodEnd()).param("plan", write(funding.costPlan()))
                .update() == 1;
    }

    Optional<Funding> find(UUID id) {
        return jdbc.sql("SELECT * FROM funding WHERE application_id = :id").param("id", id).query(this::funding)
                .optional();
    }

    /**
     * What the statistics need of a funding, in one statement: they derive a case's row at every step of it, and
     * reading the funding, its ledger and its proof of use one by one took three statements and parsed the cost plan
     * and the proof's form each time.
     */
    Optional<FundingService.FundingFacts> facts(UUID id) {
        return jdbc.sql("""
                SELECT f.proof_due, f.closed_on, l.paid, l.recovered, l.first_payout,
                    (SELECT r.check_result ->> 'checkedOn' FROM funding_report r
                     WHERE r.application_id = f.application_id AND r.kind = 'FINAL' AND r.period_year IS NULL)
                        AS proof_checked_on
                FROM funding f, LATERAL (
                    SELECT COALESCE(SUM(amount) FILTER (WHERE kind = 'PAYOUT'), 0) AS paid,
                        COALESCE(SUM(amount) FILTER (WHERE kind = 'RETURN'), 0) AS recovered,
                        MIN(booked_on) FILTER (WHERE kind = 'PAYOUT') AS first_payout
                    FROM funding_ledger WHERE application_id = f.application_id) l
                WHERE f.application_id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    String checked = rs.getString("proof_checked_on");
                    return new FundingService.FundingFacts(rs.getBigDecimal("paid"), rs.getBigDecimal("recovered"),
                            date(rs, "first_payout"), date(rs, "proof_due"),
                            checked == null ? null : LocalDate.parse(checked), date(rs, "closed_on"));
                })
                .optional();
    }

    Optional<Funding> lock(UUID id) {
        return jdbc.sql("SELECT * FROM funding WHERE application_id = :id FOR UPDATE").param("id", id)
                .query(this::funding).optional();
    }

    void update(Funding f) {
        jdbc.sql("""
                UPDATE funding SET period_end = :end, finished_on = :finished, cost_plan = CAST(:plan AS jsonb),
                    proof_due = :proofDue, in_depth = :inDepth, outcome = CAST(:outcome AS jsonb), closed_on = :closed,
                    version = version + 1
                WHERE application_id = :id""")
                .param("id", f.applicationId()).param("end", f.periodEnd()).param("finished", f.finishedOn())
                .param("plan", write(f.costPlan())).param("proofDue", f.proofDue()).param("inDepth", f.inDepth())
                .param("outcome", f.outcome() == null ? null : write(f.outcome())).param("closed", f.closedOn())
                .update();
    }

    private Funding funding(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Funding(rs.getObject("application_id", UUID.class), rs.getString("programme_key"),
                rs.getBigDecimal("granted"), date(rs, "period_start"), date(rs, "period_end"),
                date(rs, "finished_on"), read(rs.getString("cost_plan"), PLAN), date(rs, "proof_due"),
                (Boolean) rs.getObject("in_depth"), outcome == null ? null : read(outcome, Outcome.class),
                date(rs, "closed_on"));
    }

    // --- payment requests ---

    int nextPaymentNumber(UUID applicationId) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM payment_request WHERE application_id = :id")
                .param("id", applicationId).query(Integer.class).single();
    }

    void insert(PaymentRequest p) {
        jdbc.sql("""
                INSERT INTO payment_request (id, application_id, number, amount, needed_on, purpose, status,
                    requested_by, requested_at)
                VALUES (:id, :application, :number, :amount, :neededOn, :purpose, :status, :by, :at)""")
                .param("id", p.id()).param("application", p.applicationId()).param("number", p.number())
                .param("amount", p.amount()).param("neededOn", p.neededOn()).param("purpose", p.purpose())
                .param("status", p.status().name()).param("by", p.requestedBy()).param("at", utc(p.requestedAt()))
                .update();
    }

    void update(PaymentRequest p) {
        jdbc.sql("""
                UPDATE payment_request SET status = :status, checked_by = :checked, released_by = :released,
                    paid_on = :paidOn, note = :note, interest_waived_by = :waivedBy,
                    interest_waiver_reason = :waiverReason
                WHERE id = :id""")
                .param("id", p.id()).param("status", p.status().name()).param("checked", p.checkedBy())
                .param("released", p.releasedBy()).param("paidOn", p.paidOn()).param("note", p.note())
                .param("waivedBy", p.interestWaivedBy()).param("waiverReason", p.interestWaiverReason())
                .update();
    }

    Optional<PaymentRequest> paymentRequest(UUID applicationId, UUID id) {
        return jdbc.sql("SELECT * FROM payment_request WHERE application_id = :application AND id = :id")
                .param("application", applicationId).param("id", id).query(FundingRepository::paymentRequest)
                .optional();
    }

    Optional<PaymentRequest> paymentRequest(UUID applicationId, int number) {
        return jdbc.sql("SELECT * FROM payment_request WHERE application_id = :application AND number = :number")
                .param("application", applicationId).param("number", number).query(FundingRepository::paymentRequest)
                .optional();
    }

    List<PaymentRequest> paymentRequests(UUID applicationId) {
        return jdbc.sql("SELECT * FROM payment_request WHERE application_id = :id ORDER BY number")
                .param("id", applicationId).query(FundingRepository::paymentRequest).list();
    }

    private static PaymentRequest paymentRequest(ResultSet rs, int row) throws SQLException {
        return new PaymentRequest(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getInt("number"), rs.getBigDecimal("amount"), date(rs, "needed_on"), rs.getString("purpose"),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                instant(rs, "requested_at"), rs.getString("checked_by"), rs.getString("released_by"),
                date(rs, "paid_on"), rs.getString("note"), rs.getString("interest_waived_by"),
                rs.getString("interest_waiver_reason"));
    }

    // --- ledger and usage ---

    boolean book(UUID applicationId, String programmeKey, LedgerKind kind, BigDecimal amount, LocalDate on,
            String sourceKey, String bookedBy, String note) {
        return jdbc.sql("""
                INSERT INTO funding_ledger (application_id, programme_key, kind, amount, booked_on, source_key,
                    booked_by, note)
                VALUES (:application, :programme, :kind, :amount, :on, :source, :by, :note)
                ON CONFLICT (application_id, source_key) DO NOTHING""")
                .param("application", applicationId).param("programme", programmeKey).param("kind", kind.name())
                .param("amount", amount).param("on", on).param("source", sourceKey).param("by", bookedBy)
                .param("note", note).update() == 1;
    }

    List<LedgerEntry> ledger(UUID applicationId) {
        return jdbc.sql("SELECT * FROM funding_ledger WHERE application_id = :id ORDER BY booked_on, id")
                .param("id", applicationId).query(FundingRepository::ledgerEntry).list();
    }

    List<LedgerEntry> programmeLedger(String programmeKey, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                SELECT * FROM funding_ledger WHERE programme_key = :programme AND booked_on >= :from
                    AND booked_on < :until ORDER BY booked_on, id""")
                .param("programme", programmeKey).param("from", from).param("until", until)
                .query(FundingRepository::ledgerEntry).list();
    }

    private static LedgerEntry ledgerEntry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getObject("application_id", UUID.class),
                rs.getString("programme_key"), LedgerKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
                date(rs, "booked_on"), rs.getString("source_key"), rs.getString("booked_by"), rs.getString("note"));
    }

    void insertUsage(UUID applicationId, BigDecimal amount, LocalDate usedOn, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO funds_usage (application_id, amount, used_on, reported_by, reported_at)
                VALUES (:application, :amount, :usedOn, :by, :at)""")
                .param("application", applicationId).param("amount", amount).param("usedOn", usedOn)
                .param("by", by).param("at", utc(at)).update();
    }

    List<Usage> usage(UUID applicationId) {
        return jdbc.sql("SELECT amount, used_on FROM funds_usage WHERE application_id = :id ORDER BY used_on, id")
                .param("id", applicationId)
                .query((rs, n) -> new Usage(rs.getBigDecimal("amount"), date(rs, "used_on"))).list();
    }

    // --- change requests ---

    int nextChangeNumber(UUID applicationId) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM change_request WHERE application_id = :id")
                .param("id", applicationId).query(Integer.class).single();
    }

    void insert(ChangeRequest c) {
        jdbc.sql("""
                INSERT INTO change_request (id, application_id, number, new_period_end, cost_plan, reason, status,
                    requested_by, requested_at)
                VALUES (:id, :application, :number, :end, CAST(:plan AS jsonb), :reason, :status, :by, :at)""")
                .param("id", c.id()).param("application", c.applicationId()).param("number", c.number())
                .param("end", c.newPeriodEnd()).param("plan", c.costPlan() == null ? null : write(c.costPlan()))
                .param("reason", c.reason()).param("status", c.status().name()).param("by", c.requestedBy())
                .param("at", utc(c.requestedAt())).update();
    }

    void update(ChangeRequest c) {
        jdbc.sql("""
                UPDATE change_request SET status = :status, reviewed_by = :reviewed, decided_by = :decided,
                    decided_at = :decidedAt, note = :note
                WHERE id = :id""")
                .param("id", c.id()).param("status", c.status().name()).param("reviewed", c.reviewedBy())
                .param("decided", c.decidedBy()).param("decidedAt", c.decidedAt() == null ? null : utc(c.decidedAt()))
                .param("note", c.note()).update();
    }

    Optional<ChangeRequest> changeRequest(UUID applicationId, UUID id) {
        return jdbc.sql("SELECT * FROM change_request WHERE application_id = :application AND id = :id")
                .param("application", applicationId).param("id", id).query(this::changeRequest).optional();
    }

    List<ChangeRequest> changeRequests(UUID applicationId) {
        return jdbc.sql("SELECT * FROM change_request WHERE application_id = :id ORDER BY number")
                .param("id", applicationId).query(this::changeRequest).list();
    }

    private ChangeRequest changeRequest(ResultSet rs, int row) throws SQLException {
        String plan = rs.getString("cost_plan");
        return new ChangeRequest(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getInt("number"), date(rs, "new_period_end"), plan == null ? null : read(plan, PLAN),
                rs.getString("reason"), ChangeStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                instant(rs, "requested_at"), rs.getString("reviewed_by"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("note"));
    }

    // --- reports ---

    Optional<Report> report(UUID applicationId, ReportKind kind, Integer year) {
        return jdbc.sql("""
                SELECT * FROM funding_report WHERE application_id = :application AND kind = :kind
                    AND period_year IS NOT DISTINCT FROM :year""")
                .param("application", applicationId).param("kind", kind.name()).param("year", year)
                .query(this::report).optional();
    }

    Optional<Report> report(UUID applicationId, UUID id) {
        return jdbc.sql("SELECT * FROM funding_report WHERE application_id = :application AND id = :id")
                .param("application", applicationId).param("id", id).query(this::report).optional();
    }

    List<Report> reports(UUID applicationId) {
        return jdbc.sql("SELECT * FROM funding_report WHERE application_id = :id ORDER BY due_on, kind")
                .param("id", applicationId).query(this::report).list();
    }

    void insert(Report r) {
        jdbc.sql("""
                INSERT INTO funding_report (id, application_id, kind, period_year, due_on, status)
                VALUES (:id, :application, :kind, :year, :due, :status)""")
                .param("id", r.id()).param("application", r.applicationId()).param("kind", r.kind().name())
                .param("year", r.periodYear()).param("due", r.dueOn()).param("status", r.status().name()).update();
    }

    void update(Report r) {
        jdbc.sql("""
                UPDATE funding_report SET due_on = :due, data = CAST(:data AS jsonb), submitted_by = :by,
                    submitted_at = :at, status = :status, checked_by = :checkedBy,
                    check_result = CAST(:check AS jsonb)
                WHERE id = :id""")
                .param("id", r.id()).param("due", r.dueOn()).param("data", r.data() == null ? null : write(r.data()))
                .param("by", r.submittedBy()).param("at", r.submittedAt() == null ? null : utc(r.submittedAt()))
                .param("status", r.status().name()).param("checkedBy", r.checkedBy())
                .param("check", r.checkResult() == null ? null : write(r.checkResult())).update();
    }

    private Report report(ResultSet rs, int row) throws SQLException {
        String data = rs.getString("data");
        String check = rs.getString("check_result");
        return new Report(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                ReportKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("period_year"), date(rs, "due_on"),
                data == null ? null : read(data, OBJECT), rs.getString("submitted_by"), instant(rs, "submitted_at"),
                ReportStatus.valueOf(rs.getString("status")), rs.getString("checked_by"),
                check == null ? null : read(check, OBJECT));
    }

    // --- helpers ---

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** See {@link FundingService#anonymise}. */
    void anonymise(UUID id, String anonymised) {
        jdbc.sql("""
                UPDATE payment_request SET requested_by = :anonymised, checked_by = NULL, released_by = NULL,
                    note = NULL, interest_waived_by = NULL, interest_waiver_reason = NULL
                WHERE application_id = :id""").param("id", id).param("anonymised", anonymised).update();
        jdbc.sql("UPDATE funding_ledger SET booked_by = NULL, note = NULL WHERE application_id = :id")
                .param("id", id).update();
        jdbc.sql("UPDATE funds_usage SET reported_by = :anonymised WHERE application_id = :id")
                .param("id", id).param("anonymised", anonymised).update();
        jdbc.sql("""
                UPDATE change_request SET requested_by = :anonymised, reviewed_by = NULL, decided_by = NULL,
                    note = NULL
                WHERE application_id = :id""").param("id", id).param("anonymised", anonymised).update();
        jdbc.sql("UPDATE funding_report SET submitted_by = NULL, checked_by = NULL WHERE application_id = :id")
                .param("id", id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
