package de.grantflow.security;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's users, all with the password {@code demo}. Staff also get an account in the engine's identity service so
 * that they can log into Tasklist and Cockpit; applicants never do. Installed at start only in the demo profile.
 */
@Component
public class DemoUsers {

    static final String PASSWORD = "demo";
    private static final Set<String> AUTHORITIES = Set.of("br-arnsberg", "lpb-bw");

    private static final List<NewUser> USERS = List.of(
            applicant("antrag.dortmund", "Anna Schäfer", "anna.schaefer@stadtdo.de", "0231 50-12345", "05913000"),
            applicant("antrag.duisburg", "Mehmet Yılmaz", "m.yilmaz@stadt-duisburg.de", "0203 283-4567", "05112000"),
            applicant("antrag.muenster", "Katharina Nowak", "nowak@stadt-muenster.de", "0251 492-7788", "05515000"),
            applicant("antrag.stuttgart", "Jonas Weber", "jonas.weber@stuttgart.de", "0711 216-8899", "08111000"),
            staff("pruefer", "Peter Prüfer", "peter.pruefer@bra.nrw.de", "02931 82-2361", Set.of(Role.REVIEWER)),
            staff("pruefer2", "Petra Zweig", "petra.zweig@bra.nrw.de", "02931 82-2362",
                    Set.of(Role.REVIEWER, Role.APPROVER)),
            staff("bewilliger", "Bernd Bewilliger", "bernd.bewilliger@bra.nrw.de", "02931 82-2370",
                    Set.of(Role.APPROVER)),
            staff("programm", "Paula Programm", "paula.programm@bra.nrw.de", "02931 82-2300",
                    Set.of(Role.PROGRAMME_MANAGER)),
            staff("evaluation", "Eva Lutz", "lutz@evaluation.example", "0211 555-0100", Set.of(Role.EVALUATOR)),
            staff("revision", "Rita Revision", "rita.revision@bra.nrw.de", "02931 82-2390", Set.of(Role.AUDITOR)),
            new NewUser("admin", PASSWORD, "Administration", "admin@grantflow.example", null, Set.of(Role.ADMIN),
                    null, Set.of()));

    private final UserAccounts accounts;
    private final CurrentUsers users;
    private final EngineAccounts engineAccounts;

    DemoUsers(UserAccounts accounts, CurrentUsers users, EngineAccounts engineAccounts) {
        this.accounts = accounts;
        this.users = users;
        this.engineAccounts = engineAccounts;
    }

    /** The demo users as accounts, without their engine accounts. */
    static List<NewUser> users() {
        return USERS;
    }

    @Transactional
    public void install() {
        for (NewUser user : USERS) {
            accounts.createOrUpdate(user);
            // Tasklist and Cockpit are for those who work on cases: evaluators and auditors read through our pages
            if (!user.roles().contains(Role.APPLICANT) && !user.roles().equals(Set.of(Role.EVALUATOR))
                    && !user.roles().equals(Set.of(Role.AUDITOR))) {
                engineAccounts.save(user, users.find(user.username()).orElseThrow().engineGroups());
            }
        }
    }

    private static NewUser applicant(String username, String name, String email, String phone, String ags) {
        return new NewUser(username, PASSWORD, name, email, phone, Set.of(Role.APPLICANT), ags, Set.of());
    }

    private static NewUser staff(String username, String name, String email, String phone, Set<Role> roles) {
        return new NewUser(username, PASSWORD, name, email, phone, roles, null, AUTHORITIES);
    }
}
