package de.grantflow.application;

import de.grantflow.security.CurrentUsers;
import de.grantflow.security.DemoUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates and reads cases for tests through the same services the API uses. */
@Component
@Profile("test")
public class CaseFixtures {

    private final ApplicationService service;
    private final ApplicationRepository repository;
    private final CurrentUsers users;
    private final DemoUsers demoUsers;
    private final JdbcClient jdbc;

    CaseFixtures(ApplicationService service, ApplicationRepository repository, CurrentUsers users,
            DemoUsers demoUsers, JdbcClient jdbc) {
        this.service = service;
        this.repository = repository;
        this.users = users;
        this.demoUsers = demoUsers;
        this.jdbc = jdbc;
    }

    private volatile boolean usersInstalled;

    /** The demo users, once per test context (hashing their passwords is slow by design). */
    public void ensureUsers() {
        if (!usersInstalled) {
            demoUsers.install();
            usersInstalled = true;
        }
    }

    /** Submits and waits until the intake has started the case's procedure. */
    public UUID submit(String username, String programme, Map<String, Object> data) {
        UUID id = submitOnly(username, programme, data);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> processInstanceId(id) != null);
        return id;
    }

    /** Submits; the procedure starts when the intake takes the case. */
    public UUID submitOnly(String username, String programme, Map<String, Object> data) {
        UUID id = service.create(users.find(username).orElseThrow(), programme, data).id();
        service.submit(users.find(username).orElseThrow(), id);
        return id;
    }

    public UUID draft(String username, String programme, Map<String, Object> data) {
        return service.create(users.find(username).orElseThrow(), programme, data).id();
    }

    public void withdraw(String username, UUID id) {
        service.withdraw(users.find(username).orElseThrow(), id);
    }

    public ApplicationStatus status(UUID id) {
        return repository.find(id).orElseThrow().status();
    }

    public String processInstanceId(UUID id) {
        return repository.find(id).orElseThrow().processInstanceId();
    }

    public String reference(UUID id) {
        return repository.find(id).orElseThrow().reference().value();
    }

    public BigDecimal grantedAmount(UUID id) {
        return repository.find(id).orElseThrow().grantedAmount();
    }

    public LocalDate finalOn(UUID id) {
        return repository.find(id).orElseThrow().finalOn();
    }

    public List<String> letterTypes(UUID id) {
        return jdbc.sql("SELECT type FROM letter WHERE application_id = :id ORDER BY issue_number")
                .param("id", id).query(String.class).list();
    }

    public void setBudget(String programme, int year, BigDecimal total) {
        jdbc.sql("UPDATE programme_budget SET total = :total, reserved = 0 WHERE programme_key = :p AND year = :y")
                .param("total", total).param("p", programme).param("y", year).update();
    }

    /** A complete KOMM-IN NRW application of the given amount (total costs allow up to 80 % funding). */
    public static Map<String, Object> kommIn(String title, int requested) {
        Map<String, Object> data = common(title, requested);
        data.put("foerderschwerpunkt", "vernetzung");
        data.put("projektschwerpunkt", "lotsensysteme");
        data.put("hasForeignersAuthority", true);
        return data;
    }

    public static Map<String, Object> common(String title, int requested) {
        Map<String, Object> data = new HashMap<>();
        data.put("projectTitle", title);
        data.put("description", "Aufbau eines Lotsensystems mit Migrantenselbstorganisationen im Stadtgebiet.");
        data.put("projectStart", "2026-06-01");
        data.put("projectEnd", "2027-05-31");
        data.put("totalCosts", requested * 2);
        data.put("ownContribution", requested / 2);
        data.put("requestedAmount", requested);
        data.put("contactName", "Anna Schäfer");
        data.put("contactEmail", "anna.schaefer@stadtdo.de");
        data.put("street", "Friedensplatz 1");
        data.put("postalCode", "44135");
        data.put("city", "Dortmund");
        return data;
    }
}
