package de.grantflow.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grantflow.application.CaseFixtures;
import de.grantflow.letters.LetterBody.Receipt;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** A step's letter is stored once, with the hash of its bytes, and never changes afterwards. */
@SpringBootTest
@ActiveProfiles("test")
class LetterServiceTest {

    private static final LetterContent CONTENT = new LetterContent(LetterRendererTest.header(),
            new Receipt(LocalDate.of(2026, 3, 2), new BigDecimal("10000")));

    @Autowired LetterService letters;
    @Autowired CaseFixtures cases;
    @Autowired JdbcClient jdbc;

    @Test
    void issuesEachStepOnceAndKeepsItUnchanged() throws Exception {
        UUID application = submitted("Einmalig");

        StoredLetter first = letters.issue(application, "TEST:once", CONTENT);
        StoredLetter again = letters.issue(application, "TEST:once", CONTENT);

        assertThat(again).as("what the insert returned is what was stored").isEqualTo(first);
        assertThat(letters.lettersOf(application)).contains(first);
        LetterFile file = letters.file(first.id()).orElseThrow();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.content())))
                .isEqualTo(first.sha256()).hasSize(64);
        assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE application_id = :a AND step_key = 'TEST:once'")
                .param("a", application).query(Integer.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("UPDATE letter SET content = '\\x00' WHERE id = :id")
                .param("id", first.id()).update()).hasMessageContaining("unveränderlich");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM letter WHERE id = :id").param("id", first.id()).update())
                .hasMessageContaining("unveränderlich");
    }

    @Test
    void storesOneLetterWhenTwoIssueTheSameStepAtOnce() throws Exception {
        UUID application = submitted("Zugleich");

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<StoredLetter> issue = () -> letters.issue(application, "TEST:twice", CONTENT);
            List<Future<StoredLetter>> issued = threads.invokeAll(List.of(issue, issue));

            assertThat(issued.get(0).get()).isEqualTo(issued.get(1).get());
        } finally {
            threads.shutdown();
        }
        assertThat(letters.lettersOf(application)).filteredOn(l -> l.stepKey().equals("TEST:twice")).hasSize(1);
    }

    private UUID submitted(String title) {
        cases.ensureUsers();
        return cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn(title, 10_000));
    }
}
