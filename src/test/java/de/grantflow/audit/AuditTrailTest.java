package de.grantflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grantflow.ApiClient;
import de.grantflow.TestClock;
import de.grantflow.application.CaseFixtures;
import de.grantflow.web.PageSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Who did what, when, from where; sealed into a hash chain that shows any later change or removal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired AuditChain chain;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
    }

    @Test
    void recordsTheChangesOfACaseTheDownloadOfItsLetterAndTheLogins() {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Prüfpfad", 20_000));
        ApiClient dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        String letter = dortmund.get("/api/applications/" + id).body().path("letters").get(0).path("id").asText();
        assertThat(dortmund.bytes("/api/letters/" + letter)).isNotEmpty();
        PageSession page = new PageSession(port);
        page.login("pruefer", "falsch");
        page.login("pruefer", "demo");

        List<Map<String, Object>> trail = jdbc.sql("SELECT actor, action, subject, remote_address FROM audit_event"
                + " WHERE subject IN (?, ?) ORDER BY id").params("application:" + id, "letter:" + letter)
                .query().listOfRows();
        assertThat(trail).extracting(row -> row.get("action")).contains("CASE_CREATED", "CASE_SUBMITTED",
                "CASE_ELIGIBILITY_CHECKED", "LETTER_ISSUED", "LETTER_DOWNLOADED");
        assertThat(trail).filteredOn(row -> "CASE_SUBMITTED".equals(row.get("action")))
                .extracting(row -> row.get("actor")).containsOnly("antrag.dortmund");
        assertThat(trail).filteredOn(row -> "LETTER_DOWNLOADED".equals(row.get("action"))).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("actor")).isEqualTo("antrag.dortmund");
                    assertThat((String) row.get("remote_address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
                });
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE subject = 'user:pruefer' ORDER BY id DESC LIMIT 2")
                .query(String.class).list()).containsExactly("LOGIN", "LOGIN_FAILED");
    }

    @Test
    void sealsTheTrailIntoAChainThatVerifies() {
        cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Kette", 20_000));

        chain.seal();
        AuditChain.Verification verification = chain.verify();

        assertThat(verification.valid()).as(verification.problem()).isTrue();
        assertThat(verification.sealed()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE chain_no IS NULL").query(Long.class).single())
                .isZero();
        ApiClient admin = new ApiClient(port, "admin", "demo");
        assertThat(admin.post("/api/audit/verify", Map.of()).body().path("valid").asBoolean()).isTrue();
        assertThat(new ApiClient(port, "pruefer", "demo").post("/api/audit/verify", Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void refusesToChangeOrDeleteAnEntry() {
        cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Unveränderlich", 20_000));
        chain.seal();
        long id = jdbc.sql("SELECT max(id) FROM audit_event").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'jemand' WHERE id = ?").param(id).update())
                .hasMessageContaining("unveränderlich");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
                .hasMessageContaining("unveränderlich");
    }

    /** Someone with the database owner's rights switches the trigger off: the chain still tells. */
    @Test
    void detectsAChangedEntryAndARemovedOne() {
        cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Manipulation", 20_000));
        chain.seal();
        assertThat(chain.verify().valid()).isTrue();
        long changed = jdbc.sql("SELECT min(chain_no) FROM audit_event WHERE action = 'CASE_SUBMITTED'"
                + " AND chain_no IS NOT NULL").query(Long.class).single();
        String actor = jdbc.sql("SELECT actor FROM audit_event WHERE chain_no = ?").param(changed)
                .query(String.class).single();
        try {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change").update();
            jdbc.sql("UPDATE audit_event SET actor = 'jemand' WHERE chain_no = ?").param(changed).update();

            AuditChain.Verification tampered = chain.verify();

            assertThat(tampered.valid()).isFalse();
            assertThat(tampered.brokenAt()).isEqualTo(changed);
            assertThat(tampered.problem()).contains("verändert");

            jdbc.sql("UPDATE audit_event SET actor = ? WHERE chain_no = ?").params(actor, changed).update();
            assertThat(chain.verify().valid()).as("restored").isTrue();
            jdbc.sql("CREATE TABLE audit_removed_by_test AS SELECT * FROM audit_event WHERE chain_no = ?")
                    .param(changed + 1).update();
            jdbc.sql("DELETE FROM audit_event WHERE chain_no = ?").param(changed + 1).update();

            AuditChain.Verification cut = chain.verify();

            assertThat(cut.valid()).isFalse();
            assertThat(cut.brokenAt()).isEqualTo(changed + 1);
            jdbc.sql("INSERT INTO audit_event SELECT * FROM audit_removed_by_test").update();
            jdbc.sql("DROP TABLE audit_removed_by_test").update();
            assertThat(chain.verify().valid()).as("restored").isTrue();
        } finally {
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change").update();
        }
    }
}
