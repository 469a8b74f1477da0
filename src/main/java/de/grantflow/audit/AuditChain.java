package de.grantflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links audit rows into a SHA-256 hash chain after they were written. Sealing afterwards keeps the writers free of a
 * global lock (a submission burst writes thousands of rows a minute), and orders rows by the time they became visible,
 * whatever order their ids were drawn in. One node seals at a time (an advisory lock), so the chain has no forks.
 */
@Component
class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final long SEALER_LOCK = 0x6772616e74L;

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seals what was written until now; returns how many rows it sealed. */
    @Scheduled(fixedDelayString = "${grantflow.audit.seal-interval:PT5S}")
    @Transactional
    public int seal() {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(SEALER_LOCK).query(Boolean.class).single()) {
            return 0;
        }
        List<Row> rows = jdbc.sql(SELECT + " WHERE chain_no IS NULL ORDER BY id LIMIT 5000")
                .query(AuditChain::row).list();
        if (rows.isEmpty()) {
            return 0;
        }
        record Head(long chainNo, String hash) {
        }
        Head head = jdbc.sql("SELECT chain_no, hash FROM audit_event WHERE chain_no IS NOT NULL"
                        + " ORDER BY chain_no DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Head(0, GENESIS));
        long[] ids = new long[rows.size()];
        long[] chainNos = new long[rows.size()];
        String[] previousHashes = new String[rows.size()];
        String[] hashes = new String[rows.size()];
        String previous = head.hash();
        for (int i = 0; i < rows.size(); i++) {
            ids[i] = rows.get(i).id();
            chainNos[i] = head.chainNo() + i + 1;
            previousHashes[i] = previous;
            hashes[i] = hash(rows.get(i), chainNos[i], previous);
            previous = hashes[i];
        }
        // the whole batch in one statement: a burst seals thousands of rows, and one UPDATE each was a round trip each
        jdbc.sql("""
                UPDATE audit_event a SET chain_no = s.chain_no, prev_hash = s.prev_hash, hash = s.hash
                FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS s (id, chain_no, prev_hash, hash)
                WHERE a.id = s.id""")
                .params(ids, chainNos, previousHashes, hashes).update();
        return rows.size();
    }

    /** Recomputes the whole chain; the first link that does not hold is where it was changed or cut. */
    @Transactional(readOnly = true)
    public Verification verify() {
        String previous = GENESIS;
        long expected = 1;
        long sealed = 0;
        Long lastId = 0L;
        while (true) {
            List<Row> rows = jdbc.sql(SELECT + " WHERE chain_no >= ? ORDER BY chain_no LIMIT 10000")
                    .param(expected).query(AuditChain::row).list();
            if (rows.isEmpty()) {
                break;
            }
            for (Row row : rows) {
                if (row.chainNo() != expected) {
                    return Verification.broken(sealed, expected, "Glied " + expected + " fehlt");
                }
                if (!previous.equals(row.prevHash()) || !hash(row, row.chainNo(), previous).equals(row.hash())) {
                    return Verification.broken(sealed, expected, "Glied " + expected + " (Eintrag " + row.id()
                            + ") wurde verändert");
                }
                previous = row.hash();
                expected++;
                sealed++;
                lastId = row.id();
            }
        }
        long unsealed = jdbc.sql("SELECT count(*) FROM audit_event WHERE chain_no IS NULL").query(Long.class).single();
        long highest = jdbc.sql("SELECT coalesce(max(chain_no), 0) FROM audit_event").query(Long.class).single();
        if (highest >= expected) {
            return Verification.broken(sealed, expected, "Glied " + expected + " fehlt");
        }
        return new Verification(true, sealed, unsealed, null, null, previous, lastId);
    }

    private static final String SELECT = """
            SELECT id, chain_no, prev_hash, hash, occurred_at, actor, action, subject, details::text AS details,
                   remote_address
            FROM audit_event""";

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long chainNo = rs.getLong("chain_no");
        return new Row(rs.getLong("id"), rs.wasNull() ? 0 : chainNo, rs.getString("prev_hash"), rs.getString("hash"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant().toString(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("details"),
                rs.getString("remote_address"));
    }

    static String hash(Row row, long chainNo, String previous) {
        String content = String.join("\u001f", Long.toString(chainNo), previous, Long.toString(row.id()),
                row.occurredAt(), String.valueOf(row.actor()), row.action(), String.valueOf(row.subject()),
                String.valueOf(row.details()), String.valueOf(row.remoteAddress()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Row(long id, long chainNo, String prevHash, String hash, String occurredAt, String actor, String action,
            String subject, String details, String remoteAddress) {
    }

    /** The outcome of a verification; {@code head} is the hash of the last link, to be noted down elsewhere. */
    public record Verification(boolean valid, long sealed, long unsealed, Long brokenAt, String problem, String head,
            Long lastId) {

        static Verification broken(long sealed, long at, String problem) {
            return new Verification(false, sealed, 0, at, problem, null, null);
        }
    }
}
